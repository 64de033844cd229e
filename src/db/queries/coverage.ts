import { asc, inArray, sql } from 'drizzle-orm';
import type { CoverageReport } from '../../contract/coverage';
import { buildCoverage, SCOPE_STATUSES, type CatalogEntry, type CoverageCountRow, type CoverageScope } from '../../core/coverage';
import { categoryEntries, chunkCoverage, chunkRecommendation, HIGH_CONFIDENCE_ABOVE, HIGH_CONFIDENCE_KEY, LOW_CONFIDENCE_BELOW, type ChunkCountRow } from '../../core/coverage-chunks';
import { combinationKey, parseCombinationKey, rankRecommendations } from '../../core/coverage-recommendations';
import { queryRows, type Db, type Tx } from '../client';
import { coverageDismissals, dimensionValues, documents } from '../schema';
import { statusList } from '../status-sql';
import { listArcs } from './arcs';

interface ScanRow {
  set: 'slots' | 'topics' | 'chunks' | 'documents';
  persona: string | null;
  emotion: string | null;
  tier: string | null;
  status: string | null;
  arcKey: string | null;
  topic: string | null;
  chunkId: string | null;
  documentId: string | null;
  snapshotCategory: string | null;
  n: string | number;
  scoped: string | number;
}

export interface CoverageScan {
  /** Every conversation per persona, emotion, tier, status and arc (all statuses). */
  rows: CoverageCountRow[];
  /** In scope: per persona, emotion and topic. */
  topics: { persona: string; emotion: string; topic: string; n: number }[];
  /** In scope: per source chunk. */
  chunks: Map<string, number>;
  /** In scope: per source document, or the category its snapshot kept when the document is gone. */
  documents: { documentId: string | null; snapshotCategory: string | null; n: number }[];
}

/**
 * Everything coverage counts, in one pass over the conversations: GROUPING SETS aggregate the
 * four groupings from a single scan (four scans were most of the endpoint's time at 100,000
 * conversations), and a few hundred rows come back whatever the dataset's size. The slot counts
 * keep every status (the tiers chart stacks them); the others count only the scope's statuses.
 */
export async function scanCoverage(db: Db | Tx, scope: CoverageScope): Promise<CoverageScan> {
  const rows = await queryRows<ScanRow>(
    db as Db,
    sql`select case when grouping(tier) = 0 then 'slots' when grouping(topic) = 0 then 'topics' when grouping(chunk_id) = 0 then 'chunks' else 'documents' end as set,
               persona, emotion, tier, status, arc_key as "arcKey", topic, chunk_id as "chunkId", document_id as "documentId", snapshot_category as "snapshotCategory",
               count(*) as n, count(*) filter (where status in (${statusList(SCOPE_STATUSES[scope])})) as scoped
          from (select persona, emotion, tier, status, arc_key, topic, chunk_id, document_id,
                       -- Read only when the document is gone: the snapshot is large, and detoasting it for every row costs.
                       case when document_id is null then source_snapshot->>'category' end as snapshot_category
                  from conversations) c
         group by grouping sets ((persona, emotion, tier, status, arc_key), (persona, emotion, topic), (chunk_id), (document_id, snapshot_category))`,
  );
  const scan: CoverageScan = { rows: [], topics: [], chunks: new Map(), documents: [] };
  for (const r of rows) {
    const n = Number(r.n);
    const scoped = Number(r.scoped);
    if (r.set === 'slots') scan.rows.push({ persona: r.persona!, emotion: r.emotion!, tier: r.tier!, status: r.status!, arcKey: r.arcKey, n });
    else if (scoped === 0) continue;
    else if (r.set === 'topics') scan.topics.push({ persona: r.persona!, emotion: r.emotion!, topic: r.topic!, n: scoped });
    else if (r.set === 'chunks') {
      if (r.chunkId) scan.chunks.set(r.chunkId, scoped);
    } else scan.documents.push({ documentId: r.documentId, snapshotCategory: r.snapshotCategory, n: scoped });
  }
  return scan;
}

/** Persona, emotion and topic values with their labels, in catalog order, inactive ones too. */
export async function coverageCatalog(db: Db | Tx): Promise<Record<'persona' | 'emotion' | 'topic', CatalogEntry[]>> {
  const rows = await db
    .select({ dimension: dimensionValues.dimension, key: dimensionValues.key, label: dimensionValues.label, active: dimensionValues.active })
    .from(dimensionValues)
    .where(inArray(dimensionValues.dimension, ['persona', 'emotion', 'topic']))
    .orderBy(asc(dimensionValues.sortOrder), asc(dimensionValues.id));
  const of = (d: string) => rows.filter((r) => r.dimension === d).map(({ key, label, active }) => ({ key, label, active }));
  return { persona: of('persona'), emotion: of('emotion'), topic: of('topic') };
}

/** Every chunk of a document with its analysed confidence and expertise, and the conversations in scope drawn from it. */
export async function chunkCounts(db: Db | Tx, used: ReadonlyMap<string, number>): Promise<ChunkCountRow[]> {
  const rows = await queryRows<Omit<ChunkCountRow, 'count' | 'confidence'> & { confidence: string | number | null }>(
    db as Db,
    sql`select ch.id as "chunkId", ch.document_id as "documentId", d.title as "documentTitle", d.category, ch.ordinal, ch.heading,
               case when jsonb_typeof(ch.dimensions->'confidence') = 'number' then (ch.dimensions->>'confidence')::double precision end as confidence,
               ch.dimensions->>'expertise_level' as expertise
          from chunks ch join documents d on d.id = ch.document_id`,
  );
  return rows.map((r) => ({ ...r, count: used.get(r.chunkId) ?? 0, confidence: r.confidence === null ? null : Number(r.confidence) }));
}

/** Conversations per category: a document's current category, or the one its snapshot kept when the document is gone. */
async function categoryCounts(db: Db, used: CoverageScan['documents']) {
  const categories = new Map((await db.select({ id: documents.id, category: documents.category }).from(documents)).map((d) => [d.id, d.category]));
  return used.map((u) => ({ category: (u.documentId ? categories.get(u.documentId) : null) ?? u.snapshotCategory, n: u.n }));
}

/** Not-generated slots per persona × emotion, from the grouped counts. */
export function waitingSlots(rows: readonly CoverageCountRow[]) {
  const map = new Map<string, { persona: string; emotion: string; n: number }>();
  for (const r of rows) {
    if (r.status !== 'not_generated') continue;
    const k = `${r.persona}|${r.emotion}`;
    const w = map.get(k) ?? { persona: r.persona, emotion: r.emotion, n: 0 };
    w.n += r.n;
    map.set(k, w);
  }
  return [...map.values()];
}

export async function listDismissals(db: Db | Tx) {
  return db.select({ key: coverageDismissals.key, dismissedAt: coverageDismissals.dismissedAt }).from(coverageDismissals).orderBy(asc(coverageDismissals.dismissedAt));
}

/** The coverage dashboard and its recommendations (US3.2.1, US3.2.2, US10.2.2). */
export async function getCoverage(db: Db, scope: CoverageScope, settings: { minPerCombination: number; targetPerCombination: number }): Promise<CoverageReport> {
  // One after another: PGlite runs one statement at a time anyway, and all but the scan are small.
  const { rows, topics, chunks: chunkUse, documents: documentUse } = await scanCoverage(db, scope);
  const catalog = await coverageCatalog(db);
  const arcs = await listArcs(db);
  const categories = await categoryCounts(db, documentUse);
  const chunks = await chunkCounts(db, chunkUse);
  const dismissals = await listDismissals(db);

  const min = settings.minPerCombination;
  const figures = buildCoverage({ scope, rows, personas: catalog.persona, emotions: catalog.emotion, arcs, minPerCombination: min });
  const dismissed = new Set(dismissals.map((d) => d.key));
  const ranked = rankRecommendations({
    gaps: figures.gaps,
    byPersona: figures.byPersona,
    byEmotion: figures.byEmotion,
    topics: catalog.topic,
    topicCounts: topics,
    waiting: waitingSlots(rows),
    dismissed,
    min,
    target: settings.targetPerCombination,
  });
  const byChunk = chunkCoverage(chunks);
  const label = (d: 'persona' | 'emotion', key: string) => catalog[d].find((v) => v.key === key)?.label ?? key;
  const chunkRec = chunkRecommendation(chunks, byChunk, min, dismissed);
  return {
    scope,
    total: figures.total,
    slots: rows.reduce((s, r) => s + r.n, 0),
    generating: figures.generating,
    minPerCombination: min,
    targetPerCombination: settings.targetPerCombination,
    byPersona: figures.byPersona,
    byEmotion: figures.byEmotion,
    byTier: figures.byTier,
    byArc: figures.byArc,
    byCategory: categoryEntries(categories),
    byChunk: { ...byChunk, highConfidenceAbove: HIGH_CONFIDENCE_ABOVE, lowConfidenceBelow: LOW_CONFIDENCE_BELOW },
    personaEmotion: figures.personaEmotion,
    gaps: figures.gaps.map((g) => ({ ...g, dismissed: dismissed.has(combinationKey(g.persona, g.emotion)) })),
    recommendations: ranked.top,
    recommendationCount: ranked.all.length,
    chunkRecommendation: chunkRec,
    dismissed: dismissals.map((d) => {
      const pair = parseCombinationKey(d.key);
      return {
        key: d.key,
        label: pair ? `${label('persona', pair.persona)} + ${label('emotion', pair.emotion)}` : d.key === HIGH_CONFIDENCE_KEY ? `Generate from chunks with confidence > ${HIGH_CONFIDENCE_ABOVE}` : d.key,
        dismissedAt: d.dismissedAt.toISOString(),
      };
    }),
  };
}

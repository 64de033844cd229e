import { asc, inArray, sql } from 'drizzle-orm';
import type { CoverageReport } from '../../contract/coverage';
import { buildCoverage, SCOPE_STATUSES, type CatalogEntry, type CoverageCountRow, type CoverageScope } from '../../core/coverage';
import { categoryEntries, chunkCoverage, chunkRecommendation, HIGH_CONFIDENCE_ABOVE, HIGH_CONFIDENCE_KEY, LOW_CONFIDENCE_BELOW, type ChunkCountRow } from '../../core/coverage-chunks';
import { combinationKey, parseCombinationKey, rankRecommendations } from '../../core/coverage-recommendations';
import { queryRows, type Db, type Tx } from '../client';
import { coverageDismissals, dimensionValues } from '../schema';
import { statusList } from '../status-sql';
import { listArcs } from './arcs';

/**
 * Conversations per persona, emotion, tier, status and arc: one GROUP BY over every conversation,
 * a few hundred rows back whatever the dataset's size. Everything else is worked out from it in core.
 */
export async function coverageCounts(db: Db | Tx): Promise<CoverageCountRow[]> {
  const rows = await queryRows<CoverageCountRow & { n: string | number }>(
    db as Db,
    sql`select persona, emotion, tier, status, arc_key as "arcKey", count(*) as n from conversations group by persona, emotion, tier, status, arc_key`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
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
export async function chunkCounts(db: Db | Tx, scope: CoverageScope): Promise<ChunkCountRow[]> {
  const rows = await queryRows<Omit<ChunkCountRow, 'count' | 'confidence'> & { count: string | number; confidence: string | number | null }>(
    db as Db,
    sql`with used as (
          select chunk_id, count(*) as n from conversations
           where chunk_id is not null and status in (${statusList(SCOPE_STATUSES[scope])})
           group by chunk_id)
        select ch.id as "chunkId", ch.document_id as "documentId", d.title as "documentTitle", d.category, ch.ordinal, ch.heading,
               case when jsonb_typeof(ch.dimensions->'confidence') = 'number' then (ch.dimensions->>'confidence')::double precision end as confidence,
               ch.dimensions->>'expertise_level' as expertise, coalesce(used.n, 0) as count
          from chunks ch join documents d on d.id = ch.document_id left join used on used.chunk_id = ch.id`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count), confidence: r.confidence === null ? null : Number(r.confidence) }));
}

async function categoryCounts(db: Db, scope: CoverageScope) {
  // Grouped by document first (a handful of rows), then by category: a conversation whose document
  // is gone keeps the category it was made from, in its source snapshot.
  const rows = await queryRows<{ category: string | null; n: string | number }>(
    db,
    sql`select coalesce(d.category, c.snapshot_category) as category, sum(c.n) as n
          from (select document_id, source_snapshot->>'category' as snapshot_category, count(*) as n from conversations
                 where status in (${statusList(SCOPE_STATUSES[scope])}) group by document_id, snapshot_category) c
          left join documents d on d.id = c.document_id
         group by 1`,
  );
  return rows.map((r) => ({ category: r.category, n: Number(r.n) }));
}

export async function topicCounts(db: Db | Tx, scope: CoverageScope) {
  const rows = await queryRows<{ persona: string; emotion: string; topic: string; n: string | number }>(
    db as Db,
    sql`select persona, emotion, topic, count(*) as n from conversations where status in (${statusList(SCOPE_STATUSES[scope])}) group by persona, emotion, topic`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
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
  // One after another: PGlite runs one statement at a time anyway, and PostgreSQL gains little on queries this small.
  const rows = await coverageCounts(db);
  const catalog = await coverageCatalog(db);
  const arcs = await listArcs(db);
  const topics = await topicCounts(db, scope);
  const categories = await categoryCounts(db, scope);
  const chunks = await chunkCounts(db, scope);
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

import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DeriveScenariosBody, ScenarioItem, ScenarioListQuery, ScenarioPage } from '../../contract/scenarios';
import type { ScenarioCatalog } from '../../core/scenario-answer';
import type { DiversityScenario } from '../../core/scenario-diversity';
import { notFound } from '../../core/errors';
import type { Db, Tx } from '../client';
import { chunks, conversations, dimensionValues, documents, generationRuns, scenarios } from '../schema';

/** The derivation selector a run stores: which chunks, which category, how many scenarios each. */
export type DerivationSelector = Pick<DeriveScenariosBody, 'documentIds' | 'chunkIds' | 'category' | 'perChunk'>;

/**
 * A derived scenario's key: the chunk and its place among that chunk's scenarios. The key is
 * unique, so drawing from the same chunk again inserts nothing already there (and keeps any edit).
 */
export const derivedScenarioKey = (chunkId: string, n: number) => `chunk:${chunkId}:${n}`;

/** Escapes `%`, `_` and `\` so a search for "50%" means that text. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const derivedCount = sql`(select count(*) from scenarios s where s.chunk_id = ${chunks.id} and s.origin = 'derived')`;

/** The chunks a derivation covers, as a WHERE on `chunks` joined to `documents`: ready documents only; those with all their scenarios already drawn are left out. */
export function derivationWhere(selector: DerivationSelector, opts: { includeDone?: boolean } = {}): SQL | undefined {
  return and(
    eq(documents.status, 'ready'),
    selector.documentIds ? inArray(chunks.documentId, selector.documentIds) : undefined,
    selector.chunkIds ? inArray(chunks.id, selector.chunkIds) : undefined,
    opts.includeDone ? undefined : sql`${derivedCount} < ${selector.perChunk ?? 1}`,
  );
}

/** How many chunks a derivation asks about, their text length (for the cost), and how many already have their scenarios. */
export async function countDerivation(db: Db, selector: DerivationSelector): Promise<{ count: number; contentChars: number; skippedExisting: number }> {
  const todo = derivationWhere(selector) ?? sql`true`;
  const [row] = await db
    .select({
      count: sql<number>`count(*) filter (where ${todo})::int`,
      contentChars: sql<number>`coalesce(sum(length(${chunks.content})) filter (where ${todo}), 0)::int`,
      all: sql<number>`count(*)::int`,
    })
    .from(chunks)
    .innerJoin(documents, eq(documents.id, chunks.documentId))
    .where(derivationWhere(selector, { includeDone: true }));
  return { count: row.count, contentChars: row.contentChars, skippedExisting: row.all - row.count };
}

/** The active persona, emotion and topic values a scenario may suggest, in the catalog's order. */
export async function scenarioCatalog(db: Db | Tx): Promise<ScenarioCatalog> {
  const rows = await db
    .select({ dimension: dimensionValues.dimension, key: dimensionValues.key, label: dimensionValues.label })
    .from(dimensionValues)
    .where(and(eq(dimensionValues.active, true), inArray(dimensionValues.dimension, ['persona', 'emotion', 'topic'])))
    .orderBy(asc(dimensionValues.sortOrder), asc(dimensionValues.id));
  const of = (d: string) => rows.filter((r) => r.dimension === d).map(({ key, label }) => ({ key, label }));
  return { persona: of('persona'), emotion: of('emotion'), topic: of('topic') };
}

/** A run's stored selector (what each item of it asks for). */
export async function derivationSelectorOf(db: Db, runId: string): Promise<DerivationSelector> {
  const [row] = await db.select({ selector: generationRuns.selector }).from(generationRuns).where(eq(generationRuns.id, runId));
  return (row?.selector ?? {}) as DerivationSelector;
}

/** Titles made unique against the library (case-insensitive) and each other: "X", then "X (2)", "X (3)"… */
export async function freeTitles(db: Db | Tx, wanted: string[]): Promise<string[]> {
  if (!wanted.length) return [];
  const taken = new Set(
    (await db.select({ title: scenarios.title }).from(scenarios).where(or(...wanted.map((t) => ilike(scenarios.title, `${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))))).map((r) => r.title.toLowerCase()),
  );
  return wanted.map((title) => {
    let candidate = title;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${title} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The scenario with this title (case-insensitive, trimmed), other than `exceptId`. */
export async function scenarioWithTitle(db: Db | Tx, title: string, exceptId?: string) {
  const [row] = await db
    .select({ id: scenarios.id, title: scenarios.title, archived: scenarios.archived })
    .from(scenarios)
    .where(and(sql`lower(${scenarios.title}) = lower(${title.trim()})`, exceptId ? sql`${scenarios.id} <> ${exceptId}` : undefined))
    .limit(1);
  return row;
}

/** Conversations that use a scenario: what keeps it from being deleted. */
export async function scenarioConversationCount(db: Db | Tx, id: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.scenarioId, id));
  return row.n;
}

/** One grouped pass over conversations, joined in: no query per scenario. */
const usage = sql`(select c.scenario_id, count(*)::int as conversations,
                     count(*) filter (where c.status in ('generated', 'approved', 'rejected'))::int as generated,
                     count(*) filter (where c.status = 'approved')::int as approved
                from conversations c where c.scenario_id is not null group by c.scenario_id)`;

function listWhere(q: Partial<ScenarioListQuery>): SQL | undefined {
  const s = scenarios;
  const text = q.q ? likeText(q.q) : null;
  return and(
    eq(s.archived, q.archived ?? false),
    q.category ? eq(s.category, q.category) : undefined,
    q.tag ? sql`${s.tags} @> ${JSON.stringify([q.tag])}::jsonb` : undefined,
    q.favorite !== undefined ? eq(s.favorite, q.favorite) : undefined,
    q.origin ? eq(s.origin, q.origin) : undefined,
    q.document ? eq(s.documentId, q.document) : undefined,
    text
      ? or(ilike(s.title, text), ilike(s.description, text), ilike(s.problem, text), ilike(s.solution, text), ilike(s.outcome, text), sql`${s.tags}::text ilike ${text}`)
      : undefined,
  );
}

type Row = typeof scenarios.$inferSelect & { documentTitle: string | null; chunkHeading: string | null; chunkOrdinal: number | null; conversations: number | null; generated: number | null; approved: number | null };

function present(r: Row): ScenarioItem {
  return {
    id: r.id,
    key: r.key,
    title: r.title,
    description: r.description,
    category: r.category,
    tags: r.tags,
    problem: r.problem,
    solution: r.solution,
    outcome: r.outcome,
    persona: r.persona,
    emotion: r.emotion,
    topic: r.topic,
    favorite: r.favorite,
    archived: r.archived,
    origin: r.origin,
    source: r.documentId ? { documentId: r.documentId, documentTitle: r.documentTitle ?? '', chunkId: r.chunkId, chunkHeading: r.chunkHeading, chunkOrdinal: r.chunkOrdinal } : null,
    usage: { conversations: r.conversations ?? 0, generated: r.generated ?? 0, approved: r.approved ?? 0 },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const u = sql.raw('u');

function selectRows(db: Db | Tx) {
  return db
    .select({
      scenario: scenarios,
      documentTitle: documents.title,
      chunkHeading: chunks.heading,
      chunkOrdinal: chunks.ordinal,
      conversations: sql<number | null>`${u}.conversations`,
      generated: sql<number | null>`${u}.generated`,
      approved: sql<number | null>`${u}.approved`,
    })
    .from(scenarios)
    .leftJoin(documents, eq(documents.id, scenarios.documentId))
    .leftJoin(chunks, eq(chunks.id, scenarios.chunkId))
    .leftJoin(sql`${usage} as ${u}`, sql`${u}.scenario_id = ${scenarios.id}`);
}

const flatten = (r: Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number]): Row => ({ ...r.scenario, documentTitle: r.documentTitle, chunkHeading: r.chunkHeading, chunkOrdinal: r.chunkOrdinal, conversations: r.conversations, generated: r.generated, approved: r.approved });

/** The library: favourites first, then newest; with source and usage, in two queries whatever the page size. */
export async function listScenarios(db: Db, q: ScenarioListQuery): Promise<ScenarioPage> {
  const where = listWhere(q);
  const [rows, [{ total }]] = await Promise.all([
    selectRows(db)
      .where(where)
      .orderBy(desc(scenarios.favorite), desc(scenarios.createdAt), asc(scenarios.title))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(scenarios).where(where),
  ]);
  return { items: rows.map((r) => present(flatten(r))), total, page: q.page, pageSize: q.pageSize };
}

export async function getScenario(db: Db | Tx, id: string): Promise<ScenarioItem> {
  const [row] = await selectRows(db).where(eq(scenarios.id, id));
  if (!row) throw notFound('The scenario', 'It may have been deleted. Go back to the Scenarios page and pick it again.');
  return present(flatten(row));
}

/** Every non-archived scenario with what the diversity report counts, and the categories of uploaded documents. */
export async function diversityInputs(db: Db): Promise<{ items: DiversityScenario[]; documentCategories: string[] }> {
  const [rows, cats] = await Promise.all([
    db
      .select({
        id: scenarios.id,
        title: scenarios.title,
        category: scenarios.category,
        documentId: scenarios.documentId,
        documentTitle: documents.title,
        documentCategory: documents.category,
        persona: scenarios.persona,
        emotion: scenarios.emotion,
        topic: scenarios.topic,
        conversations: sql<number>`coalesce(${u}.conversations, 0)`,
      })
      .from(scenarios)
      .leftJoin(documents, eq(documents.id, scenarios.documentId))
      .leftJoin(sql`${usage} as ${u}`, sql`${u}.scenario_id = ${scenarios.id}`)
      .where(eq(scenarios.archived, false))
      .orderBy(asc(scenarios.createdAt), asc(scenarios.id)),
    db.selectDistinct({ category: documents.category }).from(documents).where(eq(documents.status, 'ready')),
  ]);
  return { items: rows, documentCategories: cats.map((c) => c.category) };
}

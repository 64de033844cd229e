import { sql } from 'drizzle-orm';
import type { EdgeCaseCoverage, EdgeCaseItem, EdgeCaseListQuery } from '../../contract/edge-cases';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS } from '../../core/edge-case-categories';
import { suggestionKey, type CatalogEntry, type EdgeCaseMark } from '../../core/edge-case-suggestions';
import { queryRows, type Db, type Tx } from '../client';

/**
 * How many of a group of edge-case conversations were planned, generated (have text), approved,
 * and generated but under the edge-case bar — one SQL fragment, so the library and the coverage
 * report count alike.
 */
const usageColumns = (bar: number) => sql`
  count(c.id)::int as "conversations",
  count(c.id) filter (where c.status in ('generated', 'approved', 'rejected'))::int as "generated",
  count(c.id) filter (where c.status = 'approved')::int as "approved",
  count(c.id) filter (where c.status in ('generated', 'approved', 'rejected') and c.quality_score is not null and c.quality_score < ${bar})::int as "belowBar"`;

interface UsageRow {
  conversations: number;
  generated: number;
  approved: number;
  belowBar: number;
}

/** The edge-case library with each definition's usage (US8.3.1, US8.3.2). */
export async function listEdgeCases(db: Db | Tx, query: EdgeCaseListQuery, edgeCaseMinScore: number): Promise<EdgeCaseItem[]> {
  const archived = query.archived ?? 'false';
  const q = query.q ? `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<Omit<EdgeCaseItem, 'usage'> & UsageRow>(
    db as Db,
    sql`select e.id, e.key, e.title, e.category, e.description, e.adversarial_prompt as "adversarialPrompt", e.expected_behavior as "expectedBehavior",
               e.persona, e.emotion, e.topic, e.archived, e.origin, ${usageColumns(edgeCaseMinScore)}
        from edge_cases e left join conversations c on c.edge_case_id = e.id and c.tier = 'edge_case'
        where true
          ${archived === 'all' ? sql`` : sql`and e.archived = ${archived === 'true'}`}
          ${query.category ? sql`and e.category = ${query.category}` : sql``}
          ${q ? sql`and (lower(e.title) like ${q} or lower(e.description) like ${q} or lower(e.adversarial_prompt) like ${q} or lower(e.expected_behavior) like ${q})` : sql``}
        group by e.id
        order by e.category, e.title`,
  );
  return rows.map(({ conversations, generated, approved, belowBar, ...e }) => ({ ...e, usage: { conversations, generated, approved, belowBar } }));
}

/** The edge-case coverage report: per category, and per persona × category. */
export async function edgeCaseCoverage(db: Db, edgeCaseMinScore: number): Promise<EdgeCaseCoverage> {
  const byCategory = await queryRows<UsageRow & { category: string; definitions: number }>(
    db,
    sql`select e.category, count(distinct e.id) filter (where not e.archived)::int as "definitions", ${usageColumns(edgeCaseMinScore)}
        from edge_cases e left join conversations c on c.edge_case_id = e.id and c.tier = 'edge_case'
        group by e.category`,
  );
  const byPersona = await queryRows<{ persona: string; label: string | null; category: string; n: number }>(
    db,
    sql`select c.persona, v.label, e.category, count(*)::int as "n"
        from conversations c join edge_cases e on e.id = c.edge_case_id
        left join dimension_values v on v.dimension = 'persona' and v.key = c.persona
        where c.tier = 'edge_case'
        group by 1, 2, 3 order by 2, 1`,
  );
  const zero = { definitions: 0, conversations: 0, generated: 0, approved: 0, belowBar: 0 };
  const categories = EDGE_CASE_CATEGORIES.map((category) => {
    const row = byCategory.find((r) => r.category === category);
    return { category, label: EDGE_CASE_CATEGORY_LABELS[category], ...zero, ...(row ? { definitions: row.definitions, conversations: row.conversations, generated: row.generated, approved: row.approved, belowBar: row.belowBar } : {}) };
  });
  const personas = new Map<string, EdgeCaseCoverage['personas'][number]>();
  for (const r of byPersona) {
    const p = personas.get(r.persona) ?? { persona: r.persona, label: r.label ?? r.persona, counts: Object.fromEntries(EDGE_CASE_CATEGORIES.map((c) => [c, 0])), total: 0 };
    p.counts[r.category] = (p.counts[r.category] ?? 0) + r.n;
    p.total += r.n;
    personas.set(r.persona, p);
  }
  const totals = { ...zero };
  for (const c of categories) for (const k of Object.keys(zero) as (keyof typeof zero)[]) totals[k] += c[k];
  return { edgeCaseMinScore, categories, personas: [...personas.values()], totals };
}

/** What the suggestion rules read: active personas and emotions, the combinations tested in the edge-case tier, and the marks. */
export async function suggestionInputs(db: Db | Tx) {
  const values = await queryRows<{ dimension: string; key: string; label: string; valence: string | null }>(
    db as Db,
    sql`select dimension, key, label, attributes->>'valence' as "valence" from dimension_values
        where active and dimension in ('persona', 'emotion') order by sort_order, key`,
  );
  const tested = await queryRows<{ persona: string; emotion: string }>(db as Db, sql`select distinct persona, emotion from conversations where tier = 'edge_case'`);
  const marks = await queryRows<{ key: string; status: EdgeCaseMark }>(db as Db, sql`select key, status from edge_case_suggestion_marks`);
  const entry = (v: (typeof values)[number]): CatalogEntry => ({ key: v.key, label: v.label, valence: v.valence ?? undefined });
  return {
    personas: values.filter((v) => v.dimension === 'persona').map(entry),
    emotions: values.filter((v) => v.dimension === 'emotion').map(entry),
    tested: new Set(tested.map((t) => suggestionKey(t.persona, t.emotion))),
    testedPersonas: new Set(tested.map((t) => t.persona)),
    marks: new Map(marks.map((m) => [m.key, m.status])),
  };
}

import { asc, count, countDistinct, eq } from 'drizzle-orm';
import type { PlanSources } from '../contract/plan';
import type { WorkspaceSettings } from '../contract/settings';
import type { Db } from '../db/client';
import { chunks, documents, edgeCases, emotionalArcs, scenarios } from '../db/schema';

/** The categories (with how much material each holds), arcs, scenarios and edge cases a plan can use. */
export async function planSources(db: Db, settings: WorkspaceSettings): Promise<PlanSources> {
  const [material, arcRows, scenarioRows, edgeRows] = await Promise.all([
    db
      .select({ name: documents.category, documents: countDistinct(documents.id), chunks: count(chunks.id) })
      .from(documents)
      .leftJoin(chunks, eq(chunks.documentId, documents.id))
      .where(eq(documents.status, 'ready'))
      .groupBy(documents.category),
    db.select({ key: emotionalArcs.key, label: emotionalArcs.label, enabled: emotionalArcs.enabled }).from(emotionalArcs).orderBy(asc(emotionalArcs.id)),
    db.select({ id: scenarios.id, title: scenarios.title }).from(scenarios).where(eq(scenarios.archived, false)).orderBy(asc(scenarios.title)),
    db.select({ id: edgeCases.id, title: edgeCases.title, category: edgeCases.category }).from(edgeCases).where(eq(edgeCases.archived, false)).orderBy(asc(edgeCases.category), asc(edgeCases.title)),
  ]);
  const names = [...new Set([...settings.documents.categories, ...material.map((m) => m.name)])];
  return {
    categories: names.map((name) => {
      const found = material.find((m) => m.name === name);
      return { name, documents: found?.documents ?? 0, chunks: found?.chunks ?? 0, weight: settings.documents.categoryWeights[name] ?? 1 };
    }),
    arcs: arcRows,
    scenarios: scenarioRows,
    edgeCases: edgeRows,
    split: settings.planning.tierSplit,
  };
}

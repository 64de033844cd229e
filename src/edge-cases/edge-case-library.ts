import { count, eq } from 'drizzle-orm';
import type { CreateEdgeCase, EdgeCaseItem, UpdateEdgeCase } from '../contract/edge-cases';
import { keyFromLabel, sameLabel, uniqueKey } from '../core/catalog-key';
import { AppError, notFound } from '../core/errors';
import type { Db, Tx } from '../db/client';
import { listEdgeCases } from '../db/queries/edge-cases';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { conversations, edgeCases } from '../db/schema';
import { auditEdgeCase } from './audit';

type Row = typeof edgeCases.$inferSelect;

const duplicateTitle = (existing: { title: string }) =>
  new AppError({
    code: 'duplicate_edge_case',
    status: 409,
    message: `There is already an edge case titled "${existing.title}".`,
    hint: 'Edit the existing edge case instead, or choose another title.',
    details: { field: 'title' },
  });

/** What the audit trail keeps of a definition. */
const snapshot = (e: Pick<Row, 'title' | 'category' | 'description' | 'adversarialPrompt' | 'expectedBehavior' | 'persona' | 'emotion' | 'topic' | 'archived'>) => ({
  title: e.title,
  category: e.category,
  description: e.description,
  adversarialPrompt: e.adversarialPrompt,
  expectedBehavior: e.expectedBehavior,
  persona: e.persona,
  emotion: e.emotion,
  topic: e.topic,
  archived: e.archived,
});

async function checkDimensions(tx: Tx, input: Partial<Pick<CreateEdgeCase, 'persona' | 'emotion' | 'topic'>>) {
  await assertKnownDimensionValues(tx, { persona: input.persona ?? undefined, emotion: input.emotion ?? undefined, topic: input.topic ?? undefined });
}

async function present(db: Db, id: string, edgeCaseMinScore: number): Promise<EdgeCaseItem> {
  const item = (await listEdgeCases(db, { archived: 'all' }, edgeCaseMinScore)).find((e) => e.id === id);
  if (!item) throw notFound('The edge case');
  return item;
}

/** A team's own edge case (US8.3.2): a new definition of conditions to test. */
export async function createEdgeCase(db: Db, input: CreateEdgeCase, userId: string | null, edgeCaseMinScore: number, origin: 'manual' | 'suggested' = 'manual'): Promise<EdgeCaseItem> {
  const id = await db.transaction(async (tx) => {
    const existing = await tx.select({ key: edgeCases.key, title: edgeCases.title }).from(edgeCases);
    const same = existing.find((e) => sameLabel(e.title, input.title));
    if (same) throw duplicateTitle(same);
    await checkDimensions(tx, input);
    const key = uniqueKey(keyFromLabel(input.title) || 'edge_case', new Set(existing.map((e) => e.key ?? '')));
    const values = { ...input, persona: input.persona ?? null, emotion: input.emotion ?? null, topic: input.topic ?? null, archived: false };
    const [row] = await tx
      .insert(edgeCases)
      .values({ ...values, key, origin, createdBy: userId })
      .returning({ id: edgeCases.id });
    await auditEdgeCase(tx, userId, key, null, snapshot(values));
    return row.id;
  });
  return present(db, id, edgeCaseMinScore);
}

async function findRow(tx: Tx, id: string): Promise<Row> {
  const [row] = await tx.select().from(edgeCases).where(eq(edgeCases.id, id)).for('update');
  if (!row) throw notFound('The edge case', 'Reload the Edge cases page and pick it again.');
  return row;
}

/** Edits a definition, or archives it (archived ones are not drawn for new conversations). */
export async function updateEdgeCase(db: Db, id: string, patch: UpdateEdgeCase, userId: string | null, edgeCaseMinScore: number): Promise<EdgeCaseItem> {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, id);
    if (patch.title !== undefined) {
      const clash = (await tx.select({ id: edgeCases.id, title: edgeCases.title }).from(edgeCases)).find((e) => e.id !== id && sameLabel(e.title, patch.title as string));
      if (clash) throw duplicateTitle(clash);
    }
    await checkDimensions(tx, patch);
    const next = { ...row, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Row;
    await tx
      .update(edgeCases)
      .set({ ...snapshot(next), updatedAt: new Date() })
      .where(eq(edgeCases.id, id));
    await auditEdgeCase(tx, userId, row.key ?? row.id, snapshot(row), snapshot(next));
  });
  return present(db, id, edgeCaseMinScore);
}

/** Deletes a definition no conversation uses; one in use is archived instead, so no conversation loses what it tests. */
export async function deleteEdgeCase(db: Db, id: string, userId: string | null): Promise<{ deleted: string }> {
  return db.transaction(async (tx) => {
    const row = await findRow(tx, id);
    const [{ used }] = await tx.select({ used: count() }).from(conversations).where(eq(conversations.edgeCaseId, id));
    if (used > 0) {
      throw new AppError({
        code: 'edge_case_in_use',
        status: 409,
        message: `"${row.title}" is used by ${used} conversation${used === 1 ? '' : 's'}, so it cannot be deleted.`,
        hint: 'Archive it instead: it stays on the conversations that test it, and new plans no longer draw it.',
        details: { conversations: used },
      });
    }
    await tx.delete(edgeCases).where(eq(edgeCases.id, id));
    await auditEdgeCase(tx, userId, row.key ?? row.id, snapshot(row), null);
    return { deleted: id };
  });
}

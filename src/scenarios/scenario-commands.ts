import { eq } from 'drizzle-orm';
import type { CreateScenario, ScenarioItem, UpdateScenario } from '../contract/scenarios';
import { AppError, notFound } from '../core/errors';
import type { Db, Tx } from '../db/client';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { getScenario, scenarioConversationCount, scenarioWithTitle } from '../db/queries/scenarios';
import { chunks, scenarios } from '../db/schema';
import { auditScenario, changedFields } from './scenario-audit';

function duplicateTitle(existing: { id: string; title: string; archived: boolean }): AppError {
  return new AppError({
    code: 'duplicate_scenario_title',
    status: 409,
    message: `There is already a scenario called "${existing.title}"${existing.archived ? ' (archived)' : ''}.`,
    hint: existing.archived ? 'Unarchive and edit that one, or choose another title.' : 'Edit that scenario instead, or choose another title (a duplicate gets "(copy)" added).',
    details: { field: 'title', existing: { id: existing.id, title: existing.title } },
  });
}

async function assertFreeTitle(tx: Tx, title: string, exceptId?: string) {
  const existing = await scenarioWithTitle(tx, title, exceptId);
  if (existing) throw duplicateTitle(existing);
}

/** Persona, emotion and topic are checked against the active catalog, naming the field. */
async function assertKnownValues(tx: Tx, v: { persona?: string | null; emotion?: string | null; topic?: string | null }) {
  await assertKnownDimensionValues(tx, { persona: v.persona ?? undefined, emotion: v.emotion ?? undefined, topic: v.topic ?? undefined });
}

const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()))];

/** A scenario written by hand (origin `manual`), optionally tied to the chunk it comes from. */
export async function createScenario(db: Db, input: CreateScenario, userId: string | null): Promise<ScenarioItem> {
  const id = await db.transaction(async (tx) => {
    await assertFreeTitle(tx, input.title);
    await assertKnownValues(tx, input);
    let documentId: string | null = null;
    if (input.chunkId) {
      const [chunk] = await tx.select({ documentId: chunks.documentId }).from(chunks).where(eq(chunks.id, input.chunkId));
      if (!chunk) throw new AppError({ code: 'unknown_chunk', status: 400, message: 'The chunk this scenario should come from does not exist.', hint: 'Pick a chunk on the Documents page, or leave the source out.', details: { field: 'chunkId' } });
      documentId = chunk.documentId;
    }
    const values = {
      title: input.title,
      description: input.description,
      category: input.category,
      tags: cleanTags(input.tags),
      problem: input.problem,
      solution: input.solution,
      outcome: input.outcome,
      persona: input.persona ?? null,
      emotion: input.emotion ?? null,
      topic: input.topic ?? null,
    };
    const [row] = await tx
      .insert(scenarios)
      .values({ ...values, chunkId: input.chunkId ?? null, documentId, origin: 'manual', createdBy: userId })
      .returning({ id: scenarios.id });
    await auditScenario(tx, userId, 'created', { id: row.id, title: input.title }, null, values);
    return row.id;
  });
  return getScenario(db, id);
}

/** Edits any field, or favourites or archives it; the audit trail keeps what changed. */
export async function updateScenario(db: Db, id: string, patch: UpdateScenario, userId: string | null): Promise<ScenarioItem> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(scenarios).where(eq(scenarios.id, id)).for('update');
    if (!row) throw notFound('The scenario', 'It may have been deleted. Go back to the Scenarios page and pick it again.');
    if (patch.title !== undefined) await assertFreeTitle(tx, patch.title, id);
    await assertKnownValues(tx, patch);
    const next = { ...patch, ...(patch.tags ? { tags: cleanTags(patch.tags) } : {}) };
    const { before, after } = changedFields(row as unknown as Record<string, unknown>, next);
    if (!Object.keys(after).length) return;
    await tx.update(scenarios).set({ ...next, updatedAt: new Date() }).where(eq(scenarios.id, id));
    await auditScenario(tx, userId, 'updated', { id, title: next.title ?? row.title }, before, after);
  });
  return getScenario(db, id);
}

/** A copy to vary: "<title> (copy)" (then "(copy 2)"…), written by hand, not a favourite, with the same source. */
export async function duplicateScenario(db: Db, id: string, userId: string | null): Promise<ScenarioItem> {
  const newId = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(scenarios).where(eq(scenarios.id, id));
    if (!row) throw notFound('The scenario');
    let title = `${row.title} (copy)`;
    for (let n = 2; await scenarioWithTitle(tx, title); n++) title = `${row.title} (copy ${n})`;
    const [copy] = await tx
      .insert(scenarios)
      .values({
        title: title.slice(0, 200),
        description: row.description,
        category: row.category,
        tags: row.tags,
        problem: row.problem,
        solution: row.solution,
        outcome: row.outcome,
        persona: row.persona,
        emotion: row.emotion,
        topic: row.topic,
        chunkId: row.chunkId,
        documentId: row.documentId,
        origin: 'manual',
        createdBy: userId,
      })
      .returning({ id: scenarios.id });
    await auditScenario(tx, userId, 'duplicated', { id: copy.id, title }, null, { from: { id: row.id, title: row.title } });
    return copy.id;
  });
  return getScenario(db, newId);
}

/** Deletes a scenario no conversation uses; one in use can only be archived, so no conversation loses it. */
export async function deleteScenario(db: Db, id: string, userId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(scenarios).where(eq(scenarios.id, id)).for('update');
    if (!row) throw notFound('The scenario');
    const used = await scenarioConversationCount(tx, id);
    if (used > 0) {
      throw new AppError({
        code: 'scenario_in_use',
        status: 409,
        message: `The scenario "${row.title}" is used by ${used} conversation${used === 1 ? '' : 's'}, so it cannot be deleted.`,
        hint: 'Archive it instead: its conversations keep it, and no new ones are planned from it (PATCH with { "archived": true }, or Archive on the Scenarios page).',
        details: { usageCount: used, canArchive: true },
      });
    }
    await tx.delete(scenarios).where(eq(scenarios.id, id));
    await auditScenario(tx, userId, 'deleted', { id, title: row.title }, { title: row.title, category: row.category, problem: row.problem, solution: row.solution, outcome: row.outcome }, null);
  });
}

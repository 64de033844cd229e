import { inArray } from 'drizzle-orm';
import { AppError } from '../core/errors';
import { describeProblem, parseSeedFile, type SeedDraft, type SeedFileProblem } from '../core/seed-file';
import { DIMENSIONS } from '../core/tiers';
import type { Db } from '../db/client';
import { nextConversationIds, lockConversationNumbers } from '../db/queries/conversation-numbers';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { conversations, emotionalArcs } from '../db/schema';
import { catalogLabels, storeSeedConversations } from '../db/seed/store-seeds';
import { signUnsigned } from '../duplicates/near-duplicates';

const FIX_HINT = 'Fix the file at that line and import it again: nothing was imported, so the whole file can be sent again as it is.';

function invalidFile(problem: SeedFileProblem, extra: { hint?: string; code?: string; details?: Record<string, unknown> } = {}): AppError {
  return new AppError({
    code: extra.code ?? 'invalid_seed_file',
    status: 400,
    message: `The seed file has a problem at ${describeProblem(problem)}.`,
    hint: extra.hint ?? `${FIX_HINT}${problem.field.startsWith('conversations[') ? ' conversations[0] is the first conversation in the file.' : ''}`,
    details: { line: problem.line, column: problem.column, field: problem.field, ...extra.details },
  });
}

/** Every dimension value must be in the workspace's catalog: the catalog's error, with the line and field of the file. */
async function assertKnownValues(db: Db, seeds: SeedDraft[]): Promise<void> {
  // Seeds often share their values: each combination is checked once.
  const checked = new Set<string>();
  for (const seed of seeds) {
    const combination = DIMENSIONS.map((d) => seed[d]).join('|');
    if (checked.has(combination)) continue;
    checked.add(combination);
    try {
      await assertKnownDimensionValues(db, Object.fromEntries(DIMENSIONS.map((d) => [d, seed[d]])));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'unknown_dimension_value') throw err;
      const dimension = String(err.details?.field);
      const problem = { line: seed.lines[dimension] ?? seed.line, column: 1, field: `${seed.path}.${dimension}`, message: err.message.replace(/\.$/, '') };
      throw invalidFile(problem, { code: 'unknown_dimension_value', hint: `${err.hint} Nothing was imported.`, details: { ...err.details, field: problem.field, dimension } });
    }
  }
}

async function assertKnownArcs(db: Db, seeds: SeedDraft[]): Promise<void> {
  const wanted = [...new Set(seeds.map((s) => s.arcKey).filter((k): k is string => Boolean(k)))];
  if (!wanted.length) return;
  const known = new Set((await db.select({ key: emotionalArcs.key }).from(emotionalArcs)).map((a) => a.key));
  const seed = seeds.find((s) => s.arcKey && !known.has(s.arcKey));
  if (!seed) return;
  const allowed = [...known];
  throw invalidFile(
    { line: seed.lines.arcKey ?? seed.line, column: 1, field: `${seed.path}.arcKey`, message: `the emotional arc "${seed.arcKey}" is not in the workspace` },
    { hint: `Use one of: ${allowed.join(', ') || '(no arcs yet)'}, or leave arcKey out. Nothing was imported.`, details: { allowed } },
  );
}

/** A seed without a title is named by the start of its first question: what a person would call it. */
export function titleFromTurns(turns: { content: string }[]): string {
  const first = turns[0].content.replace(/\s+/g, ' ').trim();
  const sentence = first.split(/(?<=[.!?])\s/)[0];
  return sentence.length <= 80 ? sentence : `${sentence.slice(0, 77).replace(/\s+\S*$/, '')}…`;
}

/**
 * Imports a file of seed conversations (US10.3.1), all or nothing: the file is checked whole
 * (shape, catalog values, arcs, ids) before one transaction stores every seed; the first
 * problem is reported with its line and field, and nothing is stored.
 */
export async function importSeeds(db: Db, text: string): Promise<{ imported: number; conversationIds: string[] }> {
  const parsed = parseSeedFile(text);
  if (!parsed.ok) throw invalidFile(parsed.problem);
  const seeds = parsed.seeds;
  await assertKnownValues(db, seeds);
  await assertKnownArcs(db, seeds);
  const result = await db.transaction(async (tx) => {
    await lockConversationNumbers(tx);
    const given = seeds.map((s) => s.conversationId).filter((id): id is string => Boolean(id));
    const existing = new Set(given.length ? (await tx.select({ id: conversations.conversationId }).from(conversations).where(inArray(conversations.conversationId, given))).map((r) => r.id) : []);
    // In the file's order, so the problem named first is the first one in the file.
    const taken = given.filter((id) => existing.has(id));
    if (taken.length) {
      const first = seeds.find((s) => s.conversationId === taken[0])!;
      throw new AppError({
        code: 'duplicate_conversation_id',
        status: 409,
        message: `The seed file has a problem at ${describeProblem({ line: first.lines.conversationId ?? first.line, column: 1, field: `${first.path}.conversationId`, message: `${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} already in the workspace` })}.`,
        hint: 'Give these seeds other ids, or leave conversationId out so convgen numbers them. Nothing was imported.',
        details: { line: first.lines.conversationId ?? first.line, field: `${first.path}.conversationId`, conversationIds: taken },
      });
    }
    const fresh = await nextConversationIds(tx, seeds.filter((s) => !s.conversationId).length);
    const stored = seeds.map((seed) => {
      const conversationId = seed.conversationId ?? fresh.shift()!;
      return { ...seed, conversationId, title: seed.title?.trim() || titleFromTurns(seed.turns) };
    });
    await storeSeedConversations(tx, stored, await catalogLabels(tx));
    return { imported: stored.length, conversationIds: stored.map((s) => s.conversationId) };
  });
  // Imported seeds are compared for near-duplicates like generated conversations (after the commit, so a failure cannot undo the import).
  // Only the new ones: re-deciding marks after a threshold change is the background check's work.
  await signUnsigned(db).catch(() => undefined);
  return result;
}

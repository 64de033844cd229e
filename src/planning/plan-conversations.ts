import { randomInt } from 'node:crypto';
import type { PlanCreated, PlanPreview, PlanRequest } from '../contract/plan';
import type { WorkspaceSettings } from '../contract/settings';
import { planSlots, type PlanResult } from '../core/plan-slots';
import { seededRandom } from '../core/random';
import { buildSearchText } from '../core/search-text';
import type { Db, Tx } from '../db/client';
import { lockConversationNumbers } from '../db/queries/conversation-numbers';
import { conversations } from '../db/schema';
import { catalogLabels } from '../db/seed/store-seeds';
import { loadPlanContext, type PlanContext } from './plan-inputs';

/** Rows per insert: large plans are written in slices so one statement never carries 10,000 rows. */
const INSERT_BATCH = 1000;

function present(request: PlanRequest, context: PlanContext, plan: PlanResult) {
  const { slots, ...summary } = plan;
  return { ...summary, requested: request.count, planned: slots.length, split: context.input.split };
}

/** Plans the slots without storing anything: what the Plan dialog shows before "Create". */
export async function previewPlan(db: Db, request: PlanRequest, settings: WorkspaceSettings): Promise<PlanPreview> {
  const context = await loadPlanContext(db, request, settings);
  return present(request, context, planSlots(context.input, seededRandom(request.seed ?? randomInt(2 ** 31))));
}

/**
 * Plans and stores the slots as not-generated conversations in one transaction. Two plans at
 * once would both read the same "next free number": a transaction-scoped lock makes the second
 * wait and then see the first one's rows.
 */
export async function createPlan(db: Db, request: PlanRequest, settings: WorkspaceSettings): Promise<PlanCreated> {
  return db.transaction(async (tx) => {
    await lockConversationNumbers(tx);
    const context = await loadPlanContext(tx, request, settings);
    const plan = planSlots(context.input, seededRandom(request.seed ?? randomInt(2 ** 31)));
    await insertSlots(tx, plan.slots);
    const { planned: _planned, ...summary } = present(request, context, plan);
    return { ...summary, created: plan.slots.length, conversationIds: plan.slots.map((s) => s.conversationId) };
  });
}

/** Stores planned slots as not-generated conversations, in slices. */
export async function insertSlots(tx: Tx, slots: PlanResult['slots']) {
  const labelsOf = await catalogLabels(tx);
  for (let i = 0; i < slots.length; i += INSERT_BATCH) {
    await tx.insert(conversations).values(slots.slice(i, i + INSERT_BATCH).map((slot) => ({ ...slot, searchText: buildSearchText(slot.conversationId, ...labelsOf(slot)) })));
  }
}

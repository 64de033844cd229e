import type { FillTemplatePlan, FillTemplateRequest } from '../contract/tiers';
import type { WorkspaceSettings } from '../contract/settings';
import { arcCounts } from '../core/arc-distribution';
import { seededRandom } from '../core/random';
import { planTemplateFill, type TemplateFill } from '../core/template-fill';
import { tierTargets } from '../core/tier-targets';
import type { Db, Tx } from '../db/client';
import { listArcs } from '../db/queries/arcs';
import { lockConversationNumbers } from '../db/queries/conversation-numbers';
import { loadPlanContext } from './plan-inputs';
import { insertSlots } from './plan-conversations';

/**
 * Without a seed the fill uses a fixed one, so the same workspace gives the same fill: what the
 * preview shows is exactly what "Create" makes.
 */
const DEFAULT_SEED = 1;

async function planFill(db: Db | Tx, request: FillTemplateRequest, settings: WorkspaceSettings): Promise<TemplateFill> {
  const context = await loadPlanContext(db, { count: 1, split: { template: 100, scenario: 0, edge_case: 0 } }, settings);
  const arcs = await listArcs(db);
  const targets = tierTargets(context.input.existing.length, settings.planning.tierSplit);
  const perArc = arcCounts(targets.template, arcs);
  const fillArcs = arcs.filter((a) => a.enabled).map((a) => ({ key: a.key, startEmotion: a.startEmotion, target: perArc[a.key] ?? 0 }));
  return planTemplateFill(context.input, fillArcs, seededRandom(request.seed ?? DEFAULT_SEED));
}

function present(fill: TemplateFill, created: boolean): FillTemplatePlan {
  const tally = (key: (s: TemplateFill['slots'][number]) => string | null) => {
    const out: Record<string, number> = {};
    for (const s of fill.slots) {
      const k = key(s);
      if (k) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  return {
    count: fill.slots.length,
    byArc: tally((s) => s.arcKey),
    byPersona: tally((s) => s.persona),
    combinations: fill.combinations,
    belowTarget: fill.belowTarget,
    warnings: fill.warnings,
    conversationIds: created ? fill.slots.map((s) => s.conversationId) : [],
  };
}

/** What "Fill Missing Template Combinations" would plan; nothing is stored. */
export async function previewTemplateFill(db: Db, request: FillTemplateRequest, settings: WorkspaceSettings): Promise<FillTemplatePlan> {
  return present(await planFill(db, request, settings), false);
}

/** Plans and stores the missing template slots in one transaction, numbered after the last conversation. */
export async function fillTemplateTier(db: Db, request: FillTemplateRequest, settings: WorkspaceSettings): Promise<FillTemplatePlan> {
  return db.transaction(async (tx) => {
    await lockConversationNumbers(tx);
    const fill = await planFill(tx, request, settings);
    await insertSlots(tx, fill.slots);
    return present(fill, true);
  });
}

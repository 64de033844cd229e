import { AppError } from './errors';
import { planSlots, type PlanInput } from './plan-slots';
import type { PlannedSlot, Random } from './planner';

export interface FillArc {
  key: string;
  startEmotion: string;
  /** The arc's share of the template tier's target. */
  target: number;
}

export interface TemplateFill {
  slots: PlannedSlot[];
  combinations: { persona: string; arc: string }[];
  belowTarget: { arc: string; count: number; target: number; adding: number }[];
  warnings: string[];
}

/** At most this many slots per fill, like one plan. */
const MAX_FILL = 10_000;

/**
 * Plans the template slots that are missing, through the planner (so slots are spread, grounded
 * and never repeat one that exists): first one conversation for every active persona × enabled arc
 * with none, then enough for each enabled arc to reach its share of the target. Each planner call
 * sees the slots planned before it as existing. Deterministic for a given `random`.
 */
export function planTemplateFill(input: PlanInput, arcs: readonly FillArc[], random: Random): TemplateFill {
  const slots: PlannedSlot[] = [];
  const warnings: string[] = [];
  const template = () => [...input.existing, ...slots].filter((s) => s.tier === 'template');
  const plan = (arc: FillArc, count: number, personas: string[]) => {
    if (count <= 0 || slots.length >= MAX_FILL) return 0;
    try {
      const result = planSlots(
        {
          ...input,
          count: Math.min(count, MAX_FILL - slots.length),
          split: { template: 1, scenario: 0, edge_case: 0 },
          values: { ...input.values, persona: personas },
          arcs: [{ key: arc.key, startEmotion: arc.startEmotion, weight: 1, enabled: true }],
          existing: [...input.existing, ...slots.map((s) => ({ ...s, category: null }))],
          firstNumber: input.firstNumber + slots.length,
        },
        random,
      );
      slots.push(...result.slots);
      return result.slots.length;
    } catch (err) {
      if (err instanceof AppError && err.code === 'plan_impossible') {
        warnings.push(err.message);
        return 0;
      }
      throw err;
    }
  };

  const combinations: TemplateFill['combinations'] = [];
  const have = new Set(template().map((s) => `${s.persona}|${s.arcKey}`));
  for (const arc of arcs) {
    for (const persona of input.values.persona) {
      if (have.has(`${persona}|${arc.key}`)) continue;
      if (plan(arc, 1, [persona])) combinations.push({ persona, arc: arc.key });
    }
  }

  const belowTarget: TemplateFill['belowTarget'] = [];
  for (const arc of arcs) {
    const count = template().filter((s) => s.arcKey === arc.key).length;
    if (count >= arc.target) continue;
    const added = plan(arc, arc.target - count, input.values.persona);
    if (added) belowTarget.push({ arc: arc.key, count, target: arc.target, adding: added });
  }
  if (slots.length >= MAX_FILL) warnings.push(`Only the first ${MAX_FILL.toLocaleString('en-US')} missing conversations were planned; fill again for the rest.`);
  return { slots, combinations, belowTarget, warnings: [...new Set(warnings)] };
}

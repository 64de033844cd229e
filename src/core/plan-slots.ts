import { AppError } from './errors';
import { formatConversationId, type PlannedSlot, type PlannerArc, type PlannerSource, type PlannerTemplate, type Random } from './planner';
import { DIMENSIONS, splitByWeights, TIER_LABELS, TIERS, type Dimension, type Tier } from './tiers';

export interface PlanChunk {
  id: string;
  documentId: string;
  category: string;
  hasDimensions: boolean;
}

/** The part of an existing conversation that makes it a slot (planning never repeats one), with its document's category. */
export type ExistingSlot = Omit<PlannedSlot, 'conversationId' | 'documentId' | 'templateId' | 'tier'> & { tier: string; category: string | null };

export interface PlanInput {
  count: number;
  /** Weights per tier (40/35/15 by default); a tier weighing 0 gets nothing. */
  split: Record<Tier, number>;
  /** Active catalog keys per dimension; personas already narrowed to the ones asked for. */
  values: Record<Dimension, string[]>;
  arcs: PlannerArc[];
  templates: PlannerTemplate[];
  scenarios: PlannerSource[];
  edgeCases: PlannerSource[];
  /** Chunks the plan may draw from, already narrowed to the categories asked for. */
  chunks: PlanChunk[];
  /** Planner weight per document category; a category not named weighs 1. */
  categoryWeights: Record<string, number>;
  existing: ExistingSlot[];
  firstNumber: number;
}

export type PlanCounts = Record<string, number>;

export interface PlanResult {
  slots: PlannedSlot[];
  byTier: Record<Tier, number>;
  byPersona: PlanCounts;
  byEmotion: PlanCounts;
  byTopic: PlanCounts;
  byArc: PlanCounts;
  byCategory: PlanCounts;
  warnings: string[];
}

const planProblem = (message: string, hint: string, details: Record<string, unknown> = {}) =>
  new AppError({ code: 'plan_impossible', status: 400, message, hint, details });

const slotKey = (s: Omit<ExistingSlot, 'category'>) =>
  [s.tier, s.persona, s.emotion, s.topic, s.intent, s.tone, s.arcKey ?? '', s.scenarioId ?? '', s.edgeCaseId ?? '', s.chunkId ?? ''].join('|');

class Tally {
  private readonly counts = new Map<string, number>();
  get(key: string) {
    return this.counts.get(key) ?? 0;
  }
  add(key: string) {
    this.counts.set(key, this.get(key) + 1);
  }
}

/** Counts per persona and value (persona × emotion, persona × topic), without building a key string per lookup. */
class PairTally {
  private readonly byPersona = new Map<string, Tally>();
  of(persona: string): Tally {
    let tally = this.byPersona.get(persona);
    if (!tally) this.byPersona.set(persona, (tally = new Tally()));
    return tally;
  }
}

/**
 * Picks the candidate with the lowest score, ties broken at random, so every value is used
 * before any is used again — counting the conversations that already exist, so a plan fills
 * the thin spots first.
 */
function leastUsed<T>(candidates: readonly T[], score: (c: T) => number, random: Random): T {
  let best: T[] = [];
  let bestScore = Infinity;
  for (const c of candidates) {
    const s = score(c);
    if (s < bestScore - 1e-9) {
      bestScore = s;
      best = [c];
    } else if (Math.abs(s - bestScore) <= 1e-9) best.push(c);
  }
  return best[Math.floor(random() * best.length)];
}

const pick = <T>(items: readonly T[], random: Random) => items[Math.floor(random() * items.length)];

function tierCounts(count: number, split: Record<Tier, number>): Record<Tier, number> {
  if (TIERS.every((t) => split[t] <= 0)) throw planProblem('The tier split gives every tier 0 %.', 'Give at least one tier a share above 0.');
  return splitByWeights(count, split);
}

/**
 * Plans `count` new conversation slots: the tiers share the count by the split, arcs share the
 * template tier by weight, and each dimension value, persona × emotion pair, source and document
 * category is chosen where coverage is thinnest (categories in proportion to their weights). No
 * slot repeats an existing or planned one. Deterministic for a given `random`.
 */
export function planSlots(input: PlanInput, random: Random): PlanResult {
  for (const d of DIMENSIONS) {
    if (!input.values[d].length) {
      throw planProblem(`There is no active ${d} to plan with.`, `Add at least one ${d} on the Catalog page, then plan again.`, { field: d });
    }
  }
  const perTier = tierCounts(input.count, input.split);
  const total = Object.fromEntries(DIMENSIONS.map((d) => [d, new Tally()])) as Record<Dimension, Tally>;
  const pairs = { emotion: new PairTally(), topic: new PairTally() };
  const used = new Set<string>();
  const categoryUse = new Tally();
  const chunkUse = new Tally();
  const sourceUse = new Tally();
  for (const s of input.existing) {
    for (const d of DIMENSIONS) total[d].add(s[d]);
    pairs.emotion.of(s.persona).add(s.emotion);
    pairs.topic.of(s.persona).add(s.topic);
    used.add(slotKey(s));
    if (s.category) categoryUse.add(s.category);
    if (s.chunkId) chunkUse.add(s.chunkId);
    if (s.scenarioId) sourceUse.add(s.scenarioId);
    if (s.edgeCaseId) sourceUse.add(s.edgeCaseId);
  }

  const weightOf = (category: string) => input.categoryWeights[category] ?? 1;
  const categories = [...new Set(input.chunks.map((c) => c.category))].filter((c) => weightOf(c) > 0);
  const chunksByCategory = new Map(categories.map((c) => [c, input.chunks.filter((ch) => ch.category === c)]));
  const chunkById = new Map(input.chunks.map((c) => [c.id, c]));
  const nextChunk = (): PlanChunk | null => {
    if (!categories.length) return null;
    const category = leastUsed(categories, (c) => categoryUse.get(c) / weightOf(c), random);
    return leastUsed(chunksByCategory.get(category) ?? [], (c) => chunkUse.get(c.id), random);
  };
  const nextValue = (d: Dimension, persona?: string) => {
    const pair = persona && (d === 'emotion' || d === 'topic') ? pairs[d].of(persona) : null;
    // Pairs first (a persona meets every emotion before one twice), then the value's overall use.
    return leastUsed(input.values[d], (v) => (pair ? pair.get(v) * 1_000_000 : 0) + total[d].get(v), random);
  };
  const templateFor = (tier: Tier, arcKey: string | null) =>
    input.templates.find((t) => t.active && t.tier === tier && (arcKey === null || t.arcKey === arcKey)) ??
    input.templates.find((t) => t.active && t.tier === tier && t.arcKey === null) ??
    input.templates.find((t) => t.active && t.tier === tier) ??
    null;

  const slots: PlannedSlot[] = [];
  let exhausted = 0;
  const record = (slot: Omit<PlannedSlot, 'conversationId' | 'documentId'>) => {
    const chunk = slot.chunkId ? chunkById.get(slot.chunkId) : undefined;
    slots.push({ ...slot, conversationId: formatConversationId(input.firstNumber + slots.length), documentId: chunk?.documentId ?? null });
    used.add(slotKey(slot));
    for (const d of DIMENSIONS) total[d].add(slot[d]);
    pairs.emotion.of(slot.persona).add(slot.emotion);
    pairs.topic.of(slot.persona).add(slot.topic);
    if (chunk) {
      categoryUse.add(chunk.category);
      chunkUse.add(chunk.id);
    }
    if (slot.scenarioId) sourceUse.add(slot.scenarioId);
    if (slot.edgeCaseId) sourceUse.add(slot.edgeCaseId);
  };

  /**
   * The preferred slot first; when it already exists, vary the free dimensions at random, a
   * few hundred times, before giving up on this one slot (counted, and reported).
   */
  const place = (build: (vary: boolean) => Omit<PlannedSlot, 'conversationId' | 'documentId'>) => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const slot = build(attempt > 0);
      if (!used.has(slotKey(slot))) return record(slot);
    }
    exhausted++;
  };

  const free = (d: Dimension, persona: string | undefined, vary: boolean) => (vary ? pick(input.values[d], random) : nextValue(d, persona));
  const varyChunk = (vary: boolean) => (vary && input.chunks.length ? pick(input.chunks, random) : nextChunk());

  const arcs = input.arcs.filter((a) => a.enabled && a.weight > 0);
  if (perTier.template > 0) {
    if (!arcs.length) throw planProblem('No emotional arc is enabled, so the template tier cannot be planned.', 'Enable an arc, or set the template share to 0.', { field: 'split.template' });
    const perArc = splitByWeights(perTier.template, Object.fromEntries(arcs.map((a) => [a.key, a.weight])));
    for (const arc of arcs) {
      const fixedEmotion = input.values.emotion.includes(arc.startEmotion) ? arc.startEmotion : null;
      for (let i = 0; i < perArc[arc.key]; i++) {
        place((vary) => {
          const persona = vary ? pick(input.values.persona, random) : nextValue('persona');
          return {
            tier: 'template',
            persona,
            // The arc fixes where the conversation starts emotionally.
            emotion: fixedEmotion ?? free('emotion', persona, vary),
            topic: free('topic', persona, vary),
            intent: free('intent', undefined, vary),
            tone: free('tone', undefined, vary),
            arcKey: arc.key,
            templateId: templateFor('template', arc.key)?.id ?? null,
            scenarioId: null,
            edgeCaseId: null,
            chunkId: varyChunk(vary)?.id ?? null,
          };
        });
      }
    }
  }

  // A source drawn from a chunk counts toward that chunk's category: its weight shares them out, and 0 leaves it out.
  const sourceWeight = (s: PlannerSource) => {
    const chunk = s.chunkId ? chunkById.get(s.chunkId) : undefined;
    return chunk ? weightOf(chunk.category) : 1;
  };
  const fromSources = (tier: 'scenario' | 'edge_case', all: PlannerSource[]) => {
    const sources = all.filter((s) => sourceWeight(s) > 0);
    if (!sources.length) {
      throw planProblem(`Every ${tier === 'scenario' ? 'scenario' : 'edge case'} comes from a category that weighs 0.`, 'Raise that category’s weight in Settings, or set this tier’s share to 0.', { field: `split.${tier}` });
    }
    for (let i = 0; i < perTier[tier]; i++) {
      place((vary) => {
        const source = vary ? pick(sources, random) : leastUsed(sources, (s) => sourceUse.get(s.id) / sourceWeight(s), random);
        // A source's own persona/emotion/topic is kept the first time it is used; repeats vary them.
        const firstUse = !vary && sourceUse.get(source.id) === 0;
        const persona = (firstUse && source.persona) || (vary ? pick(input.values.persona, random) : nextValue('persona'));
        return {
          tier,
          persona,
          emotion: (firstUse && source.emotion) || free('emotion', persona, vary),
          topic: (firstUse && source.topic) || free('topic', persona, vary),
          intent: free('intent', undefined, vary),
          tone: free('tone', undefined, vary),
          arcKey: null,
          templateId: templateFor(tier, null)?.id ?? null,
          scenarioId: tier === 'scenario' ? source.id : null,
          edgeCaseId: tier === 'edge_case' ? source.id : null,
          chunkId: source.chunkId ?? varyChunk(vary)?.id ?? null,
        };
      });
    }
  };

  if (perTier.scenario > 0) {
    if (input.scenarios.length) fromSources('scenario', input.scenarios);
    else if (input.chunks.length && categories.length) {
      // With no scenarios of its own, each scenario slot is grounded in one of the team's chunks.
      for (let i = 0; i < perTier.scenario; i++) {
        place((vary) => {
          const persona = vary ? pick(input.values.persona, random) : nextValue('persona');
          return {
            tier: 'scenario',
            persona,
            emotion: free('emotion', persona, vary),
            topic: free('topic', persona, vary),
            intent: free('intent', undefined, vary),
            tone: free('tone', undefined, vary),
            arcKey: null,
            templateId: templateFor('scenario', null)?.id ?? null,
            scenarioId: null,
            edgeCaseId: null,
            chunkId: varyChunk(vary)?.id ?? null,
          };
        });
      }
    } else {
      throw planProblem(
        'Scenario conversations are drawn from your documents, and there are none to draw from.',
        input.chunks.length ? 'The categories you chose weigh 0: raise a weight, or pick other categories.' : 'Upload a document on the Documents page (or pick other categories), or set the scenario share to 0.',
        { field: 'split.scenario' },
      );
    }
  }
  if (perTier.edge_case > 0) {
    if (!input.edgeCases.length) throw planProblem('There are no edge cases to plan from.', 'Add an edge case, or set the edge-case share to 0.', { field: 'split.edge_case' });
    fromSources('edge_case', input.edgeCases);
  }

  if (exhausted && !slots.length) {
    throw planProblem(
      'Every combination of your catalog values is already planned, so no new conversation can be added.',
      'Add personas, topics, emotions, intents or tones on the Catalog page (or more documents), then plan again.',
    );
  }
  return summarise(slots, input, exhausted);
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): PlanCounts {
  const out: PlanCounts = {};
  for (const s of items) {
    const k = key(s);
    if (k !== null) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function summarise(slots: PlannedSlot[], input: PlanInput, exhausted: number): PlanResult {
  const categoryOf = new Map(input.chunks.map((c) => [c.id, c.category]));
  const described = new Map(input.chunks.map((c) => [c.id, c.hasDimensions]));
  const byTier = Object.fromEntries(TIERS.map((t) => [t, slots.filter((s) => s.tier === t).length])) as Record<Tier, number>;
  const byCategory = countBy(slots, (s) => (s.chunkId ? (categoryOf.get(s.chunkId) ?? null) : null));
  const warnings: string[] = [];
  if (exhausted) {
    warnings.push(`${exhausted} of the ${input.count} conversations could not be planned: every combination left is already in the dataset. Add catalog values or documents to plan more.`);
  }
  const categoriesWithChunks = [...new Set(input.chunks.map((c) => c.category))];
  for (const category of categoriesWithChunks) {
    if ((input.categoryWeights[category] ?? 1) === 0) warnings.push(`${category} is left out: its weight is 0.`);
  }
  const weightSum = categoriesWithChunks.reduce((sum, c) => sum + (input.categoryWeights[c] ?? 1), 0);
  const grounded = Object.values(byCategory).reduce((a, b) => a + b, 0);
  const existingByCategory = countBy(input.existing, (s) => s.category);
  const groundedAfter = grounded + Object.values(existingByCategory).reduce((a, b) => a + b, 0);
  if (groundedAfter >= 10 && weightSum > 0) {
    for (const category of categoriesWithChunks) {
      const target = (input.categoryWeights[category] ?? 1) / weightSum;
      const share = ((byCategory[category] ?? 0) + (existingByCategory[category] ?? 0)) / groundedAfter;
      if (target > 0 && share < target / 2) {
        warnings.push(`${category} is underrepresented: ${Math.round(share * 100)} % of grounded conversations against a ${Math.round(target * 100)} % target.`);
      }
    }
  }
  const undescribed = new Set(slots.filter((s) => s.chunkId && !described.get(s.chunkId)).map((s) => s.chunkId)).size;
  if (undescribed) warnings.push(`${undescribed} of the chunks used have no dimensions yet: derive them on the Documents page so prompts get each chunk's summary and key terms.`);
  for (const tier of TIERS) {
    if (byTier[tier] && !input.templates.some((t) => t.active && t.tier === tier)) {
      warnings.push(`No active ${TIER_LABELS[tier].toLowerCase()} template: these conversations will use the general prompt.`);
    }
  }
  return {
    slots,
    byTier,
    byPersona: countBy(slots, (s) => s.persona),
    byEmotion: countBy(slots, (s) => s.emotion),
    byTopic: countBy(slots, (s) => s.topic),
    byArc: countBy(slots, (s) => s.arcKey),
    byCategory,
    warnings,
  };
}

import { splitByWeights, type Tier } from './tiers';

export interface PlannerArc {
  key: string;
  startEmotion: string;
  weight: number;
  enabled: boolean;
}
export interface PlannerTemplate {
  id: string;
  tier: Tier;
  arcKey: string | null;
  active: boolean;
}
export interface PlannerSource {
  id: string;
  persona?: string | null;
  emotion?: string | null;
  topic?: string | null;
  chunkId?: string | null;
}
export interface PlannerChunk {
  id: string;
  documentId: string;
}

export interface PlannerInput {
  personas: string[];
  emotions: string[];
  topics: string[];
  intents: string[];
  tones: string[];
  arcs: PlannerArc[];
  templates: PlannerTemplate[];
  scenarios: PlannerSource[];
  edgeCases: PlannerSource[];
  chunks: PlannerChunk[];
  counts: Record<Tier, number>;
  /** Number of the first conversation id (conv-00001 when 1). */
  firstNumber: number;
}

export interface PlannedSlot {
  conversationId: string;
  tier: Tier;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  arcKey: string | null;
  templateId: string | null;
  scenarioId: string | null;
  edgeCaseId: string | null;
  chunkId: string | null;
  documentId: string | null;
}

export type Random = () => number;

export const formatConversationId = (n: number) => `conv-${String(n).padStart(5, '0')}`;

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Deals items in shuffled rounds, so every value is used once before any is used twice. */
function dealer<T>(items: readonly T[], random: Random): () => T {
  let deck: T[] = [];
  return () => {
    if (deck.length === 0) deck = shuffled(items, random);
    return deck.pop() as T;
  };
}

function requireSome(name: string, items: readonly unknown[]) {
  if (items.length === 0) throw new Error(`The planner needs at least one ${name}.`);
}

/**
 * Plans conversation slots across the three tiers: arcs share the template tier by weight,
 * scenarios and edge cases are dealt round-robin, and dimension values are dealt in shuffled
 * rounds so that coverage is as even as the counts allow. Deterministic for a given `random`.
 */
export function planConversations(input: PlannerInput, random: Random): PlannedSlot[] {
  for (const [name, items] of Object.entries({ persona: input.personas, emotion: input.emotions, topic: input.topics, intent: input.intents, tone: input.tones })) {
    requireSome(name, items);
  }
  const nextPersona = dealer(input.personas, random);
  const nextEmotion = dealer(input.emotions, random);
  const nextTopic = dealer(input.topics, random);
  const nextIntent = dealer(input.intents, random);
  const nextTone = dealer(input.tones, random);
  const nextChunk = input.chunks.length ? dealer(input.chunks, random) : () => null;
  const chunkById = new Map(input.chunks.map((c) => [c.id, c]));
  const templateFor = (tier: Tier, arcKey: string | null) =>
    input.templates.find((t) => t.active && t.tier === tier && (arcKey === null || t.arcKey === arcKey)) ??
    input.templates.find((t) => t.active && t.tier === tier) ??
    null;

  const slots: PlannedSlot[] = [];
  const push = (slot: Omit<PlannedSlot, 'conversationId' | 'documentId'>) => {
    const chunk = slot.chunkId ? chunkById.get(slot.chunkId) : undefined;
    slots.push({ ...slot, conversationId: formatConversationId(input.firstNumber + slots.length), documentId: chunk?.documentId ?? null });
  };

  const arcs = input.arcs.filter((a) => a.enabled && a.weight > 0);
  if (input.counts.template > 0) {
    requireSome('enabled emotional arc', arcs);
    const perArc = splitByWeights(input.counts.template, Object.fromEntries(arcs.map((a) => [a.key, a.weight])));
    for (const arc of arcs) {
      for (let i = 0; i < perArc[arc.key]; i++) {
        push({
          tier: 'template',
          persona: nextPersona(),
          // The arc fixes where the conversation starts emotionally.
          emotion: input.emotions.includes(arc.startEmotion) ? arc.startEmotion : nextEmotion(),
          topic: nextTopic(),
          intent: nextIntent(),
          tone: nextTone(),
          arcKey: arc.key,
          templateId: templateFor('template', arc.key)?.id ?? null,
          scenarioId: null,
          edgeCaseId: null,
          chunkId: nextChunk()?.id ?? null,
        });
      }
    }
  }

  const planFromSources = (tier: 'scenario' | 'edge_case', sources: PlannerSource[]) => {
    if (input.counts[tier] === 0) return;
    requireSome(tier === 'scenario' ? 'scenario' : 'edge case', sources);
    const nextSource = dealer(sources, random);
    for (let i = 0; i < input.counts[tier]; i++) {
      const source = nextSource();
      // The first use of a source keeps its own persona/emotion/topic; repeats vary them.
      const firstUse = i < sources.length;
      push({
        tier,
        persona: (firstUse && source.persona) || nextPersona(),
        emotion: (firstUse && source.emotion) || nextEmotion(),
        topic: (firstUse && source.topic) || nextTopic(),
        intent: nextIntent(),
        tone: nextTone(),
        arcKey: null,
        templateId: templateFor(tier, null)?.id ?? null,
        scenarioId: tier === 'scenario' ? source.id : null,
        edgeCaseId: tier === 'edge_case' ? source.id : null,
        chunkId: source.chunkId ?? nextChunk()?.id ?? null,
      });
    }
  };
  planFromSources('scenario', input.scenarios);
  planFromSources('edge_case', input.edgeCases);
  return slots;
}

import type { DescribedValue, QualityContext } from './context';

/** A catalog value as stored (label, description, guidance, attributes). */
export interface CatalogValue {
  key: string;
  label: string;
  description?: string | null;
  guidance?: string | null;
  attributes?: Record<string, unknown> | null;
}

/** The slot a conversation was made for, as stored: dimension keys, tier, arc and source chunk. */
export interface QualitySlot {
  tier: string;
  topic: string;
  intent: string;
  arc: { label: string; stages: string[]; startEmotion: string; endEmotion: string } | null;
  chunk: { content: string; keyTerms?: unknown } | null;
}

function described(dimension: string, key: string, valueOf: (dimension: string, key: string) => CatalogValue | undefined): DescribedValue {
  const value = valueOf(dimension, key);
  const keyTerms = value?.attributes?.keyTerms;
  return {
    key,
    label: value?.label ?? key.replace(/_/g, ' '),
    description: value?.description ?? null,
    guidance: value?.guidance ?? null,
    keyTerms: Array.isArray(keyTerms) ? keyTerms.filter((t): t is string => typeof t === 'string') : [],
  };
}

/**
 * The content criteria's context from a slot and the catalog: the generation worker, the seed
 * import and the re-scoring all build it here, so the three score alike.
 */
export function buildQualityContext(slot: QualitySlot, valueOf: (dimension: string, key: string) => CatalogValue | undefined): QualityContext {
  const keyTerms = Array.isArray(slot.chunk?.keyTerms) ? (slot.chunk.keyTerms as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  return {
    tier: slot.tier,
    topic: described('topic', slot.topic, valueOf),
    intent: described('intent', slot.intent, valueOf),
    arc: slot.arc
      ? { label: slot.arc.label, stages: slot.arc.stages, start: described('emotion', slot.arc.startEmotion, valueOf), end: described('emotion', slot.arc.endEmotion, valueOf) }
      : null,
    chunk: slot.chunk ? { content: slot.chunk.content, keyTerms } : null,
  };
}

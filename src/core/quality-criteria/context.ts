/** A dimension value as the criteria read it: its label and the words that describe it. */
export interface DescribedValue {
  key?: string;
  label: string;
  description?: string | null;
  /** The catalog's prompt guidance ("the user keeps asking 'what if'"): how the value shows in a conversation. */
  guidance?: string | null;
  /** Extra subject words (a catalog value's `keyTerms` attribute), when the team gave any. */
  keyTerms?: string[];
}

/**
 * What a conversation was meant to be, for the content criteria: its slot's topic and intent, the
 * arc it should follow (template tier) and the source chunk it should stay grounded in.
 */
export interface QualityContext {
  tier: string;
  topic: DescribedValue;
  intent: DescribedValue;
  arc: { label: string; stages: string[]; start: DescribedValue; end: DescribedValue } | null;
  chunk: { content: string; keyTerms: string[] } | null;
}

/** A criterion's entry in the breakdown (the shape of the detail's `quality.breakdown` values). */
export interface QualityCriterion {
  label: string;
  value: string;
  target: string;
  score: number; // 1–10
  explanation: string;
}

export interface ScorableTurn {
  role: string;
  content: string;
}

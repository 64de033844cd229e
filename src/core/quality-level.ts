// The levels live apart from the criteria, so the web app can colour a score without bundling them.

/** High 8–10, medium 6–<8, low below 6 (US3.1.2, US4.3.1): the one place these numbers live. */
export const QUALITY_THRESHOLDS = { high: 8, medium: 6 } as const;

/** The score range of each level: [min, max) with open ends as undefined. */
export const QUALITY_RANGES = {
  high: { min: QUALITY_THRESHOLDS.high, max: undefined },
  medium: { min: QUALITY_THRESHOLDS.medium, max: QUALITY_THRESHOLDS.high },
  low: { min: undefined, max: QUALITY_THRESHOLDS.medium },
} as const;

export function qualityLevel(score: number): 'high' | 'medium' | 'low' {
  if (score >= QUALITY_THRESHOLDS.high) return 'high';
  if (score >= QUALITY_THRESHOLDS.medium) return 'medium';
  return 'low';
}

/** The order criteria are shown in: form first, then content (stored JSON does not keep key order). */
export const CRITERION_ORDER = ['turnCount', 'length', 'structure', 'confidence', 'repetition', 'onTopic', 'arcFollowed', 'grounding'];

/** Sorts breakdown entries by CRITERION_ORDER; unknown keys go last. */
export function byCriterionOrder<T extends { key: string }>(entries: T[]): T[] {
  const rank = (key: string) => (CRITERION_ORDER.includes(key) ? CRITERION_ORDER.indexOf(key) : CRITERION_ORDER.length);
  return [...entries].sort((a, b) => rank(a.key) - rank(b.key));
}

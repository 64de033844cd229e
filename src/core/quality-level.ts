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

export interface QualityCriterion {
  label: string;
  value: string;
  target: string;
  score: number; // 1–10
  explanation: string;
}

export interface QualityResult {
  score: number; // 1–10, one decimal
  level: 'high' | 'medium' | 'low';
  flaggedForReview: boolean;
  breakdown: {
    turnCount: QualityCriterion;
    length: QualityCriterion;
    structure: QualityCriterion;
    confidence: QualityCriterion;
  };
  recommendation: string;
}

export interface ScorableTurn {
  role: string;
  content: string;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

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

function scoreTurnCount(n: number): QualityCriterion {
  const inRange = n >= 8 && n <= 16;
  const distance = n < 8 ? 8 - n : n - 16;
  const score = inRange ? 10 : clamp(10 - distance * 1.5, 1, 9);
  return {
    label: 'Turn count',
    value: `${n} turns`,
    target: '8–16 turns',
    score,
    explanation: inRange
      ? 'Within the optimal range.'
      : `${n < 8 ? 'Only ' : ''}${n} turns detected, optimal range is 8–16.`,
  };
}

function scoreLength(turns: ScorableTurn[]): QualityCriterion {
  const assistant = turns.filter((t) => t.role === 'assistant').map((t) => words(t.content));
  const user = turns.filter((t) => t.role === 'user').map((t) => words(t.content));
  const avgA = assistant.length ? assistant.reduce((a, b) => a + b, 0) / assistant.length : 0;
  const avgU = user.length ? user.reduce((a, b) => a + b, 0) / user.length : 0;
  // Assistant answers of 40–220 words and user turns of 5–90 words read naturally.
  let score = 10;
  if (avgA < 40) score -= clamp((40 - avgA) / 5, 0, 6);
  if (avgA > 220) score -= clamp((avgA - 220) / 30, 0, 5);
  if (avgU < 5) score -= 2;
  if (avgU > 90) score -= 2;
  score = clamp(Math.round(score), 1, 10);
  return {
    label: 'Response length',
    value: `assistant ${Math.round(avgA)} words, user ${Math.round(avgU)} words on average`,
    target: 'assistant 40–220, user 5–90 words',
    score,
    explanation: score >= 8 ? 'Turn lengths read naturally.' : 'Some turns are too short or too long for a natural conversation.',
  };
}

function scoreStructure(turns: ScorableTurn[]): QualityCriterion {
  const problems: string[] = [];
  if (turns.length === 0) problems.push('no turns');
  if (turns[0] && turns[0].role !== 'user') problems.push('does not start with the user');
  if (turns.length && turns[turns.length - 1].role !== 'assistant') problems.push('does not end with the assistant');
  for (let i = 1; i < turns.length; i++) {
    if (turns[i].role === turns[i - 1].role) {
      problems.push(`turns ${i} and ${i + 1} are both ${turns[i].role}`);
      break;
    }
  }
  if (turns.some((t) => !t.content.trim())) problems.push('an empty turn');
  const score = clamp(10 - problems.length * 3, 1, 10);
  return {
    label: 'Structure',
    value: problems.length ? problems.join('; ') : 'alternating user/assistant',
    target: 'starts with user, ends with assistant, strictly alternating',
    score,
    explanation: problems.length ? `Structure problems: ${problems.join('; ')}.` : 'Valid, strictly alternating structure.',
  };
}

function scoreConfidence(confidence: number | undefined): QualityCriterion {
  const value = confidence === undefined ? 7 : clamp(confidence, 1, 10);
  return {
    label: 'Confidence',
    value: confidence === undefined ? 'not reported' : `${value}/10`,
    target: '8–10',
    score: Math.round(value),
    explanation: value >= 8 ? 'The generator is confident in this conversation.' : 'The generator reported low confidence; read it carefully.',
  };
}

/** Structural quality score (US4.3.1): turn count, length, structure and confidence, weighted. */
export function scoreConversation(turns: ScorableTurn[], confidence?: number): QualityResult {
  const breakdown = {
    turnCount: scoreTurnCount(turns.length),
    length: scoreLength(turns),
    structure: scoreStructure(turns),
    confidence: scoreConfidence(confidence),
  };
  const weighted =
    breakdown.turnCount.score * 0.3 + breakdown.length.score * 0.25 + breakdown.structure.score * 0.3 + breakdown.confidence.score * 0.15;
  const score = Math.round(clamp(weighted, 1, 10) * 10) / 10;
  const weakest = Object.values(breakdown).sort((a, b) => a.score - b.score)[0];
  return {
    score,
    level: qualityLevel(score),
    flaggedForReview: score < QUALITY_THRESHOLDS.medium,
    breakdown,
    recommendation:
      score >= QUALITY_THRESHOLDS.high ? 'Ready for review.' : `Weakest criterion: ${weakest.label.toLowerCase()}. Consider regenerating with an adjusted prompt.`,
  };
}

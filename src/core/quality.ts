import { QUALITY_THRESHOLDS, qualityLevel } from './quality-level';
import { scoreArcFollowed } from './quality-criteria/arc-followed';
import type { QualityContext, QualityCriterion, ScorableTurn } from './quality-criteria/context';
import { groundConversation, groundingCriterion, type Grounding } from './quality-criteria/grounding';
import { scoreOnTopic } from './quality-criteria/on-topic';
import { scoreRepetition } from './quality-criteria/repetition';

export type { QualityContext, QualityCriterion, ScorableTurn } from './quality-criteria/context';
export type { Grounding } from './quality-criteria/grounding';

/**
 * The version of the criteria and weights below. A stored score with an older version is
 * re-scored (src/quality/rescore.ts): raise it whenever a criterion or weight changes.
 * 1: form only (turn count, length, structure, confidence); 2: on topic, arc, repetition, grounding;
 * 3: arc followed also by how positive the user sounds (AFINN) and whether the mood moves with the arc.
 */
export const QUALITY_SCORING_VERSION = 3;

export type CriterionKey = 'turnCount' | 'length' | 'structure' | 'confidence' | 'onTopic' | 'arcFollowed' | 'repetition' | 'grounding';

export interface QualityResult {
  /** The scoring version (absent on scores stored before versions existed). */
  version: number;
  score: number; // 1–10, one decimal
  level: 'high' | 'medium' | 'low';
  flaggedForReview: boolean;
  /** One entry per criterion that applies: content criteria need the slot's context, the arc a template-tier arc, grounding a source chunk. */
  breakdown: Record<'turnCount' | 'length' | 'structure' | 'confidence' | 'repetition', QualityCriterion> & Partial<Record<'onTopic' | 'arcFollowed' | 'grounding', QualityCriterion>>;
  recommendation: string;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export { QUALITY_RANGES, QUALITY_THRESHOLDS, qualityLevel } from './quality-level';

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

/**
 * How much each criterion counts; the weights of the criteria that apply are scaled to add up to 1.
 * Content (on topic, grounding) weighs as much as form: a well-formed answer to the wrong question
 * is what reviewers reject.
 */
export const CRITERION_WEIGHTS: Record<CriterionKey, number> = {
  turnCount: 0.15,
  length: 0.1,
  structure: 0.15,
  confidence: 0.1,
  onTopic: 0.25,
  arcFollowed: 0.1,
  repetition: 0.1,
  grounding: 0.15,
};

/**
 * Gates: an off-topic conversation scores at most its on-topic score plus 3, and a broken one its
 * structure score plus 1, however good the rest — neither is a training example, so both go to review.
 */
const OFF_TOPIC_HEADROOM = 3;
const BROKEN_STRUCTURE_HEADROOM = 1;

/** What to do about the weakest criterion. */
const RECOMMENDATIONS: Record<CriterionKey, string> = {
  turnCount: 'Regenerate with a turn range of 8–16 in the prompt.',
  length: 'Regenerate and ask for answers of a natural length (about 40–220 words).',
  structure: 'Regenerate: the answer did not alternate user and assistant turns.',
  confidence: 'Read it carefully: the generator itself was unsure.',
  onTopic: "Regenerate, and check that the prompt and the source chunk are about the slot's topic; if the chunk is about something else, plan the slot with a matching chunk.",
  arcFollowed: "Regenerate with the arc's stages spelled out in the prompt, or edit the user's turns so the emotion moves as the arc says.",
  repetition: 'Regenerate or edit the repeated answers: a model trained on them learns stock phrases.',
  grounding: 'Check the highlighted sentences against the source chunk; regenerate asking the assistant to stay with what the chunk says.',
};

/** The score and breakdown, and the per-sentence grounding when there is a source chunk. */
export function assessConversation(turns: ScorableTurn[], confidence?: number, context?: QualityContext): { quality: QualityResult; grounding: Grounding | null } {
  const breakdown: QualityResult['breakdown'] = {
    turnCount: scoreTurnCount(turns.length),
    length: scoreLength(turns),
    structure: scoreStructure(turns),
    confidence: scoreConfidence(confidence),
    repetition: scoreRepetition(turns),
  };
  let grounding: Grounding | null = null;
  if (context) {
    breakdown.onTopic = scoreOnTopic(turns, context);
    if (context.arc && context.tier === 'template') breakdown.arcFollowed = scoreArcFollowed(turns, context.arc);
    if (context.chunk?.content.trim()) {
      grounding = groundConversation(turns, context.chunk.content);
      breakdown.grounding = groundingCriterion(grounding);
    }
  }
  const entries = Object.entries(breakdown) as [CriterionKey, QualityCriterion][];
  const totalWeight = entries.reduce((sum, [key]) => sum + CRITERION_WEIGHTS[key], 0);
  let weighted = entries.reduce((sum, [key, c]) => sum + c.score * CRITERION_WEIGHTS[key], 0) / totalWeight;
  // A gate that caps the score is what the recommendation is about, whatever else is weak.
  let gate: CriterionKey | null = null;
  if (breakdown.onTopic && breakdown.onTopic.score + OFF_TOPIC_HEADROOM < weighted) [weighted, gate] = [breakdown.onTopic.score + OFF_TOPIC_HEADROOM, 'onTopic'];
  if (breakdown.structure.score + BROKEN_STRUCTURE_HEADROOM < weighted) [weighted, gate] = [breakdown.structure.score + BROKEN_STRUCTURE_HEADROOM, 'structure'];
  const score = Math.round(clamp(weighted, 1, 10) * 10) / 10;
  const [weakestKey, weakest] = gate ? [gate, breakdown[gate]!] : entries.sort((a, b) => a[1].score - b[1].score)[0];
  return {
    quality: {
      version: QUALITY_SCORING_VERSION,
      score,
      level: qualityLevel(score),
      flaggedForReview: score < QUALITY_THRESHOLDS.medium,
      breakdown,
      recommendation:
        score >= QUALITY_THRESHOLDS.high && weakest.score >= QUALITY_THRESHOLDS.medium
          ? 'Ready for review.'
          : `Weakest criterion: ${weakest.label.toLowerCase()} (${weakest.score}/10). ${RECOMMENDATIONS[weakestKey]}`,
    },
    grounding,
  };
}

/**
 * Quality score (US4.3.1): form (turn count, length, structure, confidence, repetition) and, given
 * the slot's context, content (on topic, arc followed, grounding), weighted.
 */
export function scoreConversation(turns: ScorableTurn[], confidence?: number, context?: QualityContext): QualityResult {
  return assessConversation(turns, confidence, context).quality;
}

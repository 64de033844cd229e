/**
 * The shape of a conversation before any words are chosen: how many exchanges, what each
 * assistant turn sets out to do, and how the user feels at each point along the arc.
 */
import { readStage, type AssistantMove, type EmotionFamily, type IntentFamily } from './classify.js';
import type { Random } from './random.js';

export type ConversationKind = 'template' | 'scenario' | 'edge_case';
export type UserKind = 'opener' | 'question' | 'attempt' | 'pressure' | 'final';

/** One user turn and the assistant turn that answers it. */
export interface Exchange {
  userKind: UserKind;
  /** How the user feels in this turn; "transition" is the softening midpoint of an arc. */
  userEmotion: EmotionFamily | 'transition';
  userPushesBack: boolean;
  /** The previous assistant turn asked about the user's situation, so this turn answers it. */
  answersQuestions: boolean;
  move: AssistantMove;
}

export interface PlanInput {
  kind: ConversationKind;
  stages: readonly string[];
  intent: IntentFamily;
  startEmotion: EmotionFamily;
  endEmotion: EmotionFamily;
  hasAltTerm: boolean;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Exchanges, not turns: 4–8 exchanges give the 8–16 turns the quality score rewards. */
function exchangeCount(input: PlanInput, rng: Random): number {
  if (input.kind === 'edge_case') return rng.int(3, 5);
  // About one conversation in ten is short, as real data would be; the quality score notices.
  if (rng.chance(0.1)) return 3;
  if (input.stages.length > 0) return clamp(input.stages.length + rng.int(0, 1), 4, 8);
  return rng.pick([4, 5, 5, 6, 6, 7, 8]);
}

function emotionAt(index: number, count: number, start: EmotionFamily, end: EmotionFamily): EmotionFamily | 'transition' {
  if (index === 0) return start;
  if (index === count - 1 || start === end) return end;
  const progress = index / (count - 1);
  if (progress < 0.45) return start;
  if (progress > 0.55) return end;
  return 'transition';
}

const OPENING_MOVES: readonly AssistantMove[] = ['validate', 'explain', 'explore', 'example'];
const DISTRESSED: readonly EmotionFamily[] = ['anxiety', 'confusion', 'frustration'];

// When two neighbouring stages read the same, the second gets a related move instead.
const NEIGHBOUR_MOVE: Partial<Record<AssistantMove, AssistantMove>> = {
  explain: 'example',
  example: 'explain',
  plan: 'reassure',
  reassure: 'plan',
  validate: 'explain',
  explore: 'explain',
  compare: 'explain',
};

function middleMovesForIntent(intent: IntentFamily, hasAltTerm: boolean): AssistantMove[] {
  const comparison: AssistantMove = hasAltTerm ? 'compare' : 'example';
  const byIntent: Record<IntentFamily, AssistantMove[]> = {
    education: ['explain', 'example', 'explore', 'reassure', comparison],
    decision: [comparison, 'explain', 'explore', 'example', 'reassure'],
    comparison: [comparison, 'explain', 'example', 'explore', 'reassure'],
    validation: ['reassure', 'explain', 'explore', 'example', comparison],
    planning: ['explain', 'explore', 'example', 'reassure', comparison],
    concern: ['reassure', 'explain', 'example', 'explore', comparison],
  };
  return byIntent[intent];
}

function templateMoves(input: PlanInput, count: number, rng: Random): AssistantMove[] {
  const opening: AssistantMove = DISTRESSED.includes(input.startEmotion)
    ? rng.pick(['validate', 'explain'] as const)
    : rng.pick(['explain', 'explain', 'explore'] as const);
  if (input.stages.length === 0) {
    const [first, ...rest] = middleMovesForIntent(input.intent, input.hasAltTerm);
    // The intent's signature move always makes it in; the rest are shuffled for variety.
    const middle = [first, ...rng.shuffle(rest)].slice(0, Math.max(0, count - 3));
    return count >= 3 ? [opening, ...rng.shuffle(middle), 'plan', 'close'] : [opening, 'close'];
  }
  const moves = Array.from({ length: count }, (_, i) => {
    const stageIndex = Math.round((i * (input.stages.length - 1)) / Math.max(1, count - 1));
    return readStage(input.stages[stageIndex]).move;
  });
  if (!OPENING_MOVES.includes(moves[0])) moves[0] = opening;
  return moves;
}

function scenarioMoves(count: number, rng: Random): AssistantMove[] {
  if (count <= 3) return ['diagnose', 'solution', 'close'];
  if (count === 4) return ['diagnose', 'explain', 'solution', 'close'];
  const extras = rng.shuffle(['example', 'reassure', 'plan', 'explore'] as const).slice(0, count - 5);
  return ['diagnose', 'explain', ...extras, 'solution', 'outcome', 'close'];
}

function edgeMoves(count: number, rng: Random): AssistantMove[] {
  if (count <= 3) return ['explain', 'boundary', 'close'];
  if (count === 4) return ['explain', 'boundary', 'hold', 'close'];
  return ['explain', rng.pick(['explore', 'example'] as const), 'boundary', 'hold', 'close'];
}

/** Keeps the sequence sensible whatever the stages said: no repeats, no dangling questions. */
function tidyMoves(moves: AssistantMove[], hasAltTerm: boolean): AssistantMove[] {
  const tidy = moves.map((move) => (move === 'compare' && !hasAltTerm ? 'explain' : move));
  tidy[tidy.length - 1] = 'close';
  for (let i = 1; i < tidy.length - 1; i++) {
    if (tidy[i] === 'close') tidy[i] = 'reassure';
    if (tidy[i] === tidy[i - 1]) tidy[i] = NEIGHBOUR_MOVE[tidy[i]] ?? tidy[i];
  }
  // A question right before the close would leave the user answering it in their goodbye.
  if (tidy.length >= 2 && tidy[tidy.length - 2] === 'explore') tidy[tidy.length - 2] = 'plan';
  return tidy;
}

export function planConversation(input: PlanInput, rng: Random): Exchange[] {
  const count = exchangeCount(input, rng);
  const rawMoves =
    input.kind === 'scenario' ? scenarioMoves(count, rng) : input.kind === 'edge_case' ? edgeMoves(count, rng) : templateMoves(input, count, rng);
  const moves = input.kind === 'template' ? tidyMoves(rawMoves, input.hasAltTerm) : rawMoves;

  let pushbacksLeft = 2;
  return moves.map((move, index) => {
    const isLast = index === moves.length - 1;
    const userKind: UserKind =
      index === 0 ? 'opener' : isLast ? 'final' : move === 'boundary' ? 'attempt' : move === 'hold' ? 'pressure' : 'question';
    const userEmotion = emotionAt(index, moves.length, input.startEmotion, input.endEmotion);
    const stage = input.stages.length > 0 ? input.stages[Math.round((index * (input.stages.length - 1)) / Math.max(1, moves.length - 1))] : '';
    const wantsPushback =
      userKind === 'question' &&
      (readStage(stage).userPushesBack || (userEmotion === 'frustration' ? rng.chance(0.6) : rng.chance(0.12)));
    const userPushesBack = wantsPushback && pushbacksLeft-- > 0;
    const answersQuestions = userKind === 'question' && moves[index - 1] === 'explore';
    return { userKind, userEmotion, userPushesBack, answersQuestions, move };
  });
}

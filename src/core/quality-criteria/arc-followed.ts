import type { DescribedValue, QualityContext, QualityCriterion, ScorableTurn } from './context';
import { emotionWords } from './emotion-words';
import { stemSet, stems, toScore } from './text';
import { emotionValence, valenceOf } from './valence';

/** A stage counts as seen in a turn sharing this many of its content words (or all of them, for a short stage). */
const STAGE_MIN_WORDS = 2;
const STAGES_FOR_FULL = 0.6;

/**
 * The words that signal an emotion: its label's and the everyday words for it (one is enough),
 * and its catalog description's and guidance's (weaker, so two are needed).
 */
function cuesOf(value: DescribedValue) {
  const everyday = [...emotionWords(value.key ?? value.label), ...emotionWords(value.label)];
  return { label: new Set(stems(`${value.label} ${everyday.join(' ')}`)), description: new Set(stems(`${value.description ?? ''} ${value.guidance ?? ''}`)) };
}

function shows(turn: Set<string>, cues: ReturnType<typeof cuesOf>): boolean {
  let described = 0;
  for (const s of turn) {
    if (cues.label.has(s)) return true;
    if (cues.description.has(s)) described++;
  }
  return described >= 2;
}

/**
 * A turn shows an emotion's valence when it sounds the same way (a negative emotion, a turn with a
 * negative sum of rated words): how people show a feeling without naming it. A neutral emotion
 * has no valence to show.
 */
const soundsLike = (valence: number, turnValence: number) => (valence < 0 ? turnValence < 0 : valence > 0 ? turnValence > 0 : false);

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * Whether the mood moves the way the arc goes: up from a negative emotion to a positive one, down
 * the other way, and, between two emotions of the same valence, at least not souring (a drop of
 * more than two rated words' worth on average).
 */
function movesAsTheArc(startValence: number, endValence: number, early: number[], late: number[]): boolean {
  const change = mean(late) - mean(early);
  if (endValence > startValence) return change > 0;
  if (endValence < startValence) return change < 0;
  return change >= -2;
}

/** The first turn (index) at or after `from` that shares enough of a stage's words, or -1. */
function stageTurn(stage: string, turns: Set<string>[], from: number): number {
  // "User" and "assistant" name who speaks, not what happens.
  const words = stems(stage).filter((s) => s !== 'user' && s !== 'assist');
  const needed = Math.min(STAGE_MIN_WORDS, words.length);
  if (!needed) return from;
  for (let i = from; i < turns.length; i++) {
    if (words.filter((w) => turns[i].has(w)).length >= needed) return i;
  }
  return -1;
}

/**
 * Arc followed (template tier with an arc): do the user's early turns show the arc's start emotion
 * and the late ones its end emotion — by the emotion's words, or by sounding as positive or
 * negative as it is (AFINN-rated words) — does the mood move the way the arc goes, and do the
 * arc's stages appear in order (a turn sharing a stage's words, each after the last)? It reads
 * words, not feelings: irony or a feeling described without rated words stays unseen.
 */
export function scoreArcFollowed(turns: ScorableTurn[], arc: NonNullable<QualityContext['arc']>): QualityCriterion {
  const userTurns = turns.filter((t) => t.role === 'user');
  const user = userTurns.map((t) => stemSet(t.content));
  const moods = userTurns.map((t) => valenceOf(t.content));
  const all = turns.map((t) => stemSet(t.content));
  const third = Math.max(1, Math.round(user.length / 3));
  const [early, late] = [user.slice(0, third), user.slice(-third)];
  const [earlyMoods, lateMoods] = [moods.slice(0, third), moods.slice(-third)];
  const [startValence, endValence] = [emotionValence(arc.start), emotionValence(arc.end)];
  const start = cuesOf(arc.start);
  const end = cuesOf(arc.end);
  const startShown = early.some((t) => shows(t, start)) || earlyMoods.some((m) => soundsLike(startValence, m));
  const endShown = late.some((t) => shows(t, end)) || lateMoods.some((m) => soundsLike(endValence, m));
  const moves = user.length > 1 && movesAsTheArc(startValence, endValence, earlyMoods, lateMoods);

  // Stages in order: each is looked for from the turn where the previous one was seen.
  let from = 0;
  const seen: string[] = [];
  const unseen: string[] = [];
  for (const stage of arc.stages) {
    const at = stageTurn(stage, all, from);
    if (at === -1) unseen.push(stage);
    else {
      seen.push(stage);
      from = at;
    }
  }
  // Stages are paraphrased more than emotions are named: three in five seen in order is the full share.
  const stageShare = arc.stages.length ? Math.min(1, seen.length / (arc.stages.length * STAGES_FOR_FULL)) : 1;
  const score = toScore(0.3 * Number(startShown) + 0.35 * Number(endShown) + 0.15 * Number(moves) + 0.2 * stageShare);

  const problems = [
    !startShown && `the user's first turns show no sign of ${arc.start.label.toLowerCase()}`,
    !endShown && `the user's last turns show no sign of ${arc.end.label.toLowerCase()}`,
    !moves && (endValence === startValence ? "the user's mood sours towards the end" : `the user's mood does not move from ${arc.start.label.toLowerCase()} towards ${arc.end.label.toLowerCase()}`),
    unseen.length > 0 && `${unseen.length} of ${arc.stages.length} stages not found in order (first: "${unseen[0]}")`,
  ].filter(Boolean);
  return {
    label: 'Arc followed',
    value: `${arc.start.label} ${startShown ? 'shown' : 'not shown'} early, ${arc.end.label} ${endShown ? 'shown' : 'not shown'} late, mood ${moves ? 'moves with the arc' : 'does not move with the arc'}, ${seen.length}/${arc.stages.length} stages in order`,
    target: `${arc.label}: ${arc.start.label} → ${arc.end.label}, the mood moving that way, every stage in order`,
    score,
    explanation:
      (problems.length ? `The ${arc.label} arc is only partly visible: ${problems.join('; ')}.` : `The user moves from ${arc.start.label.toLowerCase()} to ${arc.end.label.toLowerCase()} through the arc's stages.`) +
      " Checked by each emotion's and stage's words and by how positive the user's words sound, not by reading feelings.",
  };
}

/**
 * "Use as Template" (US10.3.2): what a hand-written seed conversation's shape is — how many
 * turns, how long each is, how the two sides talk — and a prompt template that asks the model
 * for new conversations of that shape, plus a spread of variations to plan from it.
 */

export interface StructureTurn {
  role: string;
  content: string;
}

export interface WordRange {
  average: number;
  min: number;
  max: number;
}

export type Formality = 'formal' | 'neutral' | 'casual';

export interface SeedStructure {
  turnCount: number;
  /** Words per turn, in turn order: the conversation's rhythm. */
  lengthPattern: { turn: number; role: 'user' | 'assistant'; words: number }[];
  userWords: WordRange;
  assistantWords: WordRange;
  style: {
    /** Share of user turns that ask a question (0–1). */
    userQuestionRatio: number;
    /** Share of assistant turns that ask the user something back (0–1). */
    assistantQuestionRatio: number;
    averageSentenceWords: number;
    formality: Formality;
    /** What the formality was judged on, in words a person can check. */
    formalityMarkers: string[];
  };
  /** The structure in plain sentences, for the dialog and the template body. */
  notes: string[];
}

const wordsOf = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const round1 = (n: number) => Math.round(n * 10) / 10;
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);

function range(values: number[]): WordRange {
  if (!values.length) return { average: 0, min: 0, max: 0 };
  return { average: Math.round(values.reduce((a, b) => a + b, 0) / values.length), min: Math.min(...values), max: Math.max(...values) };
}

const CONTRACTION = /\b\w+'(s|re|ve|ll|d|m|t)\b/gi;
const CASUAL = /\b(yeah|yep|nope|gonna|wanna|kinda|hey|ok|okay|lol|cool|awesome|stuff|guys?)\b/gi;
const FORMAL = /\b(therefore|however|furthermore|moreover|regarding|accordingly|additionally|consequently|nevertheless|would you|please)\b/gi;

/** Formal, neutral or casual, from contractions, casual and formal words and exclamations per 100 words. */
export function judgeFormality(texts: string[]): { formality: Formality; markers: string[] } {
  const all = texts.join('\n');
  const words = Math.max(1, wordsOf(all).length);
  const per100 = (n: number) => (n * 100) / words;
  const contractions = all.match(CONTRACTION)?.length ?? 0;
  const casual = all.match(CASUAL)?.length ?? 0;
  const formal = all.match(FORMAL)?.length ?? 0;
  const exclamations = all.match(/!/g)?.length ?? 0;
  // Contractions are ordinary in spoken English, so they count for less than slang or exclamations.
  const score = per100(formal) * 2 - per100(contractions) * 0.5 - per100(casual) * 2 - per100(exclamations);
  const formality: Formality = score > 0.5 ? 'formal' : score < -2.5 ? 'casual' : 'neutral';
  const markers = [
    `${contractions} contraction${contractions === 1 ? '' : 's'} (it's, don't…)`,
    `${casual} casual word${casual === 1 ? '' : 's'} (yeah, okay…)`,
    `${formal} formal word${formal === 1 ? '' : 's'} (however, regarding…)`,
    `${exclamations} exclamation mark${exclamations === 1 ? '' : 's'}`,
  ];
  return { formality, markers };
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The shape of a seed conversation: turn count, length pattern and style. */
export function extractSeedStructure(turns: StructureTurn[]): SeedStructure {
  const lengthPattern = turns.map((t, i) => ({ turn: i + 1, role: (t.role === 'assistant' ? 'assistant' : 'user') as 'user' | 'assistant', words: wordsOf(t.content).length }));
  const user = turns.filter((t) => t.role === 'user');
  const assistant = turns.filter((t) => t.role === 'assistant');
  const asks = (list: StructureTurn[]) => (list.length ? list.filter((t) => t.content.includes('?')).length / list.length : 0);
  const sentences = turns.flatMap((t) => sentencesOf(t.content));
  const averageSentenceWords = sentences.length ? round1(sentences.reduce((n, s) => n + wordsOf(s).length, 0) / sentences.length) : 0;
  const { formality, markers } = judgeFormality(turns.map((t) => t.content));
  const userWords = range(lengthPattern.filter((t) => t.role === 'user').map((t) => t.words));
  const assistantWords = range(lengthPattern.filter((t) => t.role === 'assistant').map((t) => t.words));
  const ratio = (n: number) => Math.round(n * 100) / 100;
  const style = { userQuestionRatio: ratio(asks(user)), assistantQuestionRatio: ratio(asks(assistant)), averageSentenceWords, formality, formalityMarkers: markers };
  // Where the assistant's longest answer falls tells the model where the conversation peaks.
  const longest = lengthPattern.filter((t) => t.role === 'assistant').sort((a, b) => b.words - a.words)[0];
  const notes = [
    `${turns.length} turns: ${user.length} from the user and ${assistant.length} from the assistant, starting with the user.`,
    `User turns run ${userWords.min}–${userWords.max} words (about ${userWords.average}); assistant turns ${assistantWords.min}–${assistantWords.max} words (about ${assistantWords.average}).`,
    longest ? `The assistant's longest answer is turn ${longest.turn} of ${turns.length}.` : '',
    `${percent(style.userQuestionRatio)} of user turns ask a question; ${percent(style.assistantQuestionRatio)} of assistant turns ask one back.`,
    `Sentences average ${averageSentenceWords} words; the register is ${formality}.`,
  ].filter(Boolean);
  return { turnCount: turns.length, lengthPattern, userWords, assistantWords, style, notes };
}

/**
 * A prompt template asking for a conversation of the seed's shape. Uses the usual placeholders
 * (src/core/prompt.ts), so each planned variation fills in its own persona, emotion, topic,
 * intent and tone.
 */
export function buildSeedTemplateBody(structure: SeedStructure, seed: { conversationId: string; title: string }): string {
  const rhythm = structure.lengthPattern.map((t) => `${t.turn}. ${t.role}: about ${t.words} words`).join('\n');
  const band = (w: WordRange) => `${Math.max(1, Math.round(w.min * 0.8))}–${Math.max(2, Math.round(w.max * 1.2))}`;
  return `You are writing a realistic training conversation between a user and an AI assistant. It must follow the structure and style of a hand-written benchmark conversation, ${seed.conversationId} ("${seed.title}"), while telling a new story.

CONVERSATION SETTINGS
- User persona: {persona}
- User's starting emotion: {emotion}
- Topic: {topic}
- User's intent: {intent}
- Assistant tone: {tone}
{persona?Keep the user fully in character for this persona from the first turn to the last.}
{arc?Let the user's emotion change along the conversation's emotional arc.}

STRUCTURE (taken from the benchmark)
Write exactly ${structure.turnCount} turns, strictly alternating, starting with the user and ending with the assistant, with roughly this rhythm:
${rhythm}
User turns: ${band(structure.userWords)} words. Assistant turns: ${band(structure.assistantWords)} words.

STYLE (taken from the benchmark)
${structure.notes.map((n) => `- ${n}`).join('\n')}
- Keep the register ${structure.style.formality} and sentences around ${Math.round(structure.style.averageSentenceWords)} words long.

ASSISTANT BEHAVIOR
- Be accurate and specific; label examples as illustrative and never promise outcomes.
- Explain trade-offs rather than issuing orders; the user makes the final decision.

OUTPUT
Write exactly one conversation with a short, descriptive title. Return it in the structured format you have been given, with your honest confidence that it meets this brief, and add no commentary outside it.`;
}

export interface VariationInput {
  seed: { emotion: string; intent: string; tone: string };
  emotions: string[];
  intents: string[];
  tones: string[];
  count: number;
}

export interface Variation {
  emotion: string;
  intent: string;
  tone: string;
}

/**
 * `count` emotion/intent/tone combinations for variations of a seed (persona and topic stay the
 * seed's), spread so each new one differs from those before it as much as the catalog allows:
 * unused emotions first, then unused intents and tones; never the seed's own combination while
 * another is left. Deterministic for a given `random`.
 */
export function planSeedVariations(input: VariationInput, random: () => number): Variation[] {
  const shuffle = <T>(list: T[]) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const emotions = shuffle(input.emotions.length ? input.emotions : [input.seed.emotion]);
  const intents = shuffle(input.intents.length ? input.intents : [input.seed.intent]);
  const tones = shuffle(input.tones.length ? input.tones : [input.seed.tone]);
  const key = (v: Variation) => `${v.emotion}|${v.intent}|${v.tone}`;
  const used = new Map<string, number>([[key(input.seed), 1]]);
  const uses = { emotion: new Map<string, number>(), intent: new Map<string, number>(), tone: new Map<string, number>() };
  uses.emotion.set(input.seed.emotion, 1);
  uses.intent.set(input.seed.intent, 1);
  uses.tone.set(input.seed.tone, 1);
  const out: Variation[] = [];
  for (let n = 0; n < input.count; n++) {
    const least = <T extends 'emotion' | 'intent' | 'tone'>(dim: T, values: string[]) => {
      let best = values[0];
      for (const v of values) if ((uses[dim].get(v) ?? 0) < (uses[dim].get(best) ?? 0)) best = v;
      return best;
    };
    let pick: Variation = { emotion: least('emotion', emotions), intent: least('intent', intents), tone: least('tone', tones) };
    // Same combination as one already planned: walk the tones, then intents, for an unused one.
    if (used.has(key(pick))) {
      const fresh = tones.map((tone) => ({ ...pick, tone })).concat(intents.map((intent) => ({ ...pick, intent }))).find((v) => !used.has(key(v)));
      if (fresh) pick = fresh;
    }
    out.push(pick);
    used.set(key(pick), (used.get(key(pick)) ?? 0) + 1);
    uses.emotion.set(pick.emotion, (uses.emotion.get(pick.emotion) ?? 0) + 1);
    uses.intent.set(pick.intent, (uses.intent.get(pick.intent) ?? 0) + 1);
    uses.tone.set(pick.tone, (uses.tone.get(pick.tone) ?? 0) + 1);
  }
  return out;
}

/** US10.3.2's bar: a conversation made from a seed should score at least the seed's score less one. */
export const SEED_BASELINE_MARGIN = 1;

export function belowSeedBaseline(score: number | null, seedScore: number | null): boolean {
  return score !== null && seedScore !== null && score < seedScore - SEED_BASELINE_MARGIN;
}

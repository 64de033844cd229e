/**
 * Measures how "generated" a batch of conversations looks: how many assistant sentences stand
 * word for word in many conversations, and whether any turn leaks the instructions the writer
 * was given (scenario steps, arc stages, prompt text) or talks about "the user".
 *
 * What is counted, precisely: every assistant turn is split into sentences (splitSentences: a
 * break after . ! or ? followed by a capital, a digit or a quote); whitespace is collapsed and a
 * sentence is kept when it has at least 30 characters. Each kept sentence *occurrence* counts
 * once (a sentence said twice in one conversation counts twice). An occurrence is "reused" when
 * the identical sentence (case-sensitive) appears in the assistant turns of at least 5 distinct
 * conversations of the batch. The share is reused occurrences / all kept occurrences.
 */
import { splitSentences } from './text.js';

export interface TurnLike {
  role: string;
  content: string;
}

export const MIN_SENTENCE_CHARS = 30;
export const REUSE_THRESHOLD = 5;

export interface ReuseOptions {
  minChars?: number;
  /** Distinct conversations a sentence must appear in to count as reused. */
  threshold?: number;
  /** How many of the most reused sentences to list. */
  top?: number;
  /** Whose turns to measure; the goal is about the assistant's. */
  role?: string;
}

export interface ReuseReport {
  conversations: number;
  /** Kept sentence occurrences (30+ characters) across all assistant turns. */
  sentences: number;
  distinctSentences: number;
  /** Occurrences of sentences found in `threshold` or more conversations. */
  reusedOccurrences: number;
  /** reusedOccurrences / sentences, 0–1. */
  share: number;
  /** Distinct sentences found in `threshold` or more conversations. */
  reusedDistinct: number;
  top: { sentence: string; conversations: number }[];
}

export function assistantSentences(turns: readonly TurnLike[], minChars = MIN_SENTENCE_CHARS, role = 'assistant'): string[] {
  return turns
    .filter((turn) => turn.role === role)
    .flatMap((turn) => splitSentences(turn.content.replace(/\s+/g, ' ')))
    .filter((sentence) => sentence.length >= minChars);
}

export function measureReuse(conversations: readonly (readonly TurnLike[])[], opts: ReuseOptions = {}): ReuseReport {
  const minChars = opts.minChars ?? MIN_SENTENCE_CHARS;
  const threshold = opts.threshold ?? REUSE_THRESHOLD;
  const perConversation = conversations.map((turns) => assistantSentences(turns, minChars, opts.role));
  const spread = new Map<string, number>();
  for (const sentences of perConversation) {
    for (const sentence of new Set(sentences)) spread.set(sentence, (spread.get(sentence) ?? 0) + 1);
  }
  const total = perConversation.reduce((sum, sentences) => sum + sentences.length, 0);
  const reusedOccurrences = perConversation.flat().filter((sentence) => (spread.get(sentence) ?? 0) >= threshold).length;
  const ranked = [...spread.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    conversations: conversations.length,
    sentences: total,
    distinctSentences: spread.size,
    reusedOccurrences,
    share: total === 0 ? 0 : reusedOccurrences / total,
    reusedDistinct: ranked.filter(([, count]) => count >= threshold).length,
    top: ranked.slice(0, opts.top ?? 10).map(([sentence, count]) => ({ sentence, conversations: count })),
  };
}

/** A turn that speaks about the user or the assistant in the third person, as instructions do. */
export const THIRD_PERSON = /\bthe (?:user|assistant)s?\b/i;

/** Words of a text, lower-cased, with punctuation other than what numbers need removed. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9$%'\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export const LEAK_WINDOW = 6;

/** Every run of `size` consecutive words in the text, as one string. */
function windows(text: string, size: number): string[] {
  const words = wordsOf(text);
  if (words.length < size) return words.length >= 3 ? [words.join(' ')] : [];
  return Array.from({ length: words.length - size + 1 }, (_, i) => words.slice(i, i + size).join(' '));
}

export interface Leak {
  turn: number;
  kind: 'third_person' | 'instruction';
  /** The offending words. */
  match: string;
}

/**
 * Looks for instruction text in the turns: any run of LEAK_WINDOW words of an instruction (or a
 * whole instruction shorter than that) found word for word in a turn, and any mention of "the
 * user" or "the assistant". Runs that the slot's own material also contains (a prompt may quote
 * the source chunk) are the story, not the instructions, and do not count.
 */
export function findLeaks(turns: readonly TurnLike[], instructions: readonly string[], material: readonly string[] = [], windowSize = LEAK_WINDOW): Leak[] {
  const storyRuns = new Set(material.flatMap((text) => windows(text, windowSize)));
  const story = ` ${material.map((text) => wordsOf(text).join(' ')).join(' | ')} `;
  const inStory = (needle: string) => storyRuns.has(needle) || (needle.split(' ').length < windowSize && story.includes(` ${needle} `));
  const needles = new Set(instructions.flatMap((text) => windows(text, windowSize)).filter((needle) => !inStory(needle)));
  // Full-length runs are looked up among the turn's own runs; shorter instructions are searched for.
  const shortNeedles = [...needles].filter((needle) => needle.split(' ').length < windowSize);
  const leaks: Leak[] = [];
  turns.forEach((turn, index) => {
    const third = turn.content.match(THIRD_PERSON);
    if (third) leaks.push({ turn: index, kind: 'third_person', match: third[0] });
    const words = wordsOf(turn.content);
    const haystack = ` ${words.join(' ')} `;
    const found = new Set<string>();
    for (let i = 0; i + windowSize <= words.length; i++) {
      const run = words.slice(i, i + windowSize).join(' ');
      if (needles.has(run)) found.add(run);
    }
    for (const needle of shortNeedles) if (haystack.includes(` ${needle} `)) found.add(needle);
    for (const match of found) leaks.push({ turn: index, kind: 'instruction', match });
  });
  return leaks;
}

// Verbs that open a step telling the writer how to conduct the conversation rather than what the
// person should do with their money: "Acknowledge the fear", "Explain that…", "Show the drift…".
const CONVERSATION_VERBS =
  /^(?:acknowledge|explain|show|confirm|validate|reassure|quantify|clarify|discuss|describe|emphasi[sz]e|stress(?=\s)|remind|point out|walk (?:through|the)|help the|ask|encourage|empathi[sz]e|note|highlight|outline|present|mention|tell)\b/i;

/** Splits a scenario solution into its steps: sentences, then clauses joined by commas, ";" or "then". */
export function solutionClauses(solution: string): string[] {
  return splitSentences(solution)
    .flatMap((sentence) => sentence.split(/;|,\s*(?:and\s+)?(?:then\s+)?|\.\s*$|\bthen\b/))
    .map((step) => step.trim().replace(/^(?:and|then)\s+/i, ''))
    .filter((step) => step.split(/\s+/).length >= 2);
}

/**
 * The parts of a slot that are instructions to the writer, never lines for either speaker: arc
 * stages, the edge case's description, and the scenario steps that direct the conversation
 * itself. A scenario's problem, solution steps of substance and outcome are the story, which the
 * speakers may tell; those are not listed.
 */
export function slotInstructions(slot: {
  arc?: { stages: readonly string[] } | null;
  scenario?: { solution: string } | null;
  edgeCase?: { description: string } | null;
}): string[] {
  const conversational = (slot.scenario ? solutionClauses(slot.scenario.solution) : [])
    .filter((step) => CONVERSATION_VERBS.test(step))
    // Only the instruction's own wording: the verb and the words right after it.
    .map((step) => step.split(/\s+/).slice(0, LEAK_WINDOW).join(' '));
  return [...(slot.arc?.stages ?? []), ...(slot.edgeCase ? [slot.edgeCase.description] : []), ...conversational];
}

/** What the speakers may legitimately say: the source chunk, the scenario's story, the edge case's own words. */
export function slotMaterial(slot: {
  persona?: { description?: string };
  scenario?: { problem: string; outcome: string } | null;
  edgeCase?: { adversarialPrompt: string } | null;
  chunk?: { content: string; summary?: string } | null;
}): string[] {
  return [slot.persona?.description, slot.scenario?.problem, slot.scenario?.outcome, slot.edgeCase?.adversarialPrompt, slot.chunk?.content, slot.chunk?.summary].filter(
    (text): text is string => Boolean(text?.trim()),
  );
}

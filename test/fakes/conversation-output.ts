import { seededRandom } from '../../src/core/random';
/**
 * Deterministic stand-ins for what a model returns when asked for one training conversation.
 * The same prompt always yields the same conversation (tests can compare runs), and different
 * prompts yield different text (duplicate detection and review screens see distinct items).
 */

export interface FakeTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface FakeConversation {
  title: string;
  turns: FakeTurn[];
  confidence: number;
}

/** FNV-1a: tiny, stable across Node versions, good enough to spread seeds. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const FALLBACK_TOPICS = ['the process', 'the document', 'the policy', 'the system', 'the schedule'];

const STOP_WORDS = new Set(
  'about after again also because before being between could every first from have into just more most other should their there these they this those through under until which while would write conversation turns assistant user json'.split(' '),
);

/** Picks the prompt's most distinctive words so the fake text visibly relates to its input. */
function topicsFrom(seedText: string): string[] {
  const words = seedText.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? [];
  const unique = [...new Set(words.filter((word) => !STOP_WORDS.has(word)))];
  unique.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const topics = unique.slice(0, 6);
  return topics.length >= 2 ? topics : [...topics, ...FALLBACK_TOPICS];
}

const QUESTIONS = [
  'How should I think about {t} when I am just getting started?',
  'What is the most common mistake people make with {t}?',
  'Can you walk me through how {t} affects {u} in practice?',
  'Why does {t} matter so much here, and what happens if we skip it?',
  'Is there a simple way to check whether {t} is working as intended?',
  'What would you change first if {t} kept causing trouble for {u}?',
  'How do {t} and {u} fit together over a normal week?',
];

const SENTENCES = [
  'The short answer is that {t} works best when everyone agrees on what success looks like before any work begins.',
  'In practice, teams usually start by writing down how {t} connects to {u}, because that makes the trade-offs visible.',
  'A useful habit is to review {t} on a fixed schedule rather than only when something breaks.',
  'If {u} changes, revisit {t} as well, since the two tend to drift apart quietly.',
  'Keep the first version small, measure what happens, and only then add the extra steps people ask for.',
  'Most problems with {t} come from unclear ownership, so name one person who decides when questions come up.',
  'It also helps to keep a short record of each decision so newcomers can see why {t} looks the way it does.',
  'When in doubt, compare the current state of {u} with the written plan and talk through every difference you find.',
];

function fill(template: string, random: () => number, topics: string[]): string {
  const pick = () => topics[Math.floor(random() * topics.length)];
  return template.replace('{t}', pick()).replace('{u}', pick());
}

function pickFrom<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Exactly `wordCount` words of sentence-like text, cut at a word and closed with a period. */
function assistantText(random: () => number, topics: string[], wordCount: number): string {
  const words: string[] = [];
  while (words.length < wordCount) words.push(...fill(pickFrom(SENTENCES, random), random, topics).split(/\s+/));
  const text = words.slice(0, wordCount).join(' ');
  return /[.!?]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`;
}

/**
 * A valid conversation for `seedText`: 8, 10 or 12 turns alternating user/assistant, starting with
 * the user and ending with the assistant, assistant turns 50–90 words, confidence within 1–10.
 */
export function fakeConversation(seedText: string): FakeConversation {
  const random = seededRandom(hashText(seedText));
  const topics = topicsFrom(seedText);
  const turnCount = 8 + 2 * Math.floor(random() * 3);
  const turns: FakeTurn[] = [];
  for (let i = 0; i < turnCount; i++) {
    turns.push(
      i % 2 === 0
        ? { role: 'user', content: fill(pickFrom(QUESTIONS, random), random, topics) }
        : { role: 'assistant', content: assistantText(random, topics, 55 + Math.floor(random() * 31)) },
    );
  }
  const title = `A conversation about ${topics[0]} and ${topics[1]}`;
  const confidence = Math.round((6 + random() * 3) * 10) / 10;
  return { title, turns, confidence };
}

export const MALFORMED_VARIANTS = ['not-alternating', 'missing-turns', 'wrong-types'] as const;
export type MalformedVariant = (typeof MALFORMED_VARIANTS)[number];

/** Output a model might plausibly produce that the conversation schema must reject. */
export function malformedConversation(variant: MalformedVariant = 'not-alternating'): Record<string, unknown> {
  const valid = fakeConversation(`malformed ${variant}`);
  switch (variant) {
    case 'not-alternating':
      // Two user turns in a row: the most common structural slip.
      return { ...valid, turns: [valid.turns[0], { ...valid.turns[2] }, ...valid.turns.slice(1)] };
    case 'missing-turns':
      return { title: valid.title, confidence: valid.confidence };
    case 'wrong-types':
      return { title: 42, turns: 'user: hello\nassistant: hi', confidence: 'high' };
  }
}

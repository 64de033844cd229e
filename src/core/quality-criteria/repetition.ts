import type { QualityCriterion, ScorableTurn } from './context';
import { clamp, sentences, words } from './text';

/** Word sequences this long, seen in two assistant turns, count as repeated phrasing. */
const N = 4;
/** Sentences shorter than this ("Good question.") repeat naturally and are not counted. */
const MIN_SENTENCE_WORDS = 5;
/** Up to this share of repeated 4-word sequences reads as natural (names, set phrases); above it, as a template. */
const NATURAL_SHARE = 0.04;

const ngrams = (list: string[], n: number) => Array.from({ length: Math.max(0, list.length - n + 1) }, (_, i) => list.slice(i, i + n).join(' '));

/**
 * Repetition within one conversation: assistant sentences said twice and the share of 4-word
 * sequences that recur across assistant turns. (Near-copies across conversations are a separate check.)
 */
export function scoreRepetition(turns: ScorableTurn[]): QualityCriterion {
  const assistant = turns.filter((t) => t.role === 'assistant').map((t) => t.content);
  const seenSentences = new Set<string>();
  const repeated: string[] = [];
  for (const content of assistant) {
    for (const s of sentences(content)) {
      const w = words(s.text);
      if (w.length < MIN_SENTENCE_WORDS) continue;
      const key = w.join(' ');
      if (seenSentences.has(key)) repeated.push(s.text);
      else seenSentences.add(key);
    }
  }
  // In how many assistant turns each sequence occurs.
  const turnsOf = new Map<string, number>();
  for (const content of assistant) for (const g of new Set(ngrams(words(content), N))) turnsOf.set(g, (turnsOf.get(g) ?? 0) + 1);
  const recurring = [...turnsOf.entries()].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]);
  const share = turnsOf.size ? recurring.length / turnsOf.size : 0;
  const score = Math.round(clamp(10 - repeated.length * 2 - Math.max(0, share - NATURAL_SHARE) * 60, 1, 10) * 10) / 10;

  const examples = recurring.slice(0, 2).map(([g, n]) => `"${g}" (${n} answers)`);
  return {
    label: 'Repetition',
    value: `${repeated.length} repeated sentence${repeated.length === 1 ? '' : 's'}, ${Math.round(share * 100)} % of 4-word phrases recur across answers`,
    target: `no repeated sentences, at most ${Math.round(NATURAL_SHARE * 100)} % recurring phrases`,
    score,
    explanation:
      score >= 8
        ? 'The assistant varies its wording from answer to answer.'
        : `The assistant repeats itself${repeated.length ? `: "${repeated[0].slice(0, 80)}" is said more than once` : ''}${examples.length ? `${repeated.length ? '; ' : ': '}recurring phrases such as ${examples.join(', ')}` : ''}. Repetitive answers teach the model stock phrases.`,
  };
}

import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * The lexical toolkit the content criteria share: words, their stems without stop words, and
 * sentences with their offsets. Lexical on purpose: fast, deterministic and explainable ("these
 * words are missing"), at the price of missing paraphrase — the explanations say so.
 */

// The library's English list, plus words that carry no subject in a conversation about anything.
const STOP = new Set([...eng, 'also', 'just', 'like', 'really', 'will', 'can', 'could', 'would', 'should', 'may', 'might', 'one', 'two', 'get', 'make', 'much', 'many', 'want', 'need', 'thing', 'things', 'something', 'sure', 'okay', 'ok', 'yes', 'let', 'lets', 'well', 'user', 'assistant', 'often', 'still', 'even', 'way', 'see']);

/** Lower-case words (letters, digits, inner apostrophes and hyphens split apart). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** A word's stem, or null for a stop word, a bare number or a single letter. */
export function stemOf(word: string): string | null {
  const w = word.replace(/'[a-z]+$/, '');
  if (w.length < 2 || STOP.has(w) || /^\d+$/.test(w)) return null;
  return stemmer(w);
}

/** The content-word stems of a text, in order (repeats kept). */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const s = stemOf(w);
    if (s) out.push(s);
  }
  return out;
}

/** The distinct content-word stems of a text. */
export function stemSet(text: string): Set<string> {
  return new Set(stems(text));
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences with their character offsets in `text`: split after . ! ? (and line breaks) followed
 * by space, so "3.5 %" and "e.g." mid-sentence stay whole most of the time.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const pattern = /[^.!?\n]+(?:[.!?]+(?=\s|$)|[.!?]+(?=[^\s])[^.!?\n]*)*[.!?]*/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = (match.index ?? 0) + lead;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return out;
}

/** The share of `terms` found in `present` (0 when there are no terms). */
export function coverage(terms: Iterable<string>, present: Set<string>): { found: string[]; missing: string[]; share: number } {
  const found: string[] = [];
  const missing: string[] = [];
  for (const t of new Set(terms)) (present.has(t) ? found : missing).push(t);
  const total = found.length + missing.length;
  return { found, missing, share: total ? found.length / total : 0 };
}

export const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A 0–1 share mapped onto the 1–10 scale, rounded to one decimal. */
export const toScore = (share: number) => Math.round(clamp(1 + 9 * share, 1, 10) * 10) / 10;

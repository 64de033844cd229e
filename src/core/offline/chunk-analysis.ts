import type { AudienceLevel, DerivedDimensions, EmotionalValence, ExpertiseLevel } from '../chunk-dimensions';

/**
 * Chunk dimensions without a model: plain text statistics, deterministic for a given text, so an
 * offline workspace can filter and generate by dimensions at once (and a re-run changes nothing).
 */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up upon us very was we were what when where which while who whom why will with within without would you your yours yourself yourselves one two may might must shall use used using make made get gets got many much every per via etc e.g i.e like well yet still even however therefore thus`.split(/\s+/),
);

const POSITIVE = new Set(
  'achieve achieved benefit benefits best better confident clear easy effective efficient gain gains good great growth help helps improve improved improvement opportunity positive profit profitable reward rewarding secure simple strong success successful succeed thrive valuable win wins'.split(' '),
);
const NEGATIVE = new Set(
  'afraid anxious bad crisis danger dangerous debt decline difficult error errors fail failed failure fear fraud harm hard lose loss losses mistake mistakes negative panic poor problem problems risk risks risky severe stress threat trouble unfortunately urgent volatile warning worse worst wrong'.split(' '),
);

export const words = (text: string) => text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
export const sentences = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** Markdown markers off, so statistics see prose (headings, bullets, emphasis, table bars). */
export function plain(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`|>]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The most frequent content words (ties: first seen), at most `limit`. */
export function keyTermsOf(text: string, limit = 8): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  words(text).forEach((w, i) => {
    const term = w.replace(/['’]s$/, '').replace(/^[-']+|[-']+$/g, '');
    if (term.length < 3 || STOPWORDS.has(term) || /^\d+$/.test(term)) return;
    const seen = counts.get(term);
    if (seen) seen.n++;
    else counts.set(term, { n: 1, first: i });
  });
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([term]) => term);
}

function expertiseOf(all: string[], sentenceCount: number): ExpertiseLevel {
  if (!all.length) return 'beginner';
  const longWords = all.filter((w) => w.length >= 9).length / all.length;
  const wordsPerSentence = all.length / Math.max(1, sentenceCount);
  // Long words and long sentences are what dense, specialist writing looks like.
  const score = longWords * 100 + wordsPerSentence / 2;
  return score >= 24 ? 'advanced' : score >= 15 ? 'intermediate' : 'beginner';
}

function valenceOf(all: string[]): EmotionalValence {
  let balance = 0;
  for (const w of all) {
    if (POSITIVE.has(w)) balance++;
    else if (NEGATIVE.has(w)) balance--;
  }
  // One stray word does not make a passage emotional.
  const threshold = Math.max(2, Math.round(all.length / 150));
  return balance >= threshold ? 'positive' : balance <= -threshold ? 'negative' : 'neutral';
}

const AUDIENCE_BY_EXPERTISE: Record<ExpertiseLevel, AudienceLevel> = { beginner: 'general', intermediate: 'practitioner', advanced: 'expert' };

/** The first sentences, up to about 240 characters, cut at a word. */
function summaryOf(text: string, heading: string | null): string {
  const picked: string[] = [];
  for (const s of sentences(text)) {
    if (picked.length && picked.join(' ').length + s.length > 240) break;
    picked.push(s);
    if (picked.length === 2) break;
  }
  let summary = picked.join(' ');
  if (summary.length > 280) summary = `${summary.slice(0, 277).replace(/\s+\S*$/, '')}…`;
  return summary || heading?.trim() || 'A short passage with no sentences to summarise.';
}

/** How much there was to go on: longer, structured passages give steadier statistics. */
function confidenceOf(wordCount: number, sentenceCount: number, hasHeading: boolean): number {
  const length = Math.min(1, wordCount / 250) * 6;
  const structure = Math.min(1, sentenceCount / 6) * 2 + (hasHeading ? 1 : 0);
  return Math.round(Math.min(9, 1 + length + structure) * 10) / 10;
}

export function deriveDimensionsOffline(chunk: { heading: string | null; content: string }): DerivedDimensions {
  const text = plain(chunk.content);
  const all = words(text);
  const sentenceCount = sentences(text).length;
  const expertise = expertiseOf(all, sentenceCount);
  const terms = keyTermsOf(`${chunk.heading ?? ''}\n${text}`);
  return {
    summary: summaryOf(text, chunk.heading),
    key_terms: terms.length ? terms : [(chunk.heading ?? 'passage').trim().toLowerCase().slice(0, 80) || 'passage'],
    expertise_level: expertise,
    emotional_valence: valenceOf(all),
    audience_level: AUDIENCE_BY_EXPERTISE[expertise],
    confidence: confidenceOf(all.length, sentenceCount, !!chunk.heading),
  };
}

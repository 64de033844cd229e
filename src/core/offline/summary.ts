/**
 * Chunk summaries are written as catalog notes ("Explains why withdrawing creates…"), not as
 * something an assistant would say. This turns them into a plain-spoken claim the assistant
 * can make in its own voice, with simpler wording, without inventing facts.
 */
import type { Random } from './random.js';
import { asSentence, capitalize, clipToWords, lowerFirst, splitSentences, stripFinalPunctuation } from './text.js';

const MAX_GIST_WORDS = 42;

const META_SUBJECT = /^(?:this|the) (?:chunk|section|passage|document|text|article|excerpt|guide|chapter|page|note)\s+/i;

const SUMMARY_VERBS = new Set(
  (
    'explains describes distinguishes introduces lays walks outlines presents provides offers covers details compares ' +
    'contrasts shows argues notes warns suggests recommends emphasizes stresses clarifies defines lists reviews examines ' +
    'illustrates discusses highlights summarizes breaks identifies teaches demonstrates sets weighs'
  ).split(' '),
);
// After these verbs comes a noun phrase ("Introduces a 72-hour cooling-off period…").
const NOUN_PHRASE_VERBS = new Set(
  'introduces describes lays walks outlines presents provides offers covers details defines lists reviews summarizes breaks identifies sets'.split(' '),
);
const PARTICLES = new Set(['out', 'through', 'down', 'up']);

// Verbs that take a stance ("Compares X with Y") read well after a subject like "Sound planning".
const STANCE_VERBS = new Set('distinguishes compares contrasts weighs recommends warns emphasizes stresses suggests argues'.split(' '));

// Plainer words: a cheap but honest paraphrase that keeps the meaning intact.
const PLAIN_SWAPS: readonly (readonly [RegExp, string])[] = [
  [/\bin order to\b/gi, 'to'],
  [/\butiliz(e|es|ed|ing)\b/gi, 'us$1'],
  [/\bindividuals\b/gi, 'people'],
  [/\bapproximately\b/gi, 'roughly'],
  [/\bsufficient\b/gi, 'enough'],
  [/\bprior to\b/gi, 'before'],
  [/\ba number of\b/gi, 'several'],
  [/\bcommenc(e|es|ed|ing)\b/gi, 'start$1'],
  [/\bobtain\b/gi, 'get'],
  [/\bassist\b/gi, 'help'],
  [/\bnumerous\b/gi, 'many'],
  [/\badditionally,?\s*/gi, 'also, '],
  [/\btherefore\b/gi, 'so'],
  [/\bit is\b/gi, "it's"],
  [/\bdo not\b/gi, "don't"],
  [/\bdoes not\b/gi, "doesn't"],
  [/\bis not\b/gi, "isn't"],
  [/\bcannot\b/gi, "can't"],
  [/\byou are\b/gi, "you're"],
  [/\bthey are\b/gi, "they're"],
];

export function plainer(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PLAIN_SWAPS) {
    result = result.replace(pattern, (match, ...groups) => {
      const swapped = replacement.replace(/\$1/g, typeof groups[0] === 'string' ? groups[0] : '');
      return /^[A-Z]/.test(match) ? capitalize(swapped) : swapped;
    });
  }
  return result;
}

const WH_FRAMES = ['The key thing to understand is', 'It helps to understand', 'What matters most is understanding'];
const NOUN_FRAMES = ['A useful anchor here is', 'What helps most is', 'The practical tool to know about is'];
const STANCE_FRAMES = ['Sound planning', 'Good planning practice', 'The guidance I rely on'];
const SOURCE_FRAME = 'The guidance I rely on';
// Case-study summaries ("A grieving heir uses…") read best introduced as an example.
const CASE_FRAMES = ['In a typical case,', 'In practice,', 'For example,'];

/** Rewrites "Explains why X" style catalog notes as a sentence the assistant can say. */
function voiceCatalogNote(sentence: string, rng: Random): string {
  const withoutMeta = sentence.replace(META_SUBJECT, '');
  const [verb = '', maybeParticle = ''] = withoutMeta.split(/\s+/);
  const verbKey = verb.toLowerCase();
  if (/^(a|an|parents|couples|families)$/.test(verbKey)) return `${rng.pick(CASE_FRAMES)} ${lowerFirst(withoutMeta)}`;
  if (!SUMMARY_VERBS.has(verbKey)) return withoutMeta;
  const hasParticle = PARTICLES.has(maybeParticle.toLowerCase());
  const rest = withoutMeta.split(/\s+/).slice(hasParticle ? 2 : 1).join(' ');
  // "Lists five mistakes and suggests…" has a second summary verb, so no single frame fits the rest.
  const hasSecondVerb = rest.split(/\s+/).some((word, i, words) => i > 0 && words[i - 1] === 'and' && SUMMARY_VERBS.has(word.toLowerCase()));
  if (/^that\s/i.test(rest)) return capitalize(rest.replace(/^that\s+/i, ''));
  if (hasSecondVerb && !STANCE_VERBS.has(verbKey)) return `${SOURCE_FRAME} ${lowerFirst(withoutMeta)}`;
  if (/^(why|how|what|when|whether|where|which)\b/i.test(rest)) return `${rng.pick(WH_FRAMES)} ${rest}`;
  if (NOUN_PHRASE_VERBS.has(verbKey)) return `${rng.pick(NOUN_FRAMES)} ${rest}`;
  return `${STANCE_VERBS.has(verbKey) ? rng.pick(STANCE_FRAMES) : SOURCE_FRAME} ${lowerFirst(withoutMeta)}`;
}

/**
 * One or two sentences the assistant can say that carry the chunk's point: the summary when
 * there is one, otherwise the opening of the chunk itself. Returns '' when there is neither.
 */
export function paraphraseChunk(summary: string | undefined, content: string | undefined, rng: Random): string {
  const source = summary?.trim() ? summary : (content ?? '');
  const sentences = splitSentences(source.replace(/\s+/g, ' ')).slice(0, 2);
  if (sentences.length === 0) return '';
  const voiced = sentences.map((sentence, index) => (index === 0 ? voiceCatalogNote(sentence, rng) : sentence));
  const gist = plainer(voiced.map((sentence) => asSentence(stripFinalPunctuation(sentence))).join(' '));
  return asSentence(clipToWords(gist, MAX_GIST_WORDS));
}

/**
 * The source chunk is the richest material a slot has: besides the point its summary makes, it
 * holds concrete facts, numbers and rules of thumb. This picks the sentences an assistant could
 * say on their own (no dangling "it" or "this", no "we" of the firm that wrote the document,
 * no story characters) and puts them in plain words. Grounding answers in them is what makes two
 * conversations on different chunks sound different.
 */
import { sanitizeMaterial } from './expand.js';
import { plainer } from './summary.js';
import { asSentence, countWords, splitSentences, stripFinalPunctuation } from './text.js';

export interface ChunkFact {
  text: string;
  /** Starts with an instruction ("Keep the fund…"), so it is framed as advice, not as a claim. */
  imperative: boolean;
  /** Carries a figure, so it can stand in for an illustration with numbers. */
  hasNumber: boolean;
}

// Sentences that lean on the one before them cannot be lifted out alone.
const ANAPHORIC_START =
  /^(?:it|its|this|that|these|those|they|their|them|but|and|so|or|he|she|his|her|then|here|there|none|both|such|also|instead|otherwise|yet|still|one|two|three|four|five|six|seven|first|second|third|finally|after|during|by contrast|in (?:that|this) case)\b/i;
const STORY_PRONOUNS = /\b(?:he|she|his|her|him|himself|herself)\b/i;
// "With a 1 percent fee, it would…": the subject after an opening phrase points back too.
const ANAPHORIC_AFTER_OPENING = /^[^,]{0,40},\s*(?:it|its|they|this|that|these|those)\b/i;
// A hypothetical set up for the sentences after it ("Suppose $100,000 grows…") says nothing alone.
const SET_UP = /^(?:suppose|imagine|say|picture)\b/i;
const FIRM_VOICE = /\b(?:we|our|ours|us|we're|we've)\b/i;
const PREFERENCE = /^we (?:typically|usually|often|generally)? ?(recommend|suggest|prefer)\b/i;

const IMPERATIVE_START =
  /^(?:keep|build|lean|start|set|pick|use|write|review|check|make|avoid|pay|put|choose|consider|compare|automate|add|treat|think|ask|plan|hold|split|move|open|read|track|know|aim|decide|list|limit|cap|match|rebalance|resume|aim|remember|try|schedule|save|contribute|wait|spend|sell|buy|invest|name|note|find|give|take)\b/i;

const NOUN_OF: Record<string, string> = { recommend: 'recommendation', suggest: 'suggestion', prefer: 'preference' };

function voiceForAssistant(original: string): string | null {
  // "We typically recommend X" is the firm's advice; said by the assistant it is simply advice.
  const sentence = original.replace(PREFERENCE, (_, verb: string) => `A common ${NOUN_OF[verb.toLowerCase()]} is`);
  if (FIRM_VOICE.test(sentence) || STORY_PRONOUNS.test(sentence)) return null;
  return sentence
    .replace(/\bclients\b/g, 'people')
    .replace(/\bClients\b/g, 'People')
    .replace(/\ba client\b/gi, (match) => (match[0] === 'A' ? 'Someone' : 'someone'));
}

/**
 * Sentences of the chunk worth saying on their own, in order, skipping the first `skip` (which
 * the gist already carries when there is no summary).
 */
export function chunkFacts(content: string | undefined, skip = 0): ChunkFact[] {
  if (!content?.trim()) return [];
  const facts: ChunkFact[] = [];
  for (const sentence of splitSentences(content.replace(/\s+/g, ' ')).slice(skip)) {
    const words = countWords(sentence);
    if (words < 7 || words > 40 || sentence.endsWith('?') || sentence.endsWith(':')) continue;
    if (ANAPHORIC_START.test(sentence) || ANAPHORIC_AFTER_OPENING.test(sentence) || SET_UP.test(sentence)) continue;
    const voiced = voiceForAssistant(sentence);
    if (!voiced) continue;
    const text = asSentence(stripFinalPunctuation(plainer(sanitizeMaterial(voiced))));
    facts.push({ text, imperative: IMPERATIVE_START.test(text), hasNumber: /\d|percent|\b(?:two|three|four|five|six|ten|twelve|twenty|ninety)\b/i.test(text) });
  }
  return facts;
}

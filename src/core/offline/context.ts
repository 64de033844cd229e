/** Turns a slot's catalog metadata into the settings and phrase context one conversation uses. */
import {
  edgeFamilyOf,
  emotionFamilyOf,
  expertiseOf,
  intentFamilyOf,
  isTaxOrLegal,
  toneFamilyOf,
  type EdgeFamily,
  type EmotionFamily,
  type IntentFamily,
  type ToneFamily,
} from './classify.js';
import type { OfflineSlot } from './compose.js';
import { sanitizeMaterial } from './expand.js';
import { chunkFacts, type ChunkFact } from './facts.js';
import { describeInFirstPerson, toVoice } from './perspective.js';
import { render, type PhraseContext } from './phrases.js';
import { TOPIC_GISTS } from './phrases-assistant.js';
import type { Random } from './random.js';
import { addressedToYou, solutionSteps, type SolutionStep } from './solution.js';
import { paraphraseChunk } from './summary.js';
import { asSentence, clipToWords, displayLabel, formatDollars, naturalCase, splitSentences, withDeterminer } from './text.js';

export interface ConversationSettings {
  ctx: PhraseContext;
  tone: ToneFamily;
  intent: IntentFamily;
  startEmotion: EmotionFamily;
  endEmotion: EmotionFamily;
  /** The chunk offered two distinct key terms, so a comparison makes sense. */
  hasAltTerm: boolean;
  /** The key terms the chunk asked us to mention; empty without a chunk. */
  chunkTerms: string[];
  taxOrLegal: boolean;
  edgeFamily: EdgeFamily | null;
  /** The persona description in the user's own voice, when it can be voiced safely. */
  personaInFirstPerson: string | null;
  /** Sentences of the source chunk the assistant can say on their own; empty without a chunk. */
  facts: ChunkFact[];
  /** The scenario's solution as steps the assistant can say; empty outside scenarios. */
  solution: SolutionStep[];
}

// Without a chunk there are no key terms, so each topic borrows a few well-known ones.
const TOPIC_TERMS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/portfolio|invest|index|fund|stock/, ['asset allocation', 'diversification', 'expense ratios']],
  [/retire|pension|401|ira/, ['your savings rate', 'the employer match', 'a sustainable withdrawal rate']],
  [/emergency|cash|saving/, ['essential expenses', 'a high-yield savings account', 'liquidity']],
  [/debt|loan|credit|mortgage/, ['interest rates', 'the avalanche method', 'minimum payments']],
  [/tax/, ['contribution limits', 'tax-deferred growth', 'Roth versus traditional accounts']],
  [/risk|volatil|market/, ['risk tolerance', 'time horizon', 'diversification']],
  [/estate|inherit|windfall|will|trust/, ['beneficiary designations', 'a decision-free period', 'step-up in basis']],
  [/college|education|529/, ['529 plans', 'the employer match', 'financial aid']],
  [/insur/, ['the elimination period', 'coverage gaps', 'premiums']],
  [/business|cash flow|self-employ/, ['a tax reserve', 'owner\'s pay', 'quarterly estimated taxes']],
  [/rebalanc/, ['target allocation', 'rebalancing bands', 'drift']],
  [/real estate|property|rental|home/, ['cash flow', 'a repair reserve', 'cap rate']],
  [/career|job|layoff|income/, ['a financial runway', 'severance', 'a 401(k) rollover']],
];
const FALLBACK_TERMS = ['your time horizon', 'your savings rate', 'diversification'];

function termsForTopic(topic: string): readonly string[] {
  const lower = topic.toLowerCase();
  return TOPIC_TERMS.find(([pattern]) => pattern.test(lower))?.[1] ?? FALLBACK_TERMS;
}

function defaultEndEmotion(start: EmotionFamily, isEdgeCase: boolean, rng: Random): EmotionFamily {
  switch (start) {
    case 'anxiety':
      return 'relief';
    case 'confusion':
      return rng.pick(['confidence', 'relief'] as const);
    case 'frustration':
      return isEdgeCase ? rng.pick(['frustration', 'relief'] as const) : rng.pick(['relief', 'confidence'] as const);
    case 'curiosity':
      return rng.pick(['confidence', 'curiosity'] as const);
    case 'confidence':
      return isEdgeCase ? 'curiosity' : 'confidence';
    case 'relief':
      return 'confidence';
  }
}

export function buildSettings(slot: OfflineSlot, rng: Random): ConversationSettings {
  const topic = sanitizeMaterial(naturalCase(displayLabel(slot.topic.label, 'Your Finances')));
  const personaLabel = displayLabel(slot.persona.label, 'Saver');
  const expertise = expertiseOf(
    slot.persona.expertise,
    `${personaLabel} ${slot.persona.description ?? ''}`,
    slot.chunk?.expertiseLevel,
  );

  const chunkTerms = [...new Set((slot.chunk?.keyTerms ?? []).map((term) => sanitizeMaterial(term.trim())).filter(Boolean))];
  const terms = chunkTerms.length > 0 ? rng.shuffle(chunkTerms) : rng.shuffle(termsForTopic(topic));
  const termName = terms[0];
  const hasAltTerm = terms.length > 1;
  const altTerm = hasAltTerm ? withDeterminer(terms[1]) : rng.pick(['your overall asset allocation', 'your monthly cash flow', 'your tax situation']);

  const scenario = slot.tier === 'scenario' ? slot.scenario : null;
  const edgeCase = slot.tier === 'edge_case' ? slot.edgeCase : null;
  // Scenario texts speak of "the user"; the speakers say "I" and "you" instead.
  const voiced = (text: string | undefined, voice: 'first' | 'second', maxWords: number) =>
    text?.trim() ? clipToWords(asSentence(sanitizeMaterial(voice === 'second' ? addressedToYou(text) : toVoice(text, voice))), maxWords) : '';

  const ctxWithoutGist: Omit<PhraseContext, 'gist'> = {
    topic,
    term: withDeterminer(termName),
    termName,
    altTerm,
    persona: sanitizeMaterial(naturalCase(personaLabel)),
    expertise,
    age: rng.int(24, 63),
    years: rng.int(3, 30),
    amount: formatDollars(rng.int(4, 240) * 500),
    monthly: formatDollars(rng.int(2, 30) * 50),
    problemInFirstPerson: voiced(scenario?.problem, 'first', 48),
    // The assistant restates only the heart of the problem; echoing all of it reads as parroting.
    problemInSecondPerson: splitSentences(voiced(scenario?.problem, 'second', 48))[0] ?? '',
    outcomeInSecondPerson: voiced(scenario?.outcome, 'second', 48),
    adversarialPrompt: edgeCase?.adversarialPrompt.trim() ? clipToWords(asSentence(sanitizeMaterial(edgeCase.adversarialPrompt)), 55) : '',
  };
  const chunkGist = sanitizeMaterial(paraphraseChunk(slot.chunk?.summary, slot.chunk?.content, rng));
  const gist = chunkGist || asSentence(render(rng.pick(TOPIC_GISTS), { ...ctxWithoutGist, gist: '' }));

  const isEdgeCase = edgeCase !== null;
  const startEmotion = slot.arc?.startEmotion
    ? emotionFamilyOf(slot.arc.startEmotion)
    : emotionFamilyOf(slot.emotion.key, slot.emotion.label);
  const endEmotion = slot.arc?.endEmotion ? emotionFamilyOf(slot.arc.endEmotion) : defaultEndEmotion(startEmotion, isEdgeCase, rng);

  const description = slot.persona.description?.trim();
  const personaInFirstPerson = description ? describeInFirstPerson(description) : null;

  return {
    ctx: { ...ctxWithoutGist, gist },
    tone: toneFamilyOf(slot.tone.key, slot.tone.label),
    intent: intentFamilyOf(slot.intent.key, slot.intent.label),
    startEmotion,
    endEmotion,
    hasAltTerm,
    chunkTerms,
    taxOrLegal: isTaxOrLegal(
      [slot.topic.label, slot.chunk?.summary, scenario?.problem, scenario?.solution, edgeCase?.adversarialPrompt].join(' '),
    ),
    edgeFamily: edgeCase
      ? edgeFamilyOf(edgeCase.category, edgeCase.title, edgeCase.description, edgeCase.adversarialPrompt)
      : null,
    personaInFirstPerson: personaInFirstPerson ? clipToWords(sanitizeMaterial(personaInFirstPerson), 30) : null,
    // Without a summary the gist is the chunk's first two sentences, so facts start after them.
    facts: rng.shuffle(chunkFacts(slot.chunk?.content, slot.chunk?.summary?.trim() ? 0 : 2)),
    solution: solutionSteps(scenario?.solution),
  };
}

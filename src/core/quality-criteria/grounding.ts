import type { QualityCriterion, ScorableTurn } from './context';
import { sentences, stemSet, stems, toScore } from './text';

/** A sentence is supported when this share of its content words occur in the source chunk. */
export const SUPPORTED_OVERLAP = 0.5;
/** Sentences with fewer content words ("Happy to help.") state nothing to check. */
const MIN_CONTENT_WORDS = 4;
/** Supported share that reads as fully grounded: conversational framing always adds some unsupported sentences. */
const FULL_SHARE = 0.5;

/** The shape stored in `conversations.grounding` (GroundingResult in the contract). */
export interface Grounding {
  supportedShare: number;
  method: 'lexical' | 'provider';
  /** The model that checked it (provider method only). */
  model?: string;
  sentences: {
    turnNumber: number;
    start: number;
    end: number;
    text: string;
    supported: boolean;
    overlap: number;
    /** The model's verdict and reason (provider method only). */
    verdict?: 'supported' | 'contradicted' | 'unsupported' | 'not_a_claim';
    reason?: string;
  }[];
}

/**
 * Grounding (lexical): each assistant sentence that states something — at least four content
 * words, not a question — is supported when at least half of its content words occur in the
 * source chunk. Offsets are within the turn's text, so the preview can highlight the rest.
 */
export function groundConversation(turns: ScorableTurn[], chunk: string): Grounding {
  const source = stemSet(chunk);
  const checked: Grounding['sentences'] = [];
  turns.forEach((turn, i) => {
    if (turn.role !== 'assistant') return;
    for (const s of sentences(turn.content)) {
      if (s.text.endsWith('?')) continue;
      const own = [...new Set(stems(s.text))];
      if (own.length < MIN_CONTENT_WORDS) continue;
      const overlap = Math.round((own.filter((w) => source.has(w)).length / own.length) * 100) / 100;
      checked.push({ turnNumber: i + 1, start: s.start, end: s.end, text: s.text, supported: overlap >= SUPPORTED_OVERLAP, overlap });
    }
  });
  const supported = checked.filter((s) => s.supported).length;
  return { supportedShare: checked.length ? Math.round((supported / checked.length) * 100) / 100 : 1, method: 'lexical', sentences: checked };
}

/** The grounding result as a breakdown criterion. */
export function groundingCriterion(grounding: Grounding): QualityCriterion {
  const total = grounding.sentences.length;
  const supported = grounding.sentences.filter((s) => s.supported).length;
  const percent = Math.round(grounding.supportedShare * 100);
  const score = toScore(Math.min(1, grounding.supportedShare / FULL_SHARE));
  const firstUnsupported = grounding.sentences.find((s) => !s.supported);
  return {
    label: 'Grounding',
    value: total ? `${supported} of ${total} statements supported by the source (${percent} %)` : 'no statements to check',
    target: `at least ${Math.round(FULL_SHARE * 100)} % of the assistant's statements supported by the source chunk`,
    score,
    explanation:
      score >= 8
        ? "Most of the assistant's statements use the source chunk's words."
        : `Many statements are not backed by the source chunk${firstUnsupported ? `, e.g. "${firstUnsupported.text.slice(0, 90)}"` : ''}. Checked by shared words (half of a sentence's words must occur in the chunk), not by meaning: the preview highlights them.`,
  };
}

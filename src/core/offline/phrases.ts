/**
 * Shared vocabulary for the phrase banks. Banks live in phrases-user.ts, phrases-questions.ts,
 * phrases-assistant.ts, phrases-moves.ts and phrases-edge.ts; this module holds what they share.
 */
import type { EmotionFamily, Expertise } from './classify.js';

/** Everything a phrase may weave in. Values are already cased for use mid-sentence. */
export interface PhraseContext {
  /** The topic, mid-sentence form: "portfolio setup", "Roth IRA conversions". */
  topic: string;
  /** A key term from the chunk (or a well-known one for the topic), with an article when it needs one. */
  term: string;
  /** The same key term as written, for sentences that mention the phrase itself. */
  termName: string;
  /** A second key term, or a related everyday idea when the chunk offers only one. */
  altTerm: string;
  /** One or two sentences carrying the chunk's point, in the assistant's voice. */
  gist: string;
  /** The persona label, mid-sentence form: "anxious investor". */
  persona: string;
  expertise: Expertise;
  /** Invented but consistent personal details, so numbers agree across turns. */
  age: number;
  years: number;
  amount: string;
  monthly: string;
  /** Scenario texts in the user's own voice and addressed back to them; '' outside scenarios. */
  problemInFirstPerson: string;
  problemInSecondPerson: string;
  outcomeInSecondPerson: string;
  /** The edge case's adversarial prompt, already clipped; '' outside edge cases. */
  adversarialPrompt: string;
}

/** A phrase is either fixed text or a sentence built around the context; both may hold "{a|b}" alternatives. */
export type Phrase = string | ((ctx: PhraseContext) => string);
export type PhraseBank = readonly Phrase[];

export function render(phrase: Phrase, ctx: PhraseContext): string {
  return typeof phrase === 'string' ? phrase : phrase(ctx);
}

/**
 * Words that make an emotion recognisable to a reader. Every opener and closing line in a family
 * contains one of them (a test enforces it), which is how the arc's progression stays visible.
 */
export const EMOTION_SIGNALS: Record<EmotionFamily, RegExp> = {
  anxiety: /\b(worr\w*|anxious|anxiety|nervous|scar\w*|stress\w*|panic\w*|afraid|uneasy|freak\w*|dread\w*|losing sleep|fear\w*)\b/i,
  confusion: /\b(confus\w*|lost|overwhelm\w*|no idea|don't (?:really )?(?:get|understand)|make sense|unclear|spinning|puzzl\w*|tangled)\b/i,
  frustration: /\b(frustrat\w*|skeptic\w*|annoy\w*|sick of|tired of|fed up|doubt\w*|burned|not buying|cynical|suspicious|sales pitch\w*|not sold)\b/i,
  curiosity: /\b(curious|curiosity|wonder\w*|interest\w*|intrigu\w*|hop(?:e|ed|ing|eful)|keen|fascinat\w*)\b/i,
  confidence: /\b(confident|ready|excited|pumped|got this|on track|in control|momentum|motivated|can do this|clear plan)\b/i,
  relief: /\b(relie\w*|weight off|breathe|calmer|at ease|reassur\w*|lighter|peace of mind|less scary|settled)\b/i,
};

export { capitalize as cap } from './text.js';

/** Phrase choice with memory: a conversation should not repeat itself word for word. */
import { expand } from './expand.js';
import { render, type Phrase, type PhraseBank, type PhraseContext } from './phrases.js';
import type { Random } from './random.js';
import { capitalize } from './text.js';

export interface Picker {
  readonly rng: Random;
  /** Picks an item not yet used in this conversation, falling back to any item once all are used. */
  fresh<T>(items: readonly T[]): T;
  /** Picks a fresh phrase and renders it, alternatives resolved, as a sentence. */
  say(bank: PhraseBank): string;
  /** Like say, but returns null rather than repeat itself; for lines that are optional anyway. */
  sayIfFresh(bank: PhraseBank): string | null;
  /** Renders one phrase with its alternatives resolved, without changing its case (for fragments). */
  word(phrase: Phrase): string;
}

export function createPicker(rng: Random, ctx: PhraseContext): Picker {
  const used = new Set<unknown>();
  const fresh = <T>(items: readonly T[]): T => {
    const unused = items.filter((item) => !used.has(item));
    const choice = rng.pick(unused.length > 0 ? unused : items);
    used.add(choice);
    return choice;
  };
  const word = (phrase: Phrase) => expand(render(phrase, ctx), rng);
  const sentence = (phrase: Phrase) => capitalize(word(phrase));
  return {
    rng,
    fresh,
    word,
    say: (bank: PhraseBank) => sentence(fresh<Phrase>(bank)),
    sayIfFresh: (bank: PhraseBank) => (bank.some((phrase) => !used.has(phrase)) ? sentence(fresh<Phrase>(bank)) : null),
  };
}

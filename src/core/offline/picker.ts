/** Phrase choice with memory: a conversation should not repeat itself word for word. */
import { render, type Phrase, type PhraseBank, type PhraseContext } from './phrases.js';
import type { Random } from './random.js';

export interface Picker {
  readonly rng: Random;
  /** Picks an item not yet used in this conversation, falling back to any item once all are used. */
  fresh<T>(items: readonly T[]): T;
  /** Picks a fresh phrase and renders it with the conversation's context. */
  say(bank: PhraseBank): string;
  /** Like say, but returns null rather than repeat itself; for lines that are optional anyway. */
  sayIfFresh(bank: PhraseBank): string | null;
}

export function createPicker(rng: Random, ctx: PhraseContext): Picker {
  const used = new Set<unknown>();
  const fresh = <T>(items: readonly T[]): T => {
    const unused = items.filter((item) => !used.has(item));
    const choice = rng.pick(unused.length > 0 ? unused : items);
    used.add(choice);
    return choice;
  };
  return {
    rng,
    fresh,
    say: (bank: PhraseBank) => render(fresh<Phrase>(bank), ctx),
    sayIfFresh: (bank: PhraseBank) => (bank.some((phrase) => !used.has(phrase)) ? render(fresh<Phrase>(bank), ctx) : null),
  };
}

/**
 * Seeded randomness for the offline composer. Everything it writes must be reproducible from
 * (slot, seed), so nothing in this folder may touch Math.random or the clock.
 */
import { seededRandom } from '../random';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy; the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** True with probability p (clamped to [0, 1]). */
  chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
  // Non-integer or non-finite seeds would silently collapse to 0 under `>>> 0`; hash them instead.
  const normalizedSeed = Number.isInteger(seed) ? seed : hashSeed(String(seed));
  const next = seededRandom(normalizedSeed);

  const int = (min: number, max: number): number => {
    const low = Math.ceil(Math.min(min, max));
    const high = Math.floor(Math.max(min, max));
    return low + Math.floor(next() * (high - low + 1));
  };

  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('Cannot pick from an empty list.');
      return items[int(0, items.length - 1)];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    chance(p: number): boolean {
      return next() < Math.min(1, Math.max(0, p));
    },
  };
}

/** FNV-1a, 32-bit: a stable way to turn ids and keys into seeds. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

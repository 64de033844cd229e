export type Split = 'train' | 'validation';

/** 32-bit FNV-1a over the UTF-16 code units (the same as over bytes for ASCII text). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a finished with murmur3's mixer: FNV alone spreads ids that differ in the last digit poorly. */
export function hash32(text: string): number {
  let h = fnv1a32(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Train or validation for one conversation, decided from a hash of seed, tier and id alone, so a
 * streaming export can decide record by record and the answer never depends on order or on
 * which other conversations are exported. Each tier gets its own hash stream, so each tier's
 * validation share converges to the fraction on its own (stratified by tier); with few
 * conversations in a tier the share can stray from the fraction, as any per-record draw can.
 */
export function assignSplit(conversationId: string, tier: string, validationFraction: number, seed: number | string): Split {
  if (!(validationFraction >= 0 && validationFraction <= 1)) {
    throw new RangeError(`The validation fraction must be between 0 and 1, not ${validationFraction}.`);
  }
  if (validationFraction === 0) return 'train';
  if (validationFraction === 1) return 'validation';
  return hash32(`${seed}\u0000${tier}\u0000${conversationId}`) / 4294967296 < validationFraction ? 'validation' : 'train';
}

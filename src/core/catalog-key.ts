/** The most a key may hold, in characters (the contract's limit). */
export const MAX_KEY_LENGTH = 60;

/**
 * A catalog key from a label: lower-case snake_case ASCII ("First-Time Buyer" → first_time_buyer).
 * Accents are folded ("Café" → cafe); a label with no Latin letters or digits gives '' and the
 * caller picks a fallback. A key never starts with a digit.
 */
export function keyFromLabel(label: string): string {
  const ascii = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!ascii) return '';
  const key = /^[0-9]/.test(ascii) ? `v_${ascii}` : ascii;
  return key.slice(0, MAX_KEY_LENGTH).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3` … — the first that `taken` does not hold. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, MAX_KEY_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Labels compare without case and extra spaces: "Anxious  investor" is "Anxious Investor". */
export function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

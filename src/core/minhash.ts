import { fmix32, fnv1a32 } from './hash32';

/**
 * MinHash signatures and LSH band keys for near-duplicate detection.
 *
 * Signatures are stored, so everything here is fixed: the shingling, the 32-bit string hash and
 * the seeds of the hash family never change between runs or releases (changing them would make
 * every stored signature incomparable with new ones). The npm `minhash` package is not used: its
 * permutation `(a * h + b) % p` multiplies two 32-bit numbers in floating point (beyond 2^53, so
 * low bits are lost) over a Java-style string hash, and its values do not fit a Postgres int4.
 * Here each of the family's hash functions is murmur3's 32-bit finaliser over the shingle hash
 * XOR a fixed seed, computed exactly with Math.imul.
 */

/** Hash functions per signature. 16 bands of 8 rows: pairs at 0.85 similarity share a band 99 % of the time, pairs at 0.5 about 6 %. */
export const MINHASH_SIZE = 128;
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Words per shingle. */
export const SHINGLE_WORDS = 3;

/** Lower-cased words of letters and digits (apostrophes inside words kept), punctuation dropped. */
export function normalisedWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** The set of word n-grams of a text; a text shorter than n words is one shingle of all its words. */
export function shingles(text: string, n = SHINGLE_WORDS): Set<string> {
  const words = normalisedWords(text);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < n) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** FNV-1a over the UTF-16 code units, as an unsigned 32-bit number. */
export const hash32 = fnv1a32;

/** The family's seeds: a fixed splitmix-style sequence from a fixed start, never random. */
export const MINHASH_SEEDS: readonly number[] = (() => {
  const seeds: number[] = [];
  let state = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds.push(fmix32(state));
  }
  return seeds;
})();

/**
 * The signature of a set of shingles: for each hash function, the smallest hash over the set,
 * stored as signed 32-bit integers (what an int4[] column holds). An empty set gets all -1s,
 * which compare equal only to other empty texts.
 */
export function signatureOf(set: Iterable<string>): number[] {
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of set) {
    const base = hash32(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(base ^ MINHASH_SEEDS[i]);
      if (h < mins[i]) mins[i] = h;
    }
  }
  return mins.map((v) => v | 0);
}

/** The signature of a text (its shingles of normalised words). */
export function textSignature(text: string): number[] {
  return signatureOf(shingles(text));
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact Jaccard similarity of two sets (what the estimate approximates). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/**
 * LSH band keys: one per band, "band:hash of its rows". Two conversations become candidates when
 * they share any key; the band number keeps equal rows in different bands apart.
 */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = signature.slice(band * LSH_ROWS, (band + 1) * LSH_ROWS);
    keys.push(`${band}:${hash32(rows.join(',')).toString(36)}`);
  }
  return keys;
}

/** The probability that a pair with this similarity shares at least one band (becomes a candidate). */
export function candidateProbability(similarity: number): number {
  return 1 - (1 - similarity ** LSH_ROWS) ** LSH_BANDS;
}

/** The text a conversation is compared by: every turn's content, in order. */
export function conversationText(turns: readonly { content: string }[]): string {
  return turns.map((t) => t.content).join('\n');
}

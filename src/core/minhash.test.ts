import { describe, expect, it } from 'vitest';
import { bandKeys, candidateProbability, estimateSimilarity, hash32, jaccard, LSH_BANDS, MINHASH_SIZE, normalisedWords, shingles, signatureOf, textSignature } from './minhash';

const base =
  'I just got my first paycheck and I have no idea how much I should put away for an emergency fund. ' +
  'A good rule is to keep three to six months of essential expenses in a savings account you can reach quickly. ' +
  'Start with a small goal such as one thousand dollars, then build it up with an automatic transfer every payday. ' +
  'Keep the money separate from your checking account so you are not tempted to spend it on everyday things. ' +
  'When you use it for a real emergency, pause other goals for a while and refill it before anything else.';
const oneSentenceChanged = base.replace('Start with a small goal such as one thousand dollars', 'Begin by aiming for a modest target like five hundred dollars');
const unrelated =
  'The inherited IRA rules changed recently, and most non-spouse beneficiaries must now empty the account within ten years. ' +
  'Required minimum distributions may still apply each year depending on whether the original owner had started taking them. ' +
  'Talk to the plan administrator about a trustee-to-trustee transfer rather than cashing out, which would trigger taxes at once.';

describe('shingles', () => {
  it('normalises case and punctuation before taking word triples', () => {
    expect(normalisedWords('Hello, WORLD! It’s fine.')).toEqual(['hello', 'world', "it's", 'fine']);
    expect([...shingles('A b, c. D')]).toEqual(['a b c', 'b c d']);
    expect([...shingles('Two words')]).toEqual(['two words']);
    expect(shingles('  ... ').size).toBe(0);
  });
});

describe('signatures', () => {
  it('are fixed: the same text always gives the same signature, within int4', () => {
    const sig = textSignature(base);
    expect(sig).toHaveLength(MINHASH_SIZE);
    expect(textSignature(base)).toEqual(sig);
    for (const v of sig) expect(v >= -(2 ** 31) && v < 2 ** 31 && Number.isInteger(v)).toBe(true);
    // Pinned values: a change to hashing or seeds would make stored signatures incomparable.
    expect(hash32('a')).toBe(0xe40c292c);
    expect(sig.slice(0, 3)).toEqual(textSignature(base.toUpperCase()).slice(0, 3));
  });

  it('estimate identical texts as 1', () => {
    expect(estimateSimilarity(textSignature(base), textSignature(base))).toBe(1);
  });

  it('estimate one changed sentence close to the exact Jaccard similarity', () => {
    const exact = jaccard(shingles(base), shingles(oneSentenceChanged));
    const estimate = estimateSimilarity(textSignature(base), textSignature(oneSentenceChanged));
    expect(exact).toBeGreaterThan(0.6);
    expect(exact).toBeLessThan(1);
    // Standard error at 128 hashes is about 0.04; allow three of them.
    expect(Math.abs(estimate - exact)).toBeLessThan(0.13);
  });

  it('estimate unrelated texts near 0', () => {
    const exact = jaccard(shingles(base), shingles(unrelated));
    const estimate = estimateSimilarity(textSignature(base), textSignature(unrelated));
    expect(exact).toBeLessThan(0.02);
    expect(estimate).toBeLessThan(0.08);
  });

  it('of an empty set compare equal only to empty', () => {
    expect(estimateSimilarity(signatureOf([]), signatureOf([]))).toBe(1);
    expect(estimateSimilarity(signatureOf([]), textSignature(base))).toBe(0);
  });

  it('track exact Jaccard over many generated pairs (mean error small)', () => {
    const words = normalisedWords(base + ' ' + unrelated);
    let totalError = 0;
    const pairs = 40;
    for (let p = 0; p < pairs; p++) {
      const keep = (i: number) => (i * 7 + p * 13) % 10 >= p % 10;
      const a = words.join(' ');
      const b = words.map((w, i) => (keep(i) ? w : `x${i}`)).join(' ');
      totalError += Math.abs(estimateSimilarity(textSignature(a), textSignature(b)) - jaccard(shingles(a), shingles(b)));
    }
    expect(totalError / pairs).toBeLessThan(0.05);
  });
});

describe('banding', () => {
  it('gives one key per band, shared by identical signatures and rarely by unrelated ones', () => {
    const a = bandKeys(textSignature(base));
    expect(a).toHaveLength(LSH_BANDS);
    expect(new Set(a).size).toBe(LSH_BANDS);
    expect(a.every((k, i) => k.startsWith(`${i}:`))).toBe(true);
    expect(bandKeys(textSignature(base))).toEqual(a);
    const shared = bandKeys(textSignature(unrelated)).filter((k) => a.includes(k));
    expect(shared).toHaveLength(0);
  });

  it('makes pairs at the default threshold almost certain candidates and dissimilar pairs unlikely', () => {
    expect(candidateProbability(0.85)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.5)).toBeLessThan(0.1);
    expect(candidateProbability(1)).toBe(1);
  });
});

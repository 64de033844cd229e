import { describe, expect, it } from 'vitest';
import { edgeFamilyOf, emotionFamilyOf, readStage, toneFamilyOf } from './classify.js';
import { describeInFirstPerson, toVoice } from './perspective.js';
import { createRandom, hashSeed } from './random.js';
import { paraphraseChunk } from './summary.js';
import { clipToWords, countWords, fitToWordRange, naturalCase, withDeterminer } from './text.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('keeps int within inclusive bounds and reaches both ends', () => {
    const rng = createRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const shuffled = createRandom(1).shuffle(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses to pick from an empty list and honours chance extremes', () => {
    const rng = createRandom(1);
    expect(() => rng.pick([])).toThrow();
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });
});

describe('hashSeed', () => {
  it('is 32-bit FNV-1a', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
    expect(hashSeed('conversation-1')).not.toBe(hashSeed('conversation-2'));
  });
});

describe('toVoice', () => {
  const problem = 'The user earns about $52,000, carries roughly $4,800 in debt, has no emergency fund, and is excited to upgrade their car.';

  it('puts a third-person problem in the user\'s own voice', () => {
    expect(toVoice(problem, 'first')).toBe(
      "I earn about $52,000, carry roughly $4,800 in debt, have no emergency fund, and am excited to upgrade my car.",
    );
  });

  it('addresses it back to the user', () => {
    expect(toVoice(problem, 'second')).toBe(
      'You earn about $52,000, carry roughly $4,800 in debt, have no emergency fund, and are excited to upgrade your car.',
    );
    expect(toVoice("The user's portfolio has fallen. They fear running out.", 'second')).toBe('Your portfolio has fallen. You fear running out.');
  });

  it('leaves text without a user subject alone', () => {
    expect(toVoice('Markets fell and they recovered.', 'first')).toBe('Markets fell and they recovered.');
  });

  it('voices persona descriptions and drops what it cannot voice', () => {
    expect(describeInFirstPerson('Checks account balances daily and needs reassurance.')).toBe('I check account balances daily and need reassurance.');
    expect(describeInFirstPerson('New to investing.')).toBe("I'm new to investing.");
    expect(describeInFirstPerson('Savings: none.')).toBeNull();
  });
});

describe('paraphraseChunk', () => {
  it('turns a catalog note into something the assistant can say', () => {
    const gist = paraphraseChunk('Explains why a bucket structure protects against forced selling.', undefined, createRandom(1));
    expect(gist).not.toMatch(/^Explains/);
    expect(gist).toContain('why a bucket structure protects against forced selling.');
  });

  it('falls back to the chunk content and simplifies wording', () => {
    const gist = paraphraseChunk('', 'Individuals should utilize low-cost funds in order to grow wealth.', createRandom(1));
    expect(gist).toBe('People should use low-cost funds to grow wealth.');
  });

  it('returns an empty string when there is nothing to paraphrase', () => {
    expect(paraphraseChunk(undefined, undefined, createRandom(1))).toBe('');
  });
});

describe('text helpers', () => {
  it('fits parts into a word range by dropping optional parts, then padding before a closing question', () => {
    const long = fitToWordRange(
      [{ text: 'one two three four five.' }, { text: 'six seven eight nine ten.', optional: true }],
      { min: 3, max: 6 },
      () => 'pad.',
    );
    expect(long).toBe('one two three four five.');
    const short = fitToWordRange([{ text: 'Hi there.' }, { text: 'Okay?' }], { min: 5, max: 10 }, () => 'More words here.');
    expect(short).toBe('Hi there. More words here. Okay?');
    expect(countWords(short)).toBeGreaterThanOrEqual(5);
  });

  it('clips to whole sentences where it can', () => {
    expect(clipToWords('One two three. Four five six. Seven eight nine.', 7)).toBe('One two three. Four five six.');
    expect(clipToWords('One two three four five six seven eight.', 4)).toBe('One two three four...');
  });

  it('cases labels for use mid-sentence', () => {
    expect(naturalCase('Tax-Advantaged Accounts')).toBe('tax-advantaged accounts');
    expect(naturalCase('Roth IRA Conversions')).toBe('Roth IRA conversions');
    expect(naturalCase('Inheritance & Windfalls')).toBe('inheritance and windfalls');
    expect(withDeterminer('emergency fund')).toBe('the emergency fund');
    expect(withDeterminer('diversification')).toBe('diversification');
  });
});

describe('classification', () => {
  it('maps catalog values onto families', () => {
    expect(emotionFamilyOf('skepticism')).toBe('frustration');
    expect(emotionFamilyOf('hope')).toBe('curiosity');
    expect(emotionFamilyOf('excitement')).toBe('confidence');
    expect(toneFamilyOf('warm_reassuring', 'Warm & Reassuring')).toBe('warm');
    expect(edgeFamilyOf('ethical_dilemma', 'How do I do it so my sister doesn\u2019t notice?')).toBe('ethics');
    expect(edgeFamilyOf('boundary_testing', 'Just give me the one stock you are most sure about')).toBe('guarantee');
    expect(readStage('User tests the plan with objections and gets honest answers')).toEqual({ move: 'reassure', userPushesBack: true });
  });
});

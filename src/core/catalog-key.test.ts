import { describe, expect, it } from 'vitest';
import { keyFromLabel, sameLabel, uniqueKey } from './catalog-key';

describe('keyFromLabel', () => {
  it('makes lower-case snake_case from a label', () => {
    expect(keyFromLabel('First-Time Buyer')).toBe('first_time_buyer');
    expect(keyFromLabel('  Warm & Reassuring ')).toBe('warm_and_reassuring');
    expect(keyFromLabel('Café Owner (retired)')).toBe('cafe_owner_retired');
  });

  it('never starts with a digit and stays within 60 characters', () => {
    expect(keyFromLabel('401k Rollover')).toBe('v_401k_rollover');
    const long = keyFromLabel('a very long label '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/_$/);
  });

  it('gives nothing for a label without Latin letters or digits', () => {
    expect(keyFromLabel('不安な投資家')).toBe('');
    expect(keyFromLabel('!!!')).toBe('');
  });
});

describe('uniqueKey', () => {
  it('adds the first free number', () => {
    expect(uniqueKey('nurse', new Set())).toBe('nurse');
    expect(uniqueKey('nurse', new Set(['nurse', 'nurse_2']))).toBe('nurse_3');
  });
});

describe('sameLabel', () => {
  it('ignores case and extra spaces', () => {
    expect(sameLabel('Anxious  investor ', 'anxious Investor')).toBe(true);
    expect(sameLabel('Anxious Investor', 'Anxious Investors')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { TIERS } from '../tiers';
import { assignSplit, fnv1a32, hash32 } from './split';

describe('assignSplit', () => {
  it('keeps each tier within ±2 % of the validation fraction over 10,000 ids', () => {
    for (const fraction of [0.1, 0.2, 0.5]) {
      for (const tier of TIERS) {
        let validation = 0;
        for (let i = 1; i <= 10_000; i++) if (assignSplit(`conv-${String(i).padStart(5, '0')}`, tier, fraction, 42) === 'validation') validation++;
        expect(Math.abs(validation / 10_000 - fraction), `${tier} at ${fraction}`).toBeLessThanOrEqual(0.02);
      }
    }
  });

  it('is deterministic and does not depend on order or on the other conversations', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `conv-${i}`);
    const forward = new Map(ids.map((id) => [id, assignSplit(id, 'scenario', 0.2, 'seed')]));
    const backward = new Map([...ids].reverse().map((id) => [id, assignSplit(id, 'scenario', 0.2, 'seed')]));
    expect([...forward].sort()).toEqual([...backward].sort());
    expect(assignSplit('conv-7', 'scenario', 0.2, 'seed')).toBe(forward.get('conv-7'));
  });

  it('a different seed gives a different split', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `conv-${i}`);
    const a = ids.map((id) => assignSplit(id, 'template', 0.2, 1));
    const b = ids.map((id) => assignSplit(id, 'template', 0.2, 2));
    expect(a.filter((s, i) => s !== b[i]).length).toBeGreaterThan(100);
  });

  it('puts everything in train at 0 and in validation at 1, and refuses other fractions', () => {
    expect(assignSplit('x', 'template', 0, 1)).toBe('train');
    expect(assignSplit('x', 'template', 1, 1)).toBe('validation');
    expect(() => assignSplit('x', 'template', 1.5, 1)).toThrow(/between 0 and 1/);
    expect(() => assignSplit('x', 'template', Number.NaN, 1)).toThrow(/between 0 and 1/);
  });

  it('hash32 is the stable 32-bit hash the splits rely on', () => {
    // Pinned: changing the hash would move conversations between splits of a re-run export.
    expect([hash32('conv-00001'), hash32('conv-00002')]).toEqual([2375966663, 1980883727]);
  });

  it('fnv1a32 matches the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

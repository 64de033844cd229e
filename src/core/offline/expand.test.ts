import { describe, expect, it } from 'vitest';
import { expand, expandAll, sanitizeMaterial, tidy } from './expand.js';
import { createRandom } from './random.js';

describe('expand', () => {
  it('picks one option per group, nested groups included', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => expand('{a|b {c|d}} end', createRandom(seed))));
    expect([...seen].sort()).toEqual(['a end', 'b c end', 'b d end']);
  });

  it('is deterministic for a given random sequence', () => {
    const text = '{one|two|three} {four|five|six} {seven|eight}';
    expect(expand(text, createRandom(7))).toBe(expand(text, createRandom(7)));
  });

  it('tidies what an empty option leaves behind', () => {
    expect(expandAll('Hello{| there}, {|kind }friend .')).toEqual(['Hello, friend.', 'Hello, kind friend.', 'Hello there, friend.', 'Hello there, kind friend.']);
    expect(tidy('A  gap ,and ,.')).toBe('A gap,and.');
  });

  it('leaves text without groups untouched and reads an unclosed group as its options', () => {
    expect(expand('Plain text: 5.5% of $1.2 million.', createRandom(1))).toBe('Plain text: 5.5% of $1.2 million.');
    expect(expandAll('x {a|b')).toEqual(['x a', 'x b']);
  });

  it('makes slot material safe to weave in', () => {
    expect(sanitizeMaterial('Fund {A} | fund [B]')).toBe('Fund (A) / fund [B]');
  });
});

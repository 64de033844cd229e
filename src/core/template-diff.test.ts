import { describe, expect, it } from 'vitest';
import { diffTemplateVersions } from './template-diff';

describe('diffTemplateVersions', () => {
  it('shows identical versions as unchanged rows with both line numbers', () => {
    const diff = diffTemplateVersions('a\nb', 'a\nb');
    expect(diff.rows.map((r) => r.kind)).toEqual(['unchanged', 'unchanged']);
    expect(diff.rows[1]).toMatchObject({ left: { number: 2, text: 'b' }, right: { number: 2, text: 'b' } });
    expect([diff.added, diff.removed, diff.changed]).toEqual([0, 0, 0]);
  });

  it('pairs a replaced line as changed and marks the changed words', () => {
    const diff = diffTemplateVersions('Persona: {persona}\nTone: calm', 'Persona: {persona}\nTone: warm and calm');
    expect(diff.rows.map((r) => r.kind)).toEqual(['unchanged', 'changed']);
    const row = diff.rows[1];
    expect(row.left?.segments?.filter((s) => s.changed).map((s) => s.text.trim())).toEqual([]);
    expect(row.right?.segments?.filter((s) => s.changed).map((s) => s.text).join('')).toContain('warm');
    expect(row.right?.segments?.map((s) => s.text).join('')).toBe('Tone: warm and calm');
    expect(row.left?.segments?.map((s) => s.text).join('')).toBe('Tone: calm');
  });

  it('lists added and removed lines on their own side, keeping line numbers in step', () => {
    const diff = diffTemplateVersions('one\ntwo\nthree', 'one\nthree\nfour\nfive');
    expect(diff.rows.map((r) => [r.kind, r.left?.number ?? null, r.right?.number ?? null])).toEqual([
      ['unchanged', 1, 1],
      ['removed', 2, null],
      ['unchanged', 3, 2],
      ['added', null, 3],
      ['added', null, 4],
    ]);
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
  });

  it('pairs as many lines as both sides have and leaves the rest added', () => {
    const diff = diffTemplateVersions('x\nold', 'x\nnew 1\nnew 2');
    expect(diff.rows.map((r) => r.kind)).toEqual(['unchanged', 'changed', 'added']);
  });

  it('diffs from and to an empty body', () => {
    expect(diffTemplateVersions('', 'a\nb').rows.map((r) => r.kind)).toEqual(['added', 'added']);
    expect(diffTemplateVersions('a', '').rows.map((r) => r.kind)).toEqual(['removed']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, keyLabel, normalizeKey, shortcutProblem } from './shortcuts';

describe('customizable shortcuts', () => {
  it('accepts the defaults and a remapping', () => {
    expect(shortcutProblem(DEFAULT_SHORTCUTS)).toBeNull();
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, approve: 'y', reject: 'n', next: 'j', previous: 'k' })).toBeNull();
  });

  it('refuses a key used twice, naming both actions', () => {
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, reject: 'A' })).toMatch(/A is used for both "Approve.*" and "Reject/);
  });

  it('refuses keys that already mean something on the page', () => {
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, approve: ' ' })).toMatch(/Space already has a fixed meaning/);
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, next: 'Enter' })).toMatch(/Enter/);
  });

  it('stores letters lower-case and shows them as people read them', () => {
    expect(normalizeKey('Y')).toBe('y');
    expect(normalizeKey('ArrowLeft')).toBe('ArrowLeft');
    expect(keyLabel('ArrowRight')).toBe('→');
    expect(keyLabel('y')).toBe('Y');
  });
});

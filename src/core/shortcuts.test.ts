import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, eventKey, keyLabel, normalizeKey, shortcutProblem } from './shortcuts';

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

  it('tells a shifted letter from the plain one, and ignores Caps Lock', () => {
    expect(eventKey({ key: 'G', shiftKey: true })).toBe('Shift+g');
    expect(eventKey({ key: 'g', shiftKey: true })).toBe('Shift+g');
    expect(eventKey({ key: 'G', shiftKey: false })).toBe('g');
    expect(eventKey({ key: '?', shiftKey: true })).toBe('?');
    expect(eventKey({ key: 'ArrowLeft', shiftKey: true })).toBe('ArrowLeft');
    expect(normalizeKey('shift+G')).toBe('Shift+g');
    expect(keyLabel(DEFAULT_SHORTCUTS.regenerate)).toBe('Shift+G');
  });

  it('lets reject and regenerate share a letter with another action only with Shift', () => {
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, regenerate: 'Shift+r' })).toBeNull();
    expect(shortcutProblem({ ...DEFAULT_SHORTCUTS, regenerate: 'r' })).toMatch(/R is used for both "Reject the conversation in the preview" and "Reject and regenerate/);
  });
});

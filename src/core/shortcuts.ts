/**
 * The conversations page's customizable shortcuts (US11.1.2): single keys for the actions a
 * reviewer repeats. Keys are KeyboardEvent.key values; letters are stored lower-case, and a
 * letter pressed with Shift as `Shift+g` (Caps Lock alone does not make it one).
 */
export const SHORTCUT_ACTIONS = ['approve', 'reject', 'previous', 'next', 'help', 'regenerate'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
export type ShortcutKeys = Record<ShortcutAction, string>;

// Reject and regenerate opens a dialog that spends money, so its default needs Shift.
export const DEFAULT_SHORTCUTS: ShortcutKeys = { approve: 'a', reject: 'r', previous: 'ArrowLeft', next: 'ArrowRight', help: '?', regenerate: 'Shift+g' };

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  approve: 'Approve the conversation in the preview',
  reject: 'Reject the conversation in the preview',
  previous: 'Previous conversation in the preview',
  next: 'Next conversation in the preview',
  help: 'Show the shortcuts',
  regenerate: 'Reject and regenerate the conversation in the preview, with guidance',
};

/** Keys a shortcut is never set to: modifiers on their own are part of the next key, not a key. */
export const MODIFIER_KEYS = ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'];

const LETTER = /^[a-z]$/i;
const SHIFTED_LETTER = /^shift\+([a-z])$/i;

/** Keys with a fixed meaning on the page (rows, dialogs, focus), which no action may take. */
export const RESERVED_KEYS = [' ', 'Enter', 'Escape', 'Tab', 'ArrowUp', 'ArrowDown', 'Shift', 'Control', 'Alt', 'Meta'];

/** How a key is stored and compared: letters lower-case (`Shift+g` with Shift), everything else as the browser names it. */
export function normalizeKey(key: string): string {
  const shifted = SHIFTED_LETTER.exec(key);
  if (shifted) return `Shift+${shifted[1].toLowerCase()}`;
  return key.length === 1 ? key.toLowerCase() : key;
}

/**
 * The key a key press stands for: a letter with Shift held is `Shift+g`; for other keys Shift
 * is already in what the browser names (`?` is Shift+/ on many layouts), so it is not added.
 */
export function eventKey(e: { key: string; shiftKey: boolean }): string {
  return LETTER.test(e.key) && e.shiftKey ? `Shift+${e.key.toLowerCase()}` : normalizeKey(e.key);
}

/** "←" for ArrowLeft, "Space" for " ", "A" for a, "Shift+G" for Shift+g: what the shortcuts list shows. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', ' ': 'Space', Escape: 'Esc' };
  const shifted = SHIFTED_LETTER.exec(key);
  if (shifted) return `Shift+${shifted[1].toUpperCase()}`;
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** Why a set of shortcuts cannot be saved, or null when it can. */
export function shortcutProblem(keys: ShortcutKeys): string | null {
  const seen = new Map<string, ShortcutAction>();
  for (const action of SHORTCUT_ACTIONS) {
    const key = normalizeKey(keys[action]);
    if (RESERVED_KEYS.includes(key)) return `${keyLabel(key)} already has a fixed meaning on the page; choose another key for "${SHORTCUT_LABELS[action]}".`;
    const other = seen.get(key);
    if (other) return `${keyLabel(key)} is used for both "${SHORTCUT_LABELS[other]}" and "${SHORTCUT_LABELS[action]}".`;
    seen.set(key, action);
  }
  return null;
}

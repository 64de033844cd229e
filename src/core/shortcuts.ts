/**
 * The conversations page's customizable shortcuts (US11.1.2): single keys for the actions a
 * reviewer repeats. Keys are KeyboardEvent.key values; letters are stored lower-case.
 */
export const SHORTCUT_ACTIONS = ['approve', 'reject', 'previous', 'next', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];
export type ShortcutKeys = Record<ShortcutAction, string>;

export const DEFAULT_SHORTCUTS: ShortcutKeys = { approve: 'a', reject: 'r', previous: 'ArrowLeft', next: 'ArrowRight', help: '?' };

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  approve: 'Approve the conversation in the preview',
  reject: 'Reject the conversation in the preview',
  previous: 'Previous conversation in the preview',
  next: 'Next conversation in the preview',
  help: 'Show the shortcuts',
};

/** Keys with a fixed meaning on the page (rows, dialogs, focus), which no action may take. */
export const RESERVED_KEYS = [' ', 'Enter', 'Escape', 'Tab', 'ArrowUp', 'ArrowDown', 'Shift', 'Control', 'Alt', 'Meta'];

/** How a key is stored and compared: letters lower-case, everything else as the browser names it. */
export function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/** "←" for ArrowLeft, "Space" for " ", "A" for a: what the shortcuts list shows. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', ' ': 'Space', Escape: 'Esc' };
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

import { useEffect, useState } from 'react';
import { DEFAULT_SHORTCUTS, keyLabel, normalizeKey, shortcutProblem, SHORTCUT_ACTIONS, SHORTCUT_LABELS, type ShortcutAction, type ShortcutKeys } from '../../../core/shortcuts';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { usePreferences } from '../../lib/preferences';

/** Shortcuts with a fixed key, listed after the customizable ones. */
const FIXED: { keys: string[]; what: string }[] = [
  { keys: ['↑', '↓'], what: 'Move between rows' },
  { keys: ['Space'], what: 'Select or deselect the focused row' },
  { keys: ['Enter'], what: 'Open the focused row in the preview' },
  { keys: ['Esc'], what: 'Close the dialog or the preview' },
  { keys: ['Ctrl/⌘', 'A'], what: 'Select every row on this page' },
  { keys: ['Ctrl/⌘', 'E'], what: 'Export' },
  { keys: ['Tab'], what: 'Move through buttons and fields' },
];

const Key = ({ children }: { children: string }) => <kbd className="mr-1 rounded border border-border bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{children}</kbd>;

/**
 * Every keyboard shortcut (the `?` dialog, US11.1.2). The review keys can be changed here: press
 * Change, then the new key; a key already taken is refused with the reason.
 */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [prefs, change] = usePreferences();
  const [listening, setListening] = useState<ShortcutAction | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!open) setListening(null);
    setProblem(null);
  }, [open]);

  const capture = (action: ShortcutAction) => (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'Tab') return setListening(null);
    e.preventDefault();
    e.stopPropagation();
    const next: ShortcutKeys = { ...prefs.shortcuts, [action]: normalizeKey(e.key) };
    const why = shortcutProblem(next);
    setProblem(why);
    if (why) return;
    change({ shortcuts: next });
    setListening(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Review without leaving the keyboard. The first five keys are yours to change.">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUT_ACTIONS.map((action) => (
            <tr key={action} className="border-b border-border">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                <Key>{keyLabel(prefs.shortcuts[action])}</Key>
              </td>
              <td className="py-1.5 text-muted">{SHORTCUT_LABELS[action]}</td>
              <td className="py-1.5 text-right">
                {listening === action ? (
                  <Button size="sm" variant="primary" autoFocus onKeyDown={capture(action)} onBlur={() => setListening(null)} aria-label={`Press the new key for ${SHORTCUT_LABELS[action]}`}>
                    Press a key…
                  </Button>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => setListening(action)} aria-label={`Change the key for ${SHORTCUT_LABELS[action]}`}>
                    Change
                  </Button>
                )}
              </td>
            </tr>
          ))}
          {FIXED.map((s) => (
            <tr key={s.what} className="border-b border-border last:border-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {s.keys.map((k) => (
                  <Key key={k}>{k}</Key>
                ))}
              </td>
              <td className="py-1.5 text-muted" colSpan={2}>
                {s.what}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="mt-3 rounded-md bg-danger-soft p-2 text-sm text-danger" role="alert">
          {problem}
        </p>
      )}
      <div className="mt-3 text-right">
        <Button size="sm" variant="ghost" onClick={() => change({ shortcuts: DEFAULT_SHORTCUTS })}>
          Restore the default keys
        </Button>
      </div>
    </Dialog>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DEFAULT_SHORTCUTS, eventKey, keyLabel, MODIFIER_KEYS, shortcutProblem, SHORTCUT_ACTIONS, SHORTCUT_LABELS, type ShortcutAction, type ShortcutKeys } from '../../../core/shortcuts';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
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

/** One line of the list: its keys, what they do, and for the review keys the action to change. */
interface ShortcutRow {
  id: string;
  keys: string[];
  what: string;
  action?: ShortcutAction;
}

function shortcutColumns(change: (action: ShortcutAction) => ReactNode): ColumnDef<ShortcutRow>[] {
  return [
    { id: 'keys', header: 'Keys', meta: { className: 'pr-4 whitespace-nowrap' }, cell: ({ row }) => row.original.keys.map((k) => <Key key={k}>{k}</Key>) },
    { id: 'what', header: 'What they do', meta: { className: 'pl-0 text-muted' }, cell: ({ row }) => row.original.what },
    { id: 'change', header: 'Change', meta: { align: 'right', className: 'pr-0' }, cell: ({ row }) => row.original.action && change(row.original.action) },
  ];
}

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
    // Shift pressed on its own is the start of Shift+letter: wait for the letter.
    if (MODIFIER_KEYS.includes(e.key)) return;
    const next: ShortcutKeys = { ...prefs.shortcuts, [action]: eventKey(e) };
    const why = shortcutProblem(next);
    setProblem(why);
    if (why) return;
    change({ shortcuts: next });
    setListening(null);
  };

  const rows: ShortcutRow[] = [
    ...SHORTCUT_ACTIONS.map((action) => ({ id: action, keys: [keyLabel(prefs.shortcuts[action])], what: SHORTCUT_LABELS[action], action })),
    ...FIXED.map((s) => ({ id: s.what, ...s })),
  ];
  const columns = shortcutColumns((action) =>
    listening === action ? (
      <Button size="sm" variant="primary" autoFocus onKeyDown={capture(action)} onBlur={() => setListening(null)} aria-label={`Press the new key for ${SHORTCUT_LABELS[action]}`}>
        Press a key…
      </Button>
    ) : (
      <Button size="sm" variant="ghost" onClick={() => setListening(action)} aria-label={`Change the key for ${SHORTCUT_LABELS[action]}`}>
        Change
      </Button>
    ),
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description={`Review without leaving the keyboard. The first ${SHORTCUT_ACTIONS.length} keys are yours to change (a letter may be combined with Shift).`}>
      <DataTable data={rows} columns={columns} label="Keyboard shortcuts" getRowId={(row) => row.id} variant="plain" hideHeader />
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

import { Dialog } from '../../components/ui/dialog';

/** Every keyboard shortcut of the conversations page, as the `?` dialog lists them (US11.1.2). */
export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['↑', '↓'], what: 'Move between rows' },
  { keys: ['Space'], what: 'Select or deselect the focused row' },
  { keys: ['Enter'], what: 'Open the focused row in the preview' },
  { keys: ['←', '→'], what: 'Previous / next conversation in the preview' },
  { keys: ['A'], what: 'Approve the conversation in the preview' },
  { keys: ['R'], what: 'Reject the conversation in the preview' },
  { keys: ['Esc'], what: 'Close the dialog or the preview' },
  { keys: ['Ctrl/⌘', 'A'], what: 'Select every row on this page' },
  { keys: ['Tab'], what: 'Move through buttons and fields' },
  { keys: ['?'], what: 'Show this list' },
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Review without leaving the keyboard.">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what} className="border-b border-border last:border-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {s.keys.map((k) => (
                  <kbd key={k} className="mr-1 rounded border border-border bg-surface-muted px-1.5 py-0.5 font-mono text-xs">
                    {k}
                  </kbd>
                ))}
              </td>
              <td className="py-1.5 text-muted">{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

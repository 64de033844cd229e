import { useEffect, useRef } from 'react';
import { eventKey, type ShortcutKeys } from '../../../core/shortcuts';

export interface ShortcutHandlers {
  onHelp(): void;
  onSelectPage(): void;
  /** Ctrl/⌘+E, when the user may export. */
  onExport?(): void;
  /** Only while the preview is open. */
  onPrevious?(): void;
  onNext?(): void;
  onApprove?(): void;
  onReject?(): void;
  /** Reject and regenerate the conversation in the preview (opens its guidance dialog). */
  onRegenerate?(): void;
  /** ↓ pressed outside the table and any control: focus the rows. */
  onFocusRows?(): void;
}

/** True when a key press belongs to what the user is typing or to an open dialog or menu. */
function belongsElsewhere(e: KeyboardEvent): boolean {
  const target = e.target instanceof Element ? e.target : null;
  const typing = target?.closest('textarea, select, [contenteditable="true"], input:not([type="checkbox"]):not([type="radio"]):not([type="button"])');
  if (typing) return true;
  return Boolean(document.querySelector('[role="dialog"], [role="menu"]'));
}

/**
 * The page-wide shortcuts (US11.1.2), on the user's own keys. Row keys (Space, Enter, ↑ ↓) live
 * on the rows themselves; these work wherever focus is, except while typing or in a dialog.
 */
export function useShortcuts(keys: ShortcutKeys, handlers: ShortcutHandlers) {
  const current = useRef({ keys, handlers });
  current.current = { keys, handlers };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (belongsElsewhere(e) || e.altKey) return;
      const { keys: k, handlers: h } = current.current;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        h.onSelectPage();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'e' && h.onExport) {
        e.preventDefault();
        h.onExport();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      // The rows handle ↓ themselves; elsewhere (the page itself, text outside controls) it starts keyboard review.
      if (e.key === 'ArrowDown' && h.onFocusRows && !(e.target instanceof Element && e.target.closest('tr[data-row], button, a, input, select, [role="listbox"], [role="slider"]'))) {
        e.preventDefault();
        h.onFocusRows();
        return;
      }
      const key = eventKey(e);
      const handler =
        key === k.help ? h.onHelp : key === k.previous ? h.onPrevious : key === k.next ? h.onNext : key === k.approve ? h.onApprove : key === k.reject ? h.onReject : key === k.regenerate ? h.onRegenerate : undefined;
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

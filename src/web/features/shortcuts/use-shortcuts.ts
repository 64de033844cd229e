import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  onHelp(): void;
  onSelectPage(): void;
  /** Only while the preview is open. */
  onPrevious?(): void;
  onNext?(): void;
  onApprove?(): void;
  onReject?(): void;
}

/** True when a key press belongs to what the user is typing or to an open dialog or menu. */
function belongsElsewhere(e: KeyboardEvent): boolean {
  const target = e.target instanceof Element ? e.target : null;
  const typing = target?.closest('textarea, select, [contenteditable="true"], input:not([type="checkbox"]):not([type="radio"]):not([type="button"])');
  if (typing) return true;
  return Boolean(document.querySelector('[role="dialog"], [role="menu"]'));
}

/**
 * The page-wide shortcuts (US11.1.2). Row keys (Space, Enter, ↑ ↓) live on the rows themselves;
 * these are the ones that work wherever focus is, except while typing or in a dialog.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (belongsElsewhere(e) || e.altKey) return;
      const h = current.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        h.onSelectPage();
        return;
      }
      if (mod) return;
      const act = (fn: (() => void) | undefined) => {
        if (!fn) return;
        e.preventDefault();
        fn();
      };
      if (e.key === '?') act(h.onHelp);
      else if (e.key === 'ArrowLeft') act(h.onPrevious);
      else if (e.key === 'ArrowRight') act(h.onNext);
      else if (e.key === 'a' || e.key === 'A') act(h.onApprove);
      else if (e.key === 'r' || e.key === 'R') act(h.onReject);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

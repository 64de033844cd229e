import { useState } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../../components/ui/button';

export interface PreviewNavigation {
  /** 1-based position in the filtered, sorted set; null when the open conversation is not in it. */
  position: number | null;
  total: number;
  onPrevious?: () => void;
  onNext?: () => void;
  onJump: (position: number) => void;
  /** The open conversation exists but the filters leave it out. */
  outsideFilter: boolean;
  /** Clears the filters, keeping the conversation open, so ← and → walk the whole list. */
  onShowInAll: () => void;
  autoAdvance: boolean;
  onAutoAdvance: (on: boolean) => void;
}

/**
 * Previous / Next within the filtered set (US4.1.2): "Conversation 3 of 25", buttons disabled
 * at the ends, a box to jump to a number, and auto-advance after each review.
 */
export function PreviewNav({ nav }: { nav: PreviewNavigation }) {
  const [jump, setJump] = useState('');
  const submitJump = () => {
    const n = Number(jump);
    if (Number.isInteger(n) && n >= 1 && n <= nav.total) nav.onJump(n);
    setJump('');
    // Back to reviewing: the arrow and letter shortcuts work again.
    (document.activeElement as HTMLElement | null)?.blur();
  };
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
      <div className="flex items-center gap-1">
        <Button size="icon" variant="ghost" onClick={nav.onPrevious} disabled={!nav.onPrevious} aria-label="Previous conversation (←)" title="Previous (←)">
          <ChevronLeft className="h-4 w-4" />
        </Button>
        <span className="tabular-nums" data-testid="preview-position">
          {nav.position
            ? `Conversation ${nav.position.toLocaleString()} of ${nav.total.toLocaleString()}`
            : nav.outsideFilter
              ? 'Not in the filtered list'
              : 'Finding its place in the list…'}
        </span>
        {nav.outsideFilter && (
          <Button size="sm" variant="ghost" onClick={nav.onShowInAll} title="Clear the filters and keep this conversation open">
            Show in all conversations
          </Button>
        )}
        <Button size="icon" variant="ghost" onClick={nav.onNext} disabled={!nav.onNext} aria-label="Next conversation (→)" title="Next (→)">
          <ChevronRight className="h-4 w-4" />
        </Button>
      </div>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          submitJump();
        }}
      >
        <label className="flex items-center gap-1">
          Go to
          <input
            value={jump}
            onChange={(e) => setJump(e.target.value.replace(/\D/g, ''))}
            inputMode="numeric"
            aria-label="Jump to conversation number"
            placeholder="#"
            className="h-7 w-16 rounded-md border border-border bg-surface px-2 text-text"
          />
        </label>
      </form>
      <label className="flex items-center gap-1.5" title="After Approve or Reject, open the next conversation">
        <input type="checkbox" checked={nav.autoAdvance} onChange={(e) => nav.onAutoAdvance(e.target.checked)} className="h-3.5 w-3.5" />
        Auto-advance
      </label>
    </div>
  );
}

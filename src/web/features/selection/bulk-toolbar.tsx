import { Check, RefreshCcw, Sparkles, Trash2, X } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '../../components/ui/button';
import { Tooltip } from '../../components/ui/tooltip';
import { selectedCount, type Selection } from './selection';
import type { BulkKind } from './bulk-api';
import { useRoomAboveStickyBar } from './use-room-above-sticky-bar';

export type BulkAction = BulkKind | 'generate' | 'regenerate';

/**
 * Appears while conversations are selected (US6.2.2): the count, "Select all N" to extend the
 * selection to every page, Clear, and the bulk actions with their counts (reject and regenerate too). Actions a role
 * may not take are shown disabled with the reason.
 */
export function BulkToolbar({
  selection,
  pageFullySelected,
  matchingTotal,
  onSelectAllMatching,
  onClear,
  onAction,
  allowed,
}: {
  selection: Selection;
  pageFullySelected: boolean;
  matchingTotal: number | undefined;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onAction: (action: BulkAction) => void;
  allowed: Record<BulkAction, boolean>;
}) {
  const count = selectedCount(selection);
  const bar = useRef<HTMLDivElement>(null);
  useRoomAboveStickyBar(bar, count > 0);
  if (count === 0) return null;
  const n = `(${count.toLocaleString()})`;
  // Words the bar shows only where it has room for them on one row; they stay in the buttons'
  // names for screen readers ("Approve Selected (23)", "Clear selection").
  const roomy = (words: string) => <span className="sr-only @min-[94rem]:not-sr-only">{words}</span>;
  const action = (kind: BulkAction, label: string, icon: React.ReactNode, variant: 'secondary' | 'success' | 'danger' | 'primary', ofSelection = true) => {
    const button = (
      <Button size="sm" variant={allowed[kind] ? variant : 'secondary'} onClick={() => onAction(kind)} disabled={!allowed[kind]}>
        {icon}
        <span>
          {label} {ofSelection && <>{roomy('Selected')} </>}
          {n}
        </span>
      </Button>
    );
    return allowed[kind] ? button : <Tooltip content="Your role cannot do this. Ask an admin.">{<span>{button}</span>}</Tooltip>;
  };
  const canExtend = selection.kind === 'rows' && pageFullySelected && matchingTotal !== undefined && matchingTotal > count;
  return (
    // Shown after the table and kept in view at the bottom of the page while it scrolls, so
    // selecting a row never moves the rows under the pointer. It comes before the table in the
    // markup, so the keyboard reaches it without tabbing through every row. The band of page
    // colour under it covers the page's bottom padding (rows never show below the bar), and its
    // negative margin keeps the bar at the same height once the page is scrolled to the end.
    <div ref={bar} className="sticky -bottom-5 z-20 order-last -mb-5 bg-background pb-5">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-primary-soft px-3 py-2 shadow-lg" role="toolbar" aria-label="Bulk actions">
        <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-semibold text-white" data-testid="selection-count">
          {count.toLocaleString()} {roomy(count === 1 ? 'conversation' : 'conversations')} selected
        </span>
        {canExtend && (
          <button type="button" className="text-sm font-medium text-primary underline-offset-2 hover:underline" onClick={onSelectAllMatching}>
            Select all {matchingTotal.toLocaleString()} conversations
          </button>
        )}
        {selection.kind === 'filter' && <span className="text-sm text-muted">Every conversation matching the current filters, on all pages.</span>}
        <Button size="sm" variant="ghost" onClick={onClear}>
          <X className="h-3.5 w-3.5" aria-hidden />
          <span>Clear {roomy('selection')}</span>
        </Button>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {action('generate', 'Generate', <Sparkles className="h-3.5 w-3.5" aria-hidden />, 'primary')}
          {action('approve', 'Approve', <Check className="h-3.5 w-3.5" aria-hidden />, 'success')}
          {action('reject', 'Reject', <X className="h-3.5 w-3.5" aria-hidden />, 'danger')}
          {action('regenerate', 'Reject and regenerate', <RefreshCcw className="h-3.5 w-3.5" aria-hidden />, 'danger', false)}
          {action('delete', 'Delete', <Trash2 className="h-3.5 w-3.5" aria-hidden />, 'danger')}
        </div>
      </div>
    </div>
  );
}

import type { ConversationStatus } from '../../../core/statuses';
import { cn } from '../../lib/cn';
import type { ViewState } from './view-state';

const QUICK: { label: string; status: ConversationStatus; hint: string }[] = [
  { label: 'Needs Review', status: 'generated', hint: 'Generated, not yet approved or rejected' },
  { label: 'Failed', status: 'failed', hint: 'The last generation failed' },
  { label: 'Approved', status: 'approved', hint: 'Ready to export' },
];

/** One-click views (US3.1.2); a second click on the active one goes back to every status. */
export function QuickFilters({ view, onChange }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void }) {
  const only = view.status?.length === 1 ? view.status[0] : undefined;
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Quick filters">
      {QUICK.map((q) => {
        const active = only === q.status;
        return (
          <button
            key={q.status}
            type="button"
            title={q.hint}
            aria-pressed={active}
            onClick={() => onChange({ status: active ? undefined : [q.status], page: 1 })}
            className={cn(
              'h-7 rounded-full border px-3 text-xs font-medium transition-colors',
              active ? 'border-primary bg-primary text-white' : 'border-border bg-surface text-text hover:bg-surface-muted',
            )}
          >
            {q.label}
          </button>
        );
      })}
    </div>
  );
}

import { Link } from '@tanstack/react-router';
import { CheckCircle2, Circle, X } from 'lucide-react';
import type { Checklist } from '../../../contract/workspace';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { usePreferences } from '../../lib/preferences';
import { useChecklist } from './use-checklist';

/** "/conversations?plan=1" → a typed link target. */
function target(link: string): { to: string; search?: Record<string, string> } {
  const [to, query] = link.split('?');
  return query ? { to, search: Object.fromEntries(new URLSearchParams(query)) } : { to };
}

export function ChecklistSteps({ checklist }: { checklist: Checklist }) {
  const next = checklist.steps.find((s) => !s.done);
  return (
    <ol className="grid gap-2 @2xl:grid-cols-4">
      {checklist.steps.map((step, i) => (
        <li key={step.id} className={cn('rounded-md border px-3 py-2.5', step.done ? 'border-success/30 bg-success-soft/60' : step === next ? 'border-primary/40 bg-primary-soft/50' : 'border-border')} data-testid={`checklist-${step.id}`} data-done={step.done}>
          <p className="flex items-center gap-2 text-sm font-medium">
            {step.done ? <CheckCircle2 className="h-4 w-4 shrink-0 text-success" aria-hidden /> : <Circle className="h-4 w-4 shrink-0 text-muted" aria-hidden />}
            <span>
              {i + 1}. {step.label}
              <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>
            </span>
          </p>
          <p className="mt-1 text-xs text-muted">{step.explanation}</p>
          {!step.done && (
            // A plain link, so the page it names opens with its own URL state (?plan=1 opens the Plan dialog).
            <Link {...(target(step.link) as { to: '/conversations' })} className="mt-1.5 inline-block text-xs font-medium text-primary hover:underline">
              {step === next ? 'Do this next →' : 'Go there →'}
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The "Getting started" panel: shown while the checklist is incomplete, until the user closes it. */
export function ChecklistPanel() {
  const { data } = useChecklist();
  const [prefs, setPrefs] = usePreferences();
  if (!data || data.complete || prefs.checklistDismissed) return null;
  return (
    <section aria-labelledby="checklist-heading" className="@container rounded-lg border border-primary/30 bg-surface p-4 shadow-sm" data-testid="checklist">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div>
          <h2 id="checklist-heading" className="text-[15px] font-semibold">
            Getting started · {data.doneCount} of {data.total} done
          </h2>
          <p className="text-sm text-muted">Four steps from an empty workspace to your first generated conversation. Each ticks itself off when it is done.</p>
        </div>
        <Button size="icon" variant="ghost" aria-label="Hide the getting-started checklist" title="Hide (it stays in the menu)" onClick={() => setPrefs({ checklistDismissed: true })}>
          <X className="h-4 w-4" />
        </Button>
      </div>
      <ChecklistSteps checklist={data} />
    </section>
  );
}

import { useState } from 'react';
import { ListChecks } from 'lucide-react';
import { Dialog } from '../../components/ui/dialog';
import { Tooltip } from '../../components/ui/tooltip';
import { usePreferences } from '../../lib/preferences';
import { ChecklistSteps } from './checklist-card';
import { useChecklist } from './use-checklist';

/** The menu's "Getting started 2 of 4" entry while the checklist is incomplete; opens the checklist. */
export function ChecklistNavItem() {
  const { data } = useChecklist();
  const [open, setOpen] = useState(false);
  const [prefs, setPrefs] = usePreferences();
  if (!data || data.complete) return null;
  const label = `Getting started ${data.doneCount} of ${data.total}`;
  return (
    <>
      <Tooltip content={label} side="right">
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-label={label}
          className="flex w-full items-center justify-center gap-2.5 rounded-md px-3 py-2 text-sm text-primary hover:bg-primary-soft 2xl:justify-start"
          data-testid="checklist-nav"
        >
          <span className="relative">
            <ListChecks className="h-4 w-4 shrink-0" aria-hidden />
            <span className="absolute -top-1.5 -right-2 rounded-full bg-primary px-1 text-[10px] leading-4 font-semibold text-white 2xl:hidden">
              {data.doneCount}/{data.total}
            </span>
          </span>
          <span className="hidden whitespace-nowrap 2xl:inline">Getting started</span>
          <span className="ml-auto hidden rounded-full bg-primary-soft px-1.5 text-xs font-medium whitespace-nowrap 2xl:inline">
            {data.doneCount}/{data.total}
          </span>
        </button>
      </Tooltip>
      <Dialog open={open} onOpenChange={setOpen} title={`Getting started · ${data.doneCount} of ${data.total} done`} description="Four steps from an empty workspace to your first generated conversation." className="w-[min(760px,calc(100vw-2rem))]">
        <div className="@container" onClickCapture={(e) => (e.target as HTMLElement).closest('a') && setOpen(false)}>
          <ChecklistSteps checklist={data} />
          {prefs.checklistDismissed && (
            <button type="button" className="mt-3 text-xs text-primary hover:underline" onClick={() => setPrefs({ checklistDismissed: false })}>
              Show the checklist on the Conversations page again
            </button>
          )}
        </div>
      </Dialog>
    </>
  );
}

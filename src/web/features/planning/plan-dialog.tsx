import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CheckCircle2 } from 'lucide-react';
import type { PlanCreated } from '../../../contract/plan';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';
import { GenerateDialog } from '../runs/generate-dialog';
import { OneSlotForm } from './one-slot-form';
import { PlanForm } from './plan-form';

type Tab = 'many' | 'one';
type Done = { ids: string[]; text: string };

function doneOf(created: PlanCreated): Done {
  const ids = created.conversationIds;
  const range = ids.length > 1 ? `${ids[0]} – ${ids[ids.length - 1]}` : ids[0];
  return { ids, text: `${created.created.toLocaleString()} conversations planned (${range}). They show as “Not generated” in the table.` };
}

/**
 * Plan conversations (from the table's header, its empty state, or `?plan=1`): many at once with
 * a preview, or one by hand. Afterwards it offers to generate what was just planned.
 */
export function PlanDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [tab, setTab] = useState<Tab>('many');
  const [done, setDone] = useState<Done | null>(null);
  const [generating, setGenerating] = useState(false);
  const sources = useQuery({ ...queries.planSources(), enabled: open });
  const close = (o: boolean) => {
    if (!o) setDone(null);
    onOpenChange(o);
  };
  const tabClass = (t: Tab) => cn('rounded-md px-3 py-1.5 text-sm font-medium', tab === t ? 'bg-surface text-text shadow-sm' : 'text-muted hover:text-text');

  return (
    <>
      <Dialog
        open={open && !generating}
        onOpenChange={close}
        title="Plan conversations"
        description="Planned conversations are empty slots — a persona, emotion, topic, intent and tone, and the source they draw from. Generating fills them in."
        className="w-[min(760px,calc(100vw-2rem))]"
      >
        {done ? (
          <div className="space-y-4 py-2" data-testid="plan-done">
            <p className="flex items-start gap-2 text-sm text-text">
              <CheckCircle2 className="mt-0.5 h-5 w-5 shrink-0 text-success" aria-hidden />
              {done.text}
            </p>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setDone(null)}>Plan more</Button>
              <Button onClick={() => close(false)}>Close</Button>
              <Button variant="primary" onClick={() => setGenerating(true)}>
                Generate {done.ids.length === 1 ? 'it' : `these ${done.ids.length.toLocaleString()}`} now
              </Button>
            </div>
          </div>
        ) : (
          <div className="space-y-4">
            <div role="tablist" aria-label="How to plan" className="inline-flex gap-1 rounded-lg bg-surface-muted p-1">
              <button type="button" role="tab" aria-selected={tab === 'many'} className={tabClass('many')} onClick={() => setTab('many')}>
                Plan many
              </button>
              <button type="button" role="tab" aria-selected={tab === 'one'} className={tabClass('one')} onClick={() => setTab('one')}>
                Add one by hand
              </button>
            </div>
            {sources.error && <p className="text-sm text-danger">{sources.error instanceof ApiError ? `${sources.error.message} ${sources.error.hint}` : String(sources.error)}</p>}
            {sources.data && tab === 'many' && <PlanForm sources={sources.data} onCreated={(created) => setDone(doneOf(created))} />}
            {sources.data && tab === 'one' && <OneSlotForm sources={sources.data} onCreated={(conversationId) => setDone({ ids: [conversationId], text: `${conversationId} planned. It shows as “Not generated” in the table.` })} />}
          </div>
        )}
      </Dialog>
      {done && (
        <GenerateDialog
          title={`Generate the ${done.ids.length === 1 ? 'conversation' : `${done.ids.length.toLocaleString()} conversations`} you planned?`}
          selector={{ conversationIds: done.ids }}
          open={generating}
          onOpenChange={(o) => {
            if (!o) {
              setGenerating(false);
              close(false);
            }
          }}
        />
      )}
    </>
  );
}

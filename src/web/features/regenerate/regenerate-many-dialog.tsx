import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AlertTriangle, RefreshCcw } from 'lucide-react';
import { toast } from 'sonner';
import type { BulkSelection } from '../../../contract/bulk';
import type { RegenerateManyResult } from '../../../contract/regenerate';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { formatDuration, formatUsd } from '../../lib/format';
import { SpendingLimitField } from '../runs/spending-limit-field';
import { GuidanceField } from './guidance-field';
import { regenerateHeadline, regenerateLines } from './regenerate-many-summary';

const TONE = { change: 'text-text', skip: 'text-muted', missing: 'text-warning' } as const;
const explain = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));
const plural = (n: number) => `${n.toLocaleString()} conversation${n === 1 ? '' : 's'}`;

interface Outcome {
  result: RegenerateManyResult;
  runId: string | null;
  /** Why the run did not start after the conversations were rejected and planned. */
  runError: string | null;
}

/**
 * "Reject and regenerate" for the table's selection: says first what would happen (which are
 * rejected, which keep an earlier rejection, which are skipped and why), asks for the guidance
 * that goes into every new prompt, and what generating them should cost. Then rejects them and
 * plans a new conversation per slot (the bulk API) and, for a role that may generate, starts
 * one run for the new ones; the toast links to it. A reviewer who may not generate gets them
 * planned, and is told so.
 */
export function RegenerateManyDialog({
  selector,
  count: selected,
  open,
  onOpenChange,
  onDone,
  canGenerate,
}: {
  /** The table's selection, as the bulk routes take it; `count` is how many it names. */
  selector: BulkSelection;
  count: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
  canGenerate: boolean;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [guidance, setGuidance] = useState('');
  const [limit, setLimit] = useState('');
  useEffect(() => {
    if (open) {
      setGuidance('');
      setLimit('');
    }
  }, [open]);

  const preview = useQuery({ queryKey: [...queryKeys.conversations.all, 'regenerate-preview', selector], queryFn: () => endpoints.regenerate.preview({ selection: selector }), enabled: open, staleTime: 0, gcTime: 0 });
  const ids = preview.data?.conversationIds ?? [];
  // The new conversations take the same slots, so regenerating these is what the estimate prices.
  const estimate = useQuery({ ...queries.estimate({ conversationIds: ids, regenerate: true }), enabled: open && canGenerate && ids.length > 0 });
  const limitValue = limit.trim() === '' ? undefined : Number(limit);
  const limitInvalid = limitValue !== undefined && !(limitValue > 0);

  const submit = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const result = await endpoints.regenerate.many({ conversationIds: ids, guidance: guidance.trim() });
      if (!canGenerate || result.created.length === 0) return { result, runId: null, runError: null };
      try {
        const run = await endpoints.runs.create({ conversationIds: result.created.map((c) => c.id), ...(limitValue ? { spendingLimitUsd: limitValue } : {}) });
        return { result, runId: run.runId, runError: null };
      } catch (err) {
        return { result, runId: null, runError: explain(err) };
      }
    },
    onSuccess: ({ result, runId, runError }) => {
      onOpenChange(false);
      onDone();
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
      const done = result.created.length;
      const skipped = result.skipped.length ? ` ${result.skipped.length.toLocaleString()} skipped: ${result.skipped[0].reason}${result.skipped.length > 1 ? ' …' : ''}` : '';
      if (runId) {
        toast.success(`${plural(done)} rejected and being regenerated with your guidance`, {
          description: `The new versions are generated in one run; each links back to the one it replaces.${skipped}`,
          action: { label: 'Open the run', onClick: () => void navigate({ to: '/runs', search: { run: runId } }) },
          duration: 10_000,
        });
      } else if (runError) {
        toast.warning(`${plural(done)} rejected and planned again, but the run did not start`, { description: `${runError} Generate them from the table: they are Not Generated.${skipped}`, duration: 15_000 });
      } else if (done) {
        toast.success(`${plural(done)} rejected; the new versions are planned but not started`, {
          description: `Your role cannot start generation: ask a generator or admin to generate them (they are Not Generated in the table).${skipped}`,
          duration: 15_000,
        });
      } else {
        toast.warning('Nothing was regenerated', { description: skipped.trim() || 'None of the selection could be rejected and regenerated.' });
      }
    },
  });

  const p = preview.data;
  const count = ids.length;
  const blocked = !guidance.trim() || !p || p.tooMany || count === 0 || limitInvalid || submit.isPending;
  const e = estimate.data;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !submit.isPending && onOpenChange(next)}
      title={`Reject and regenerate ${plural(selected)}?`}
      description="Each is rejected with your note, and a new conversation with the same persona, emotion, topic, tier and source is planned with your note as guidance in its prompt."
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={submit.isPending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => submit.mutate()} loading={submit.isPending} disabled={blocked}>
            <RefreshCcw className="h-4 w-4" aria-hidden /> Reject and regenerate {plural(count)}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {preview.isPending && <p className="text-muted">Checking what this would do…</p>}
        {preview.error && <p className="text-danger">Could not check what this would do: {explain(preview.error)} Close the dialog and try again.</p>}
        {p && (
          <div data-testid="regenerate-preview" className="space-y-1.5">
            <p className="font-medium">{regenerateHeadline(p)}</p>
            <ul className="space-y-0.5 text-sm" aria-label="What will happen">
              {regenerateLines(p).map((line) => (
                <li key={line.text} className={TONE[line.tone]}>
                  {line.text}
                </li>
              ))}
            </ul>
          </div>
        )}
        <GuidanceField
          value={guidance}
          onChange={setGuidance}
          onSubmit={() => !blocked && submit.mutate()}
          label="Guidance for the new versions"
          placeholder="What was wrong with these, and what should the new versions do differently? e.g. Keep every answer about the topic and end on a concrete next step."
        />
        {canGenerate && count > 0 && (
          <div className="space-y-3 rounded-md border border-border p-3 text-sm">
            <p data-testid="regenerate-estimate">
              {e
                ? `Generating the ${plural(e.count)} should take ~${formatDuration(e.estimatedSeconds)} and cost ~${formatUsd(e.estimatedCostUsd)} with ${e.model}. They start at once, as one run.`
                : estimate.error
                  ? `Could not estimate the cost (${explain(estimate.error)}); you can still go ahead.`
                  : 'Estimating what generating them costs…'}
            </p>
            <SpendingLimitField value={limit} onChange={setLimit} invalid={limitInvalid} />
          </div>
        )}
        {!canGenerate && count > 0 && (
          <p className="rounded-md bg-surface-muted p-3 text-sm">Your role may reject but not start generation: the new versions will be planned, for a generator or admin to generate.</p>
        )}
        {submit.error && (
          <p className="flex items-start gap-2 rounded-md bg-danger-soft p-3 text-danger" role="alert">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            Could not reject and regenerate the selection: {explain(submit.error)}
          </p>
        )}
      </div>
    </Dialog>
  );
}

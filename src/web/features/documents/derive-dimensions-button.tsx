import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Wand2 } from 'lucide-react';
import type { DimensionRunBody } from '../../../contract/chunk-dimensions';
import { can } from '../../../core/roles';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { formatDuration, formatUsd } from '../../lib/format';
import { useMe } from '../../lib/queries';
import { RunProgressCard } from '../runs/run-progress-card';
import { SpendingLimitField } from '../runs/spending-limit-field';
import { errorText, useChunkRun } from '../runs/use-chunk-run';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-border p-3">
      <div className="text-[11px] font-semibold tracking-wide text-muted uppercase">{label}</div>
      <div className="mt-0.5 text-lg font-semibold text-text tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/**
 * "Derive dimensions": analyses chunks (all, or the given documents') for their summary, key
 * terms, expertise, tone, audience and confidence. Like Generate, it shows the estimate and asks
 * first; the run then shows its progress here, on the Runs page and in the progress panel.
 */
export function DeriveDimensionsButton({ documentIds }: { documentIds?: string[] }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [onlyMissing, setOnlyMissing] = useState(true);
  const [overwriteManual, setOverwriteManual] = useState(false);
  const body: DimensionRunBody = { ...(documentIds?.length ? { documentIds } : {}), ...(onlyMissing ? { onlyMissing: true } : {}), ...(overwriteManual ? { overwriteManual: true } : {}) };
  const { limit, setLimit, limitInvalid, runId, run, start, reset } = useChunkRun({
    start: (spendingLimitUsd) => endpoints.chunkDimensions.start({ ...body, ...(spendingLimitUsd ? { spendingLimitUsd } : {}) }),
    started: (total) => `Analysing ${total.toLocaleString()} chunk${total === 1 ? '' : 's'}`,
    failed: 'Could not start the analysis',
  });
  useEffect(() => {
    if (open) {
      setOnlyMissing(true);
      setOverwriteManual(false);
      reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens
  }, [open]);

  const estimate = useQuery({ ...queries.dimensionEstimate(body), enabled: open && !runId });
  useEffect(() => {
    // Finished: the chunk lists and filters show the new dimensions.
    if (run.data?.status === 'completed') void client.invalidateQueries({ queryKey: queryKeys.documents.all });
  }, [run.data?.status, client]);

  if (!me || !can(me.role, 'runs:manage')) return null;
  const e = estimate.data;
  const nothing = e !== undefined && e.count === 0;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="derive-dimensions">
        <Wand2 className="h-4 w-4" aria-hidden /> Derive dimensions
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={documentIds?.length === 1 ? 'Derive dimensions for this document?' : 'Derive chunk dimensions?'}
        description="Each chunk gets a summary, key terms, an expertise level, a sentiment (negative, neutral or positive), an audience and a confidence score. Prompts use them, and you can filter conversations by them."
        footer={
          runId ? (
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Close
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button variant="primary" onClick={() => start.mutate()} loading={start.isPending} disabled={!e || nothing || limitInvalid}>
                {e ? `Analyse ${e.count.toLocaleString()} chunk${e.count === 1 ? '' : 's'}` : 'Analyse'}
              </Button>
            </>
          )
        }
      >
        {runId ? (
          run.data ? <RunProgressCard run={run.data} canManage /> : <p className="text-muted">Starting…</p>
        ) : (
          <div className="space-y-4">
            {estimate.isLoading && <p className="text-muted">Estimating…</p>}
            {estimate.error && <p className="text-danger">{errorText(estimate.error)}</p>}
            {e && (
              <>
                <div className="grid grid-cols-3 gap-2">
                  <Figure label="Chunks" value={e.count.toLocaleString()} testId="dimension-estimate-count" />
                  <Figure label="Time" value={`~${formatDuration(e.estimatedSeconds)}`} testId="dimension-estimate-time" />
                  <Figure label="Cost" value={`~${formatUsd(e.estimatedCostUsd)}`} testId="dimension-estimate-cost" />
                </div>
                <p className="text-xs text-muted">With {e.provider === 'offline' ? 'the offline analyser' : e.model}.</p>
                {nothing && (
                  <p className="rounded-md bg-surface-muted p-3">
                    Every chunk here already has dimensions. Untick “Only chunks without dimensions” to analyse them again{e.skippedManual > 0 ? ', or tick “Overwrite hand edits”' : ''}.
                  </p>
                )}
                {e.warnings.map((w) => (
                  <p key={w} className="flex items-start gap-2 rounded-md bg-warning-soft p-3 text-warning" role="alert">
                    <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                    {w}
                  </p>
                ))}
              </>
            )}
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={onlyMissing} onChange={(ev) => setOnlyMissing(ev.target.checked)} className="h-4 w-4" />
              Only chunks without dimensions
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={overwriteManual} onChange={(ev) => setOverwriteManual(ev.target.checked)} className="h-4 w-4" />
              Overwrite hand edits (chunks you edited are otherwise kept as they are)
            </label>
            <SpendingLimitField value={limit} onChange={setLimit} invalid={limitInvalid} />
          </div>
        )}
      </Dialog>
    </>
  );
}

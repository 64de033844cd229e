import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Sparkles } from 'lucide-react';
import { SCENARIO_CATEGORIES, SCENARIO_CATEGORY_LABELS, type DeriveScenariosBody, type ScenarioCategory } from '../../../contract/scenarios';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { formatDuration, formatUsd } from '../../lib/format';
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
 * "Draw scenarios from documents" (US8.2.1): pick documents, see the estimate, confirm; the provider
 * (or the offline heuristic) proposes a scenario per chunk, linked to it. The run is durable and shows
 * its progress here and on the Runs page.
 */
export function DeriveScenariosButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [category, setCategory] = useState<ScenarioCategory | ''>('');
  const [perChunk, setPerChunk] = useState(1);
  const body: DeriveScenariosBody = { ...(picked.length ? { documentIds: picked } : {}), ...(category ? { category } : {}), ...(perChunk > 1 ? { perChunk } : {}) };
  const { limit, setLimit, limitInvalid, runId, run, start, reset } = useChunkRun({
    start: (spendingLimitUsd) => endpoints.scenarios.derive({ ...body, ...(spendingLimitUsd ? { spendingLimitUsd } : {}) }),
    started: (total) => `Drawing scenarios from ${total.toLocaleString()} chunk${total === 1 ? '' : 's'}`,
    failed: 'Could not start drawing scenarios',
  });
  useEffect(() => {
    if (open) {
      setPicked([]);
      setCategory('');
      setPerChunk(1);
      reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens
  }, [open]);
  const documents = useQuery({ ...queries.documents({ status: 'ready' }), enabled: open });
  const estimate = useQuery({ ...queries.scenarioDeriveEstimate(body), enabled: open && !runId });
  const status = run.data?.status;
  const succeeded = run.data?.succeeded;
  useEffect(() => {
    // New scenarios appear in the library as chunks finish.
    if (runId) void client.invalidateQueries({ queryKey: queryKeys.scenarios.all });
  }, [runId, status, succeeded, client]);

  const e = estimate.data;
  const docs = documents.data?.items ?? [];
  const nothing = e !== undefined && e.count === 0;
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} data-testid="derive-scenarios">
        <Sparkles className="h-4 w-4" aria-hidden /> Draw from documents
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        className="max-w-xl"
        title="Draw scenarios from documents"
        description="Each chunk of the chosen documents becomes a scenario — a title, the customer’s problem, the recommended action and the outcome — linked to its chunk. You can edit them before generating."
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
              <Button variant="primary" onClick={() => start.mutate()} loading={start.isPending} disabled={!e || nothing || limitInvalid} data-testid="derive-scenarios-confirm">
                {e ? `Draw from ${e.count.toLocaleString()} chunk${e.count === 1 ? '' : 's'}` : 'Draw'}
              </Button>
            </>
          )
        }
      >
        {runId ? (
          run.data ? <RunProgressCard run={run.data} canManage /> : <p className="text-muted">Starting…</p>
        ) : (
          <div className="space-y-4">
            <fieldset>
              <legend className="mb-1.5 text-sm font-medium">Documents</legend>
              {documents.isLoading && <p className="text-sm text-muted">Loading documents…</p>}
              {!documents.isLoading && docs.length === 0 && <p className="text-sm text-muted">No document is ready yet. Upload one on the Documents page first.</p>}
              <ul className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-border p-2 text-sm">
                {docs.map((d) => (
                  <li key={d.id}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" className="h-4 w-4" checked={picked.includes(d.id)} onChange={(ev) => setPicked((p) => (ev.target.checked ? [...p, d.id] : p.filter((x) => x !== d.id)))} />
                      <span className="truncate">{d.title}</span>
                      <span className="ml-auto shrink-0 text-xs text-muted">{d.chunkCount} chunks</span>
                    </label>
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs text-muted">{picked.length ? `${picked.length} chosen.` : 'None chosen: every ready document.'}</p>
            </fieldset>
            <div className="grid grid-cols-2 gap-3 text-sm">
              <label>
                <span className="mb-1 block font-medium">Category</span>
                <select className="h-9 w-full rounded-md border border-border bg-surface px-2" value={category} onChange={(ev) => setCategory(ev.target.value as ScenarioCategory | '')} aria-label="Category of the scenarios">
                  <option value="">Any (the model decides)</option>
                  {SCENARIO_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {SCENARIO_CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="mb-1 block font-medium">Scenarios per chunk</span>
                <select className="h-9 w-full rounded-md border border-border bg-surface px-2" value={perChunk} onChange={(ev) => setPerChunk(Number(ev.target.value))} aria-label="Scenarios per chunk">
                  {[1, 2, 3].map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
            </div>
            {estimate.isLoading && <p className="text-muted">Estimating…</p>}
            {estimate.error && <p className="text-danger">{errorText(estimate.error)}</p>}
            {e && (
              <>
                <div className="grid grid-cols-3 gap-2">
                  <Figure label="Chunks" value={e.count.toLocaleString()} testId="derive-estimate-count" />
                  <Figure label="Time" value={`~${formatDuration(e.estimatedSeconds)}`} testId="derive-estimate-time" />
                  <Figure label="Cost" value={`~${formatUsd(e.estimatedCostUsd)}`} testId="derive-estimate-cost" />
                </div>
                <p className="text-xs text-muted">With {e.provider === 'offline' ? 'the offline generator' : e.model}.</p>
                {e.warnings.map((w) => (
                  <p key={w} className="flex items-start gap-2 rounded-md bg-warning-soft p-3 text-sm text-warning" role="alert">
                    <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                    {w}
                  </p>
                ))}
              </>
            )}
            <SpendingLimitField value={limit} onChange={setLimit} invalid={limitInvalid} />
          </div>
        )}
      </Dialog>
    </>
  );
}

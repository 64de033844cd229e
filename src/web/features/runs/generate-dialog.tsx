import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { AlertTriangle } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys, type SelectorInput } from '../../lib/endpoints';
import { formatDuration, formatUsd } from '../../lib/format';
import { needsCostAcknowledgement } from './cost-acknowledgement';
import { SpendingLimitField } from './spending-limit-field';

type TierRow = { name: string; count: number; costUsd: number };

const TIER_COLUMNS: ColumnDef<TierRow>[] = [
  { id: 'tier', header: 'Tier', cell: ({ row }) => row.original.name },
  { id: 'count', header: 'Conversations', meta: { align: 'right', className: 'tabular-nums' }, cell: ({ row }) => row.original.count.toLocaleString() },
  { id: 'cost', header: 'Cost', meta: { align: 'right', className: 'tabular-nums' }, cell: ({ row }) => formatUsd(row.original.costUsd) },
];

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
 * Confirms a generation run (US1.2.1, US1.3.1, US11.4.1): how many conversations, how long and
 * what it should cost (per tier, from past runs when there are some), warnings over $100 or two
 * hours, an optional spending limit and an email when it finishes. "Generate All" also asks
 * the user to acknowledge the estimate before Proceed is enabled, when the run costs money: a
 * $0 run (the offline generator) has nothing to acknowledge.
 */
export function GenerateDialog({
  selector,
  title,
  open,
  onOpenChange,
  requireAcknowledgement = false,
  onStarted,
}: {
  selector: SelectorInput;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  requireAcknowledgement?: boolean;
  onStarted?: (runId: string) => void;
}) {
  const client = useQueryClient();
  const [regenerate, setRegenerate] = useState(false);
  const [limit, setLimit] = useState('');
  const [notifyEmail, setNotifyEmail] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  useEffect(() => {
    if (open) {
      setRegenerate(false);
      setLimit('');
      setNotifyEmail(false);
      setAcknowledged(false);
    }
  }, [open]);

  const body = { ...selector, ...(regenerate && !('all' in selector) ? { regenerate: true } : {}) };
  const estimate = useQuery({
    ...queries.estimate(body),
    enabled: open,
  });
  const limitValue = limit.trim() === '' ? undefined : Number(limit);
  const limitInvalid = limitValue !== undefined && !(limitValue > 0);
  const start = useMutation({
    mutationFn: () => endpoints.runs.create({ ...body, ...(limitValue ? { spendingLimitUsd: limitValue } : {}), notifyEmail }),
    onSuccess: ({ runId, total }) => {
      toast.success(`Generating ${total.toLocaleString()} conversation${total === 1 ? '' : 's'}`, { description: 'Follow it in the progress panel. It keeps going if you close the browser.' });
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      onStarted?.(runId);
      onOpenChange(false);
    },
    onError: (err) => toast.error('Could not start the run', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) }),
  });

  const e = estimate.data;
  const nothing = e !== undefined && e.count === 0;
  const askAcknowledgement = e !== undefined && needsCostAcknowledgement(requireAcknowledgement, e);
  const blocked = !e || nothing || limitInvalid || (askAcknowledgement && !acknowledged);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description="Runs in the background: you can leave this page or close the browser."
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => start.mutate()} loading={start.isPending} disabled={blocked}>
            {e ? `Generate ${e.count.toLocaleString()}` : 'Generate'}
          </Button>
        </>
      }
    >
      {estimate.isLoading && <p className="text-muted">Estimating…</p>}
      {estimate.error && <p className="text-danger">{estimate.error instanceof ApiError ? `${estimate.error.message} ${estimate.error.hint}` : String(estimate.error)}</p>}
      {e && (
        <div className="space-y-4">
          <div className="grid grid-cols-3 gap-2">
            <Figure label="Conversations" value={e.count.toLocaleString()} testId="estimate-count" />
            <Figure label="Time" value={`~${formatDuration(e.estimatedSeconds)}`} testId="estimate-time" />
            <Figure label="Cost" value={`~${formatUsd(e.estimatedCostUsd)}`} testId="estimate-cost" />
          </div>
          <DataTable
            data={[
              { name: 'Template', ...e.byTier.template },
              { name: 'Scenario', ...e.byTier.scenario },
              { name: 'Edge case', ...e.byTier.edge_case },
            ]}
            columns={TIER_COLUMNS}
            label="Estimate by tier"
            getRowId={(tier) => tier.name}
            variant="compact"
          />
          <p className="text-xs text-muted">
            {e.basis === 'history' ? 'Based on the average of conversations generated so far' : 'Based on token estimates (no history yet)'} with {e.model}.
          </p>
          {nothing && <p className="rounded-md bg-surface-muted p-3">Nothing here needs generating. Tick “Regenerate” to write new versions of conversations that already have text.</p>}
          {e.warnings.map((w) => (
            <p key={w} className="flex items-start gap-2 rounded-md bg-warning-soft p-3 text-warning" role="alert">
              <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              {w}
            </p>
          ))}
          {!('all' in selector) && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={regenerate} onChange={(ev) => setRegenerate(ev.target.checked)} className="h-4 w-4" />
              Regenerate conversations that already have text (their review is reset)
            </label>
          )}
          <SpendingLimitField value={limit} onChange={setLimit} invalid={limitInvalid} />
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={notifyEmail} onChange={(ev) => setNotifyEmail(ev.target.checked)} className="h-4 w-4" />
            Email me when it finishes
          </label>
          {askAcknowledgement && (
            <label className="flex items-center gap-2 rounded-md border border-border p-3">
              <input type="checkbox" checked={acknowledged} onChange={(ev) => setAcknowledged(ev.target.checked)} className="h-4 w-4" />I have read the estimate and want to generate {e.count.toLocaleString()} conversations
            </label>
          )}
        </div>
      )}
    </Dialog>
  );
}

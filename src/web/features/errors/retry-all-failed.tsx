import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import { can } from '../../../core/roles';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Skeleton } from '../../components/ui/skeleton';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys, type SelectorInput } from '../../lib/endpoints';
import { formatUsd } from '../../lib/format';
import { useMe } from '../../lib/queries';

const SELECTOR: SelectorInput = { filter: { status: ['failed'] } };

function roughly(seconds: number): string {
  if (seconds < 60) return `under a minute`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/** How many conversations are failed now; the key sits under ['conversations'] so list refreshes update it. */
export function useFailedCount() {
  return useQuery({
    ...queries.failedCount(),
    select: (data) => data.total,
    refetchInterval: 15_000,
  });
}

/**
 * "Retry all failed (N)" (US2.2.2): shown only while failures exist; asks for confirmation with
 * the count and estimate, then starts one run over every failed conversation.
 */
export function RetryAllFailed({ size = 'md', className }: { size?: 'sm' | 'md'; className?: string }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: total } = useFailedCount();
  const [open, setOpen] = useState(false);
  const estimate = useQuery({
    ...queries.estimate(SELECTOR),
    enabled: open,
    staleTime: 0,
  });
  const start = useMutation({
    mutationFn: () => endpoints.runs.create(SELECTOR),
    onSuccess: ({ total: queued }) => {
      setOpen(false);
      toast.success(`Retrying ${queued} failed conversation${queued === 1 ? '' : 's'}`, {
        description: 'They are queued as one run; statuses update as each finishes.',
        action: { label: 'View runs', onClick: () => void navigate({ to: '/runs' }) },
      });
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
    },
    onError: (err) => toast.error('Could not start the retry', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) }),
  });

  if (!total || (me && !can(me.role, 'conversations:generate'))) return null;
  const count = estimate.data?.count ?? total;
  return (
    <>
      <Button size={size} className={className} onClick={() => setOpen(true)} data-testid="retry-all-failed">
        <RotateCcw className="h-4 w-4" aria-hidden />
        Retry all failed ({total})
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Retry ${count} failed conversation${count === 1 ? '' : 's'}?`}
        description="Each one is generated again as part of one run. Successful ones become Generated; the rest stay Failed with their new error."
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => start.mutate()} loading={start.isPending} disabled={estimate.data?.count === 0}>
              Retry {count}
            </Button>
          </>
        }
      >
        {estimate.isLoading && <Skeleton className="h-12 w-full" />}
        {estimate.data && (
          <div className="space-y-3">
            <dl className="grid grid-cols-3 gap-3">
              <div>
                <dt className="text-xs text-muted">Conversations</dt>
                <dd className="text-lg font-semibold tabular-nums">{estimate.data.count}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Estimated cost</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatUsd(estimate.data.estimatedCostUsd)}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Estimated time</dt>
                <dd className="text-lg font-semibold">{roughly(estimate.data.estimatedSeconds)}</dd>
              </div>
            </dl>
            {estimate.data.skipped > 0 && <p className="text-muted">{estimate.data.skipped} are skipped: they are seeds or already queued.</p>}
          </div>
        )}
        {estimate.error && <p className="text-muted">The estimate is not available right now; the retry can still start.</p>}
        <p className="mt-3 text-muted">Permanent failures (a refused API key, a template missing a value) fail again until their cause is fixed: check the Errors page first.</p>
      </Dialog>
    </>
  );
}

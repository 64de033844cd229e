import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError } from '../../lib/api';
import { queries, queryKeys } from '../../lib/endpoints';

const FINISHED = ['completed', 'cancelled', 'failed'];

export const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/**
 * What every "run over chunks" dialog (derive dimensions, draw scenarios) shares: the optional
 * spending limit, starting the run with it, and following the run once started.
 */
export function useChunkRun(options: {
  start: (spendingLimitUsd: number | undefined) => Promise<{ runId: string; total: number }>;
  started: (total: number) => string;
  failed: string;
}) {
  const client = useQueryClient();
  const [limit, setLimit] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const limitValue = limit.trim() === '' ? undefined : Number(limit);
  const limitInvalid = limitValue !== undefined && !(limitValue > 0);
  const run = useQuery({
    ...queries.run(runId ?? ''),
    enabled: Boolean(runId),
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 1000),
  });
  const start = useMutation({
    mutationFn: () => options.start(limitValue),
    onSuccess: ({ runId: id, total }) => {
      toast.success(options.started(total), { description: 'It keeps going if you close this window or the browser.' });
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
      setRunId(id);
    },
    onError: (err) => toast.error(options.failed, { description: errorText(err) }),
  });
  /** Back to the estimate, for a dialog opened again. */
  const reset = () => {
    setLimit('');
    setRunId(null);
  };
  return { limit, setLimit, limitInvalid, runId, run, start, reset };
}

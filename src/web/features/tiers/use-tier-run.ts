import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tier } from '../../../core/tiers';
import { queries, queryKeys } from '../../lib/endpoints';

const ACTIVE = new Set(['queued', 'running', 'paused']);
const storageKey = (tier: Tier) => `convgen.tier-run.${tier}`;

/**
 * The run "Generate All Tier N" started, remembered for the tab (sessionStorage) so a reload
 * keeps showing its progress; polled while it is going. When it ends the tier figures are read
 * again and the run is forgotten.
 */
export function useTierRun(tier: Tier) {
  const client = useQueryClient();
  const [runId, setRunId] = useState<string | null>(() => sessionStorage.getItem(storageKey(tier)));
  const run = useQuery({ ...queries.run(runId ?? ''), enabled: runId !== null, refetchInterval: (q) => (q.state.data && !ACTIVE.has(q.state.data.status) ? false : 1000) });
  const active = Boolean(run.data && ACTIVE.has(run.data.status));
  const done = run.data && !ACTIVE.has(run.data.status);

  const start = useCallback(
    (id: string) => {
      sessionStorage.setItem(storageKey(tier), id);
      setRunId(id);
    },
    [tier],
  );
  // The table's figures move with the run: read them again on every tick of progress, and once more at the end.
  const progress = run.data ? run.data.succeeded + run.data.failed : 0;
  useEffect(() => {
    if (runId) void client.invalidateQueries({ queryKey: queryKeys.tiers() });
  }, [client, runId, progress, done]);
  useEffect(() => {
    if (run.isError) {
      sessionStorage.removeItem(storageKey(tier));
      setRunId(null);
    }
  }, [run.isError, tier]);
  const dismiss = useCallback(() => {
    sessionStorage.removeItem(storageKey(tier));
    setRunId(null);
  }, [tier]);
  return { run: run.data ?? null, active, start, dismiss };
}

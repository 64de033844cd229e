import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PreflightRequestInput } from '../../../contract/preflight';
import { queries } from '../../lib/endpoints';

/** How often a pending check's progress is read: often enough that the bar moves smoothly. */
const POLL_MS = 500;

/**
 * A preflight check and, while it runs, its progress: the POST carries an id, and
 * GET /api/preflight/progress is polled under it until the POST answers.
 */
export function usePreflightCheck(body: PreflightRequestInput | null, enabled: boolean, staleTime?: number) {
  const [checkId, setCheckId] = useState<string | null>(null);
  const check = useQuery({ ...queries.preflight(body ?? { baseModel: '', maxSeqLen: 0 }, setCheckId), enabled: enabled && body !== null, retry: false, staleTime });
  const progress = useQuery({ ...queries.preflightProgress(checkId ?? ''), enabled: check.isFetching && checkId !== null, refetchInterval: POLL_MS, gcTime: 0 });
  const current = check.isFetching && progress.data?.progress?.checkId === checkId ? progress.data.progress : null;
  return { check, progress: current };
}

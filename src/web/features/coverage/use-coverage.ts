import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { CoverageScope } from '../../../core/coverage';
import { queries, queryKeys } from '../../lib/endpoints';
import { useRecentRuns } from '../../lib/queries';
import type { CoverageSearch } from './coverage-search';

const ACTIVE = new Set(['queued', 'running', 'paused']);

/** The scope the page's URL asks for, and a way to change it. */
export function useCoverageScope(): [CoverageScope, (scope: CoverageScope) => void] {
  const search = useSearch({ from: '/app/coverage' }) as CoverageSearch;
  const navigate = useNavigate({ from: '/coverage' });
  return [search.scope ?? 'generated', (scope) => void navigate({ search: { scope: scope === 'generated' ? undefined : scope }, replace: true })];
}

/**
 * The coverage report for the page's scope. It moves with generation: while any run is active
 * (started here, on another page or from the CLI) or a conversation is being generated it is
 * read again every two seconds, and once more whenever a run makes progress or ends, so the
 * heatmap and the recommendations follow the run to its last conversation.
 */
export function useCoverage() {
  const client = useQueryClient();
  const [scope] = useCoverageScope();
  const runs = useRecentRuns();
  const active = (runs.data?.items ?? []).filter((r) => ACTIVE.has(r.status));
  const progress = (runs.data?.items ?? []).map((r) => `${r.id}:${r.status}:${r.succeeded}:${r.failed}`).join(',');
  const seen = useRef<string | null>(null);
  useEffect(() => {
    // The first list read is where runs stand as the page opens: only later changes are progress.
    if (seen.current !== null && seen.current !== progress) void client.invalidateQueries({ queryKey: queryKeys.coverage.all });
    if (runs.data) seen.current = progress;
  }, [client, progress, runs.data]);
  const report = useQuery({ ...queries.coverage(scope), refetchInterval: (q) => ((q.state.data?.generating ?? 0) > 0 || active.length > 0 ? 2000 : false) });
  return { scope, ...report };
}

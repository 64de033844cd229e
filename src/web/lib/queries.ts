import { useQuery } from '@tanstack/react-query';
import type { Catalog } from '../../contract/catalog';
import { queries } from './endpoints';

export const useCatalog = () => useQuery({ ...queries.catalog(), staleTime: 5 * 60_000 });
export const useHealth = () => useQuery({ ...queries.health(), staleTime: 60_000 });
export const useMe = () => useQuery({ ...queries.me(), retry: false, staleTime: 60_000 });
export const useRecentRuns = () =>
  useQuery({ ...queries.recentRuns(), refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running' || r.status === 'queued') ? 2000 : false) });

/** Label lookup for dimension keys; falls back to the key while the catalog loads. */
export function useLabels() {
  const { data } = useCatalog();
  return (dimension: keyof Omit<Catalog, 'arcs'>, key: string) => data?.[dimension].find((v) => v.key === key)?.label ?? key;
}

export const useProvider = () => useQuery({ ...queries.provider(), staleTime: 60_000 });

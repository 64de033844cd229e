import { useQuery } from '@tanstack/react-query';
import type { Catalog } from '../../contract/catalog';
import type { RunProgress } from '../../contract/runs';
import type { Health, Me, ProviderInfo } from '../../contract/system';
import { api } from './api';

export type { Catalog, Me };

export const useCatalog = () => useQuery({ queryKey: ['catalog'], queryFn: () => api.get<Catalog>('/api/catalog'), staleTime: 5 * 60_000 });
export const useHealth = () => useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/health'), staleTime: 60_000 });
export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/api/me'), retry: false, staleTime: 60_000 });
export const useRecentRuns = () =>
  useQuery({ queryKey: ['runs'], queryFn: () => api.get<{ items: RunProgress[] }>('/api/runs'), refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running' || r.status === 'queued') ? 2000 : false) });

/** Label lookup for dimension keys; falls back to the key while the catalog loads. */
export function useLabels() {
  const { data } = useCatalog();
  return (dimension: keyof Omit<Catalog, 'arcs'>, key: string) => data?.[dimension].find((v) => v.key === key)?.label ?? key;
}

export const useProvider = () => useQuery({ queryKey: ['provider'], queryFn: () => api.get<ProviderInfo>('/api/provider'), staleTime: 60_000 });

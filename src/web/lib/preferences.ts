import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesPatch } from '../../contract/preferences';
import { api, ApiError } from './api';

/** The signed-in user's preferences (defaults until loaded, or when signed out). */
export function usePreferences(): [Preferences, (patch: PreferencesPatch) => void] {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['preferences'], queryFn: () => api.get<Preferences>('/api/me/preferences'), retry: false, staleTime: 5 * 60_000 });
  const change = useMutation({
    mutationFn: (patch: PreferencesPatch) => api.patch<Preferences>('/api/me/preferences', patch),
    // Applied at once; put back if the server refuses.
    onMutate: (patch) => {
      const before = client.getQueryData<Preferences>(['preferences']);
      client.setQueryData<Preferences>(['preferences'], { ...(before ?? DEFAULT_PREFERENCES), ...patch });
      return before;
    },
    onError: (err, _patch, before) => {
      client.setQueryData(['preferences'], before);
      toast.error('Could not save your preference', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    },
    onSuccess: (saved) => client.setQueryData(['preferences'], saved),
  });
  return [query.data ?? DEFAULT_PREFERENCES, change.mutate];
}

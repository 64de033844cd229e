import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesPatch } from '../../contract/preferences';
import { ApiError } from './api';
import { endpoints, queries } from './endpoints';

/** The signed-in user's preferences (defaults until loaded, or when signed out). */
export function usePreferences(): [Preferences, (patch: PreferencesPatch) => void] {
  const client = useQueryClient();
  const query = useQuery({ ...queries.preferences(), retry: false, staleTime: 5 * 60_000 });
  const key = queries.preferences().queryKey;
  const change = useMutation({
    mutationFn: (patch: PreferencesPatch) => endpoints.account.updatePreferences(patch),
    // Applied at once; put back if the server refuses.
    onMutate: (patch) => {
      const before = client.getQueryData(key);
      client.setQueryData(key, { ...(before ?? DEFAULT_PREFERENCES), ...patch });
      return before;
    },
    onError: (err, _patch, before) => {
      client.setQueryData(key, before);
      toast.error('Could not save your preference', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    },
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
  return [query.data ?? DEFAULT_PREFERENCES, change.mutate];
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ArcList } from '../../../contract/arcs';
import { ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/endpoints';

const describe = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/** A change to the arcs: on success the arcs, presets and tier figures are read again; on failure the server's message and hint. */
export function useArcMutation<T>(fn: (input: T) => Promise<ArcList | unknown>, messages: { success: (input: T) => string; failure: string }, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (_data, input) => {
      toast.success(messages.success(input));
      // The catalog and the Plan dialog list the arcs too, with whether each is enabled.
      await Promise.all([queryKeys.arcs.all, queryKeys.tiers(), queryKeys.catalog(), queryKeys.planSources()].map((queryKey) => client.invalidateQueries({ queryKey })));
      onDone?.();
    },
    onError: (err) => toast.error(messages.failure, { description: describe(err) }),
  });
}

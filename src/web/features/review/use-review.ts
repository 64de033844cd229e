import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ConversationDetail, ConversationListResponse } from '../../../contract/conversations';
import { api, ApiError } from '../../lib/api';

type Action = 'approve' | 'reject';
type Snapshot = [readonly unknown[], unknown][];

/** Puts the new status into every cached list and the cached detail, returning what to restore. */
function applyOptimistically(client: QueryClient, detail: ConversationDetail, status: 'approved' | 'rejected', notes: string | null): Snapshot {
  const snapshot: Snapshot = [...client.getQueriesData({ queryKey: ['conversations'] }), ...client.getQueriesData({ queryKey: ['conversation'] })];
  client.setQueriesData<ConversationListResponse>({ queryKey: ['conversations'] }, (list) =>
    list?.items ? { ...list, items: list.items.map((c) => (c.id === detail.id ? { ...c, status } : c)) } : list,
  );
  client.setQueriesData<ConversationDetail>({ queryKey: ['conversation'] }, (d) =>
    d && d.id === detail.id ? { ...d, status, review: { ...d.review, notes, reviewedAt: new Date().toISOString() } } : d,
  );
  return snapshot;
}

/**
 * Approve or reject one conversation (US4.2.1) with an optimistic update: the badge changes
 * at once, and goes back (with the reason) if the server refuses.
 */
export function useReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ detail, action, notes }: { detail: ConversationDetail; action: Action; notes?: string }) =>
      api.post<{ status: string }>(`/api/conversations/${detail.id}/review`, { action, ...(notes ? { notes } : {}) }),
    onMutate: async ({ detail, action, notes }) => {
      await client.cancelQueries({ queryKey: ['conversations'] });
      await client.cancelQueries({ queryKey: ['conversation'] });
      return applyOptimistically(client, detail, action === 'approve' ? 'approved' : 'rejected', notes ?? null);
    },
    onSuccess: (_, { detail, action }) => {
      toast.success(`${detail.conversationId} ${action === 'approve' ? 'approved' : 'rejected'}`);
    },
    onError: (err, { detail }, snapshot) => {
      for (const [key, value] of snapshot ?? []) client.setQueryData(key, value);
      toast.error(`Could not review ${detail.conversationId}`, { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['conversations'] });
      void client.invalidateQueries({ queryKey: ['conversation'] });
    },
  });
}

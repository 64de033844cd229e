import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ConversationDetail, ConversationListResponse, ReviewRequest, ReviewResult } from '../../../contract/conversations';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';

type Snapshot = [readonly unknown[], unknown][];

/** Puts the new status into every cached list and the cached detail, returning what to restore. */
function applyOptimistically(client: QueryClient, detail: ConversationDetail, status: ReviewResult['status'], notes: string | null): Snapshot {
  const snapshot: Snapshot = [...client.getQueriesData({ queryKey: queryKeys.conversations.all }), ...client.getQueriesData({ queryKey: queryKeys.conversation.all })];
  client.setQueriesData<ConversationListResponse>({ queryKey: queryKeys.conversations.all }, (list) =>
    list?.items ? { ...list, items: list.items.map((c) => (c.id === detail.id ? { ...c, status } : c)) } : list,
  );
  client.setQueriesData<ConversationDetail>({ queryKey: queryKeys.conversation.all }, (d) =>
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
    mutationFn: ({ detail, action, notes }: { detail: ConversationDetail; action: ReviewRequest['action']; notes?: string }) =>
      endpoints.conversations.review(detail.id, { action, ...(notes ? { notes } : {}) }),
    onMutate: async ({ detail, action, notes }) => {
      await client.cancelQueries({ queryKey: queryKeys.conversations.all });
      await client.cancelQueries({ queryKey: queryKeys.conversation.all });
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
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
    },
  });
}

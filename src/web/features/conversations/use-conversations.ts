import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { listQueryOf, type ViewState } from './view-state';

const listOptions = (view: ViewState) => queries.conversationList(listQueryOf(view));

/**
 * Starts loading a view's page before the page renders (from the route's loader), so the
 * table's request goes first instead of queueing behind the shell's smaller ones.
 */
export function prefetchConversationList(client: QueryClient, view: ViewState) {
  void client.prefetchQuery({ ...listOptions(view), staleTime: 2000 });
}

/** The current page; polls while any visible row is generating so badges update live. */
export function useConversationList(view: ViewState, extraPolling: boolean) {
  return useQuery({
    ...listOptions(view),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (extraPolling || q.state.data?.items.some((c) => c.status === 'generating') ? 1500 : false),
  });
}

/** One conversation for the preview; polls while it is generating (or was just queued here). */
export function useConversationDetail(id: string | undefined, pendingHere: (rowId: string) => boolean) {
  return useQuery({
    ...queries.conversation(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'generating' || pendingHere(q.state.data.id)) ? 1500 : false),
  });
}

/**
 * The same list as pages joined end to end, for infinite scroll (US6.1.2): the next page loads
 * when the end of the table comes into view.
 */
export function useConversationPages(view: ViewState, enabled: boolean) {
  const { page: _page, ...query } = listQueryOf(view);
  return useInfiniteQuery({
    queryKey: queryKeys.conversations.pages(query),
    queryFn: ({ pageParam }) => endpoints.conversations.list({ ...query, page: pageParam }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((c) => c.status === 'generating')) ? 1500 : false),
  });
}

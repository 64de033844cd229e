import { useCallback, useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConversationDetail, ConversationListResponse } from '../../../contract/conversations';
import { api, toQueryString } from '../../lib/api';
import { useLocalState } from '../../lib/use-local-state';
import { listQueryOf, type ViewState } from '../conversations/view-state';
import type { PreviewNavigation } from './preview-nav';

/**
 * Moves the preview through the filtered, sorted set (US4.1.2) a page at a time: the rows on
 * screen are the neighbours, and stepping past the page's end loads the next page. The next
 * and previous conversations are fetched ahead, so → shows them at once.
 */
export function usePreviewNavigation(view: ViewState, list: ConversationListResponse | undefined, update: (patch: Partial<ViewState>) => void): PreviewNavigation {
  const client = useQueryClient();
  const [autoAdvance, setAutoAdvance] = useLocalState('convgen.auto-advance', false);
  const items = useMemo(() => list?.items ?? [], [list]);
  const total = list?.total ?? 0;
  const index = view.open ? items.findIndex((c) => c.conversationId === view.open || c.id === view.open) : -1;
  const position = index >= 0 ? (view.page - 1) * view.pageSize + index + 1 : null;

  const pageOf = useCallback(
    (page: number) => {
      const query = listQueryOf({ ...view, page });
      return client.fetchQuery({ queryKey: ['conversations', query], queryFn: () => api.get<ConversationListResponse>(`/api/conversations${toQueryString(query)}`), staleTime: 5000 });
    },
    [client, view],
  );

  const openAt = useCallback(
    async (target: number) => {
      const page = Math.ceil(target / view.pageSize);
      const rows = page === view.page ? items : (await pageOf(page)).items;
      const row = rows[(target - 1) % view.pageSize];
      if (row) update({ page, open: row.conversationId });
    },
    [items, pageOf, update, view.page, view.pageSize],
  );

  // Fetch the neighbours' details ahead of the key press.
  useEffect(() => {
    for (const neighbour of [items[index + 1], items[index - 1]]) {
      if (!neighbour) continue;
      void client.prefetchQuery({ queryKey: ['conversation', neighbour.conversationId], queryFn: () => api.get<ConversationDetail>(`/api/conversations/${neighbour.conversationId}`), staleTime: 10_000 });
    }
  }, [client, items, index]);

  return {
    position,
    total,
    onPrevious: position && position > 1 ? () => void openAt(position - 1) : undefined,
    onNext: position && position < total ? () => void openAt(position + 1) : undefined,
    onJump: (n) => void openAt(n),
    autoAdvance,
    onAutoAdvance: setAutoAdvance,
  };
}

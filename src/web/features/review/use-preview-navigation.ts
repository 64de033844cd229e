import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '../../../contract/conversations';
import { queries } from '../../lib/endpoints';
import { usePreferences } from '../../lib/preferences';
import { listQueryOf, type ViewState } from '../conversations/view-state';
import type { PreviewNavigation } from './preview-nav';

/**
 * What the table shows: one page (`offset` rows precede it), or with infinite scroll every
 * row loaded so far (`loadMore` fetches the next page and returns all rows loaded).
 */
export interface NavigableRows {
  items: ConversationSummary[];
  offset: number;
  total: number;
  loadMore?: () => Promise<ConversationSummary[]>;
}

/**
 * Moves the preview through the filtered, sorted set (US4.1.2): the rows on screen are the
 * neighbours, and stepping past the last one loads the next page (or more rows). The next and
 * previous conversations are fetched ahead, so → shows them at once.
 */
export function usePreviewNavigation(view: ViewState, rows: NavigableRows, update: (patch: Partial<ViewState>) => void): PreviewNavigation {
  const client = useQueryClient();
  const [prefs, changePrefs] = usePreferences();
  const { items, offset, total, loadMore } = rows;
  const index = view.open ? items.findIndex((c) => c.conversationId === view.open || c.id === view.open) : -1;
  const position = index >= 0 ? offset + index + 1 : null;

  const pageOf = useCallback(
    (page: number) => {
      const query = listQueryOf({ ...view, page });
      return client.fetchQuery({ ...queries.conversationList(query), staleTime: 5000 });
    },
    [client, view],
  );

  const openAt = useCallback(
    async (target: number) => {
      if (loadMore) {
        let loaded = items;
        while (loaded.length < target && loaded.length < total) {
          const next = await loadMore();
          if (next.length === loaded.length) break;
          loaded = next;
        }
        const row = loaded[target - 1];
        if (row) update({ open: row.conversationId });
        return;
      }
      const page = Math.ceil(target / view.pageSize);
      const pageRows = page === view.page ? items : (await pageOf(page)).items;
      const row = pageRows[(target - 1) % view.pageSize];
      if (row) update({ page, open: row.conversationId });
    },
    [items, loadMore, pageOf, total, update, view.page, view.pageSize],
  );

  // Fetch the neighbours' details ahead of the key press.
  useEffect(() => {
    for (const neighbour of [items[index + 1], items[index - 1]]) {
      if (!neighbour) continue;
      void client.prefetchQuery({ ...queries.conversation(neighbour.conversationId), staleTime: 10_000 });
    }
  }, [client, items, index]);

  return {
    position,
    total,
    onPrevious: position && position > 1 ? () => void openAt(position - 1) : undefined,
    onNext: position && position < total ? () => void openAt(position + 1) : undefined,
    onJump: (n) => void openAt(n),
    autoAdvance: prefs.autoAdvance,
    onAutoAdvance: (on) => changePrefs({ autoAdvance: on }),
  };
}

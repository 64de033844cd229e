import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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
  /** The rows have arrived (an empty list is an answer too). */
  loaded: boolean;
  offset: number;
  total: number;
  loadMore?: () => Promise<ConversationSummary[]>;
}

/**
 * Moves the preview through the filtered, sorted set (US4.1.2): the rows on screen are the
 * neighbours, and stepping past the last one loads the next page (or more rows). The next and
 * previous conversations are fetched ahead, so → shows them at once.
 */
export function usePreviewNavigation(
  view: ViewState,
  rows: NavigableRows,
  update: (patch: Partial<ViewState>, options?: { replace?: boolean }) => void,
  onShowInAll: () => void,
): PreviewNavigation {
  const client = useQueryClient();
  const [prefs, changePrefs] = usePreferences();
  const { items, offset, total, loadMore } = rows;
  const index = view.open ? items.findIndex((c) => c.conversationId === view.open || c.id === view.open) : -1;
  // A link to a conversation off the rows on screen: ask the server where it stands in this
  // filtered, sorted list, then show the page that holds it.
  const { page: _page, ...listQuery } = listQueryOf(view);
  const located = useQuery({ ...queries.conversationPosition(view.open ?? '', listQuery), enabled: Boolean(view.open) && index < 0 && rows.loaded });
  const position = index >= 0 ? offset + index + 1 : (located.data?.position ?? null);

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

  const target = index < 0 ? located.data : undefined;
  // Infinite scroll loads rows until it reaches the target: start that once per target.
  const reaching = useRef<string | null>(null);
  useEffect(() => {
    if (!target?.position || !target.page) return;
    const key = `${view.open}@${target.position}`;
    if (loadMore) {
      if (reaching.current === key) return;
      reaching.current = key;
      void openAt(target.position);
    }
    else if (target.page !== view.page) update({ page: target.page }, { replace: true });
  }, [target, loadMore, openAt, update, view.page, view.open]);

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
    outsideFilter: located.data?.position === null && index < 0,
    onShowInAll,
    autoAdvance: prefs.autoAdvance,
    onAutoAdvance: (on) => changePrefs({ autoAdvance: on }),
  };
}

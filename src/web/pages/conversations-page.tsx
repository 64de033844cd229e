import { useCallback, useEffect } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Inbox, SearchX } from 'lucide-react';
import type { VisibilityState } from '@tanstack/react-table';
import type { ConversationListResponse, SortableColumn } from '../../contract/conversations';
import { Button } from '../components/ui/button';
import { ColumnMenu } from '../features/conversations/column-menu';
import { ConversationTable } from '../features/conversations/conversation-table';
import { ActiveFilters, FilterBar } from '../features/conversations/filter-bar';
import { Pagination } from '../features/conversations/pagination';
import { PreviewPanel } from '../features/conversations/preview-panel';
import { StatusLegend } from '../features/conversations/status-badge';
import { GenerationProvider, useGeneration } from '../features/conversations/use-generate';
import { useConversationList } from '../features/conversations/use-conversations';
import { activeFilterCount, parseViewState, serializeViewState, type UrlViewState, type ViewState } from '../features/conversations/view-state';
import { api } from '../lib/api';
import { useLocalState } from '../lib/use-local-state';

function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const Icon = filtered ? SearchX : Inbox;
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="empty-state">
      <Icon className="h-10 w-10 text-muted" aria-hidden />
      <p className="text-base font-medium text-text">{filtered ? 'No conversations match your filters.' : 'No conversations yet.'}</p>
      <p className="max-w-md text-sm text-muted">
        {filtered ? 'Try clearing some filters or searching for something shorter.' : 'Conversations appear here once they are planned. Tip: start with the Template tier for foundational conversations.'}
      </p>
      {filtered && (
        <Button variant="primary" onClick={onClear} className="mt-2">
          Clear filters
        </Button>
      )}
    </div>
  );
}

function ConversationsView() {
  const view = parseViewState(useSearch({ from: '/app/conversations' }));
  const navigate = useNavigate({ from: '/conversations' });
  const tracker = useGeneration();
  const [visibility, setVisibility] = useLocalState<VisibilityState>('convgen.columns', {});
  // Opening a preview or changing page adds a history entry; typing filters replaces it.
  const update = useCallback(
    (patch: Partial<ViewState>) => void navigate({ search: (prev: UrlViewState) => serializeViewState({ ...prev, ...patch }), replace: !('page' in patch || 'open' in patch) }),
    [navigate],
  );
  const clearFilters = useCallback(() => void navigate({ search: (prev: UrlViewState) => serializeViewState({ sort: prev.sort, dir: prev.dir, pageSize: prev.pageSize }) }), [navigate]);
  const list = useConversationList(view, tracker.anyPending);
  const filtered = activeFilterCount(view) > 0;
  // The unfiltered total, for "Showing 23 of 96".
  const all = useQuery({ queryKey: ['conversations', 'total'], queryFn: () => api.get<ConversationListResponse>('/api/conversations?pageSize=25'), enabled: filtered, staleTime: 10_000 });

  // A page past the end (an old link, or rows deleted meanwhile) moves to the last page.
  const lastPage = list.data ? Math.max(1, Math.ceil(list.data.total / view.pageSize)) : 1;
  useEffect(() => {
    if (list.data && view.page > lastPage) update({ page: lastPage });
  }, [list.data, view.page, lastPage, update]);

  const onSort = (column: SortableColumn) => update({ sort: column, dir: view.sort === column && view.dir === 'asc' ? 'desc' : 'asc', page: 1 });
  const open = useCallback((id: string) => update({ open: id }), [update]);
  const close = useCallback(() => update({ open: undefined }), [update]);

  return (
    <div className={view.open ? 'grid h-full min-h-0 grid-cols-[minmax(0,1fr)_clamp(380px,34vw,620px)]' : 'h-full min-h-0'}>
      <section className="flex min-h-0 min-w-0 flex-col gap-3 overflow-y-auto p-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-text">Conversations</h1>
            <p className="text-sm text-muted" data-testid="result-count">
              {list.data ? (filtered && all.data ? `Showing ${list.data.total.toLocaleString()} of ${all.data.total.toLocaleString()} conversations` : `${list.data.total.toLocaleString()} conversations`) : 'Loading…'}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <StatusLegend />
            <ColumnMenu visibility={visibility} onChange={setVisibility} />
          </div>
        </div>
        <FilterBar view={view} onChange={update} />
        <ActiveFilters view={view} onChange={update} onClear={clearFilters} />
        {list.error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{list.error.message}</p>}
        <div className="rounded-lg border border-border bg-surface shadow-sm">
          <ConversationTable
            rows={list.data?.items}
            loading={list.isFetching && !list.data}
            sort={view.sort}
            dir={view.dir}
            onSort={onSort}
            openId={view.open}
            onOpen={open}
            columnVisibility={visibility}
            pageSize={view.pageSize}
            empty={<EmptyState filtered={filtered} onClear={clearFilters} />}
          />
          {list.data && list.data.total > 0 && <Pagination page={view.page} pageSize={view.pageSize} total={list.data.total} onPage={(page) => update({ page })} onPageSize={(pageSize) => update({ pageSize, page: 1 })} />}
        </div>
      </section>
      {view.open && <PreviewPanel id={view.open} onClose={close} />}
    </div>
  );
}

export function ConversationsPage() {
  return (
    <GenerationProvider>
      <ConversationsView />
    </GenerationProvider>
  );
}

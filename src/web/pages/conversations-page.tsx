import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Download, Inbox, Keyboard, SearchX, SlidersHorizontal, Sparkles } from 'lucide-react';
import type { VisibilityState } from '@tanstack/react-table';
import type { SortableColumn } from '../../contract/conversations';
import { can } from '../../core/roles';
import { ErrorBoundary } from '../components/error-boundary';
import { Button } from '../components/ui/button';
import { RetryAllFailed } from '../features/errors/retry-all-failed';
import { ExportDialog } from '../features/export/export-dialog';
import { ColumnMenu } from '../features/conversations/column-menu';
import { ConversationTable } from '../features/conversations/conversation-table';
import { ActiveFilters, FilterBar } from '../features/conversations/filter-bar';
import { Pagination } from '../features/conversations/pagination';
import { PreviewPanel, type PreviewPanelHandle } from '../features/review/preview-panel';
import { QuickFilters } from '../features/conversations/quick-filters';
import { StatusLegend } from '../components/status-badge';
import { GenerationProvider, useGeneration } from '../features/runs/use-generate';
import { useConversationList, useConversationPages } from '../features/conversations/use-conversations';
import { LoadMore } from '../features/conversations/load-more';
import { activeFilterCount, parseViewState, serializeViewState, type UrlViewState, type ViewState } from '../features/conversations/view-state';
import { usePreviewNavigation } from '../features/review/use-preview-navigation';
import { GenerateDialog } from '../features/runs/generate-dialog';
import { ProgressPanel } from '../features/runs/progress-panel';
import { BulkActionDialog } from '../features/selection/bulk-action-dialog';
import { BulkToolbar, type BulkAction } from '../features/selection/bulk-toolbar';
import { filterOfView, isSelected, selectorOf, visibleState } from '../features/selection/selection';
import { useSelection } from '../features/selection/use-selection';
import { ShortcutsDialog } from '../features/shortcuts/shortcuts-dialog';
import { useShortcuts } from '../features/shortcuts/use-shortcuts';
import { queries } from '../lib/endpoints';
import { usePreferences } from '../lib/preferences';
import { useMe } from '../lib/queries';
import { PreferencesMenu } from '../features/shell/preferences-menu';
import { useLocalState } from '../lib/use-local-state';

function EmptyState({ filtered, onClear, onGenerateAll }: { filtered: boolean; onClear: () => void; onGenerateAll?: () => void }) {
  const Icon = filtered ? SearchX : Inbox;
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="empty-state">
      <Icon className="h-10 w-10 text-muted" aria-hidden />
      <p className="text-base font-medium text-text">{filtered ? 'No conversations match your filters.' : 'No conversations yet.'}</p>
      <p className="max-w-md text-sm text-muted">
        {filtered ? 'Try clearing some filters or searching for something shorter.' : 'Click Generate All to get started. Tip: start with the Template tier for foundational conversations.'}
      </p>
      {filtered ? (
        <Button variant="primary" onClick={onClear} className="mt-2">
          Clear filters
        </Button>
      ) : (
        onGenerateAll && (
          <Button variant="primary" onClick={onGenerateAll} className="mt-2">
            <Sparkles className="h-4 w-4" aria-hidden /> Generate conversations
          </Button>
        )
      )}
    </div>
  );
}

function ConversationsView() {
  const view = parseViewState(useSearch({ from: '/app/conversations' }));
  const navigate = useNavigate({ from: '/conversations' });
  const tracker = useGeneration();
  const { data: me } = useMe();
  const role = me?.role ?? 'viewer';
  const [visibility, setVisibility] = useLocalState<VisibilityState>('convgen.columns', {});
  const [filtersOpen, setFiltersOpen] = useLocalState('convgen.filters-open', true);
  const [dialog, setDialog] = useState<BulkAction | 'generate-all' | 'shortcuts' | 'export' | null>(null);
  const preview = useRef<PreviewPanelHandle>(null);

  // Opening a preview or changing page adds a history entry; typing filters replaces it.
  const update = useCallback(
    (patch: Partial<ViewState>) => void navigate({ search: (prev: UrlViewState) => serializeViewState({ ...prev, ...patch }), replace: !('page' in patch || 'open' in patch) }),
    [navigate],
  );
  const clearFilters = useCallback(() => void navigate({ search: (prev: UrlViewState) => serializeViewState({ sort: prev.sort, dir: prev.dir, pageSize: prev.pageSize }) }), [navigate]);
  const [prefs] = usePreferences();
  const infinite = prefs.infiniteScroll;
  const paged = useConversationList(view, tracker.anyPending);
  const scrolled = useConversationPages(view, infinite);
  // One shape for both ways of showing rows: a page, or every row loaded so far.
  const list = infinite
    ? { data: scrolled.data ? { items: scrolled.data.pages.flatMap((p) => p.items), total: scrolled.data.pages[0]?.total ?? 0 } : undefined, error: scrolled.error, isFetching: scrolled.isFetching }
    : paged;
  const loadMore = useCallback(async () => {
    const result = await scrolled.fetchNextPage();
    return result.data?.pages.flatMap((p) => p.items) ?? [];
  }, [scrolled]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = scrolled;
  const fetchMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const filtered = activeFilterCount(view) > 0;
  // The unfiltered total, for "Showing 23 of 96".
  const all = useQuery({ ...queries.conversationTotal(), enabled: filtered, staleTime: 10_000 });
  const filter = useMemo(() => filterOfView(view), [view]);
  const selection = useSelection(JSON.stringify(filter));
  const visibleRows = useMemo(() => (list.data?.items ?? []).map((c) => ({ id: c.id, conversationId: c.conversationId, status: c.status })), [list.data]);
  const nav = usePreviewNavigation(
    view,
    { items: list.data?.items ?? [], offset: infinite ? 0 : (view.page - 1) * view.pageSize, total: list.data?.total ?? 0, loadMore: infinite ? loadMore : undefined },
    update,
  );

  // A page past the end (an old link, or rows deleted meanwhile) moves to the last page.
  const lastPage = paged.data ? Math.max(1, Math.ceil(paged.data.total / view.pageSize)) : 1;
  useEffect(() => {
    if (!infinite && paged.data && view.page > lastPage) update({ page: lastPage });
  }, [infinite, paged.data, view.page, lastPage, update]);

  const onSort = (column: SortableColumn) => update({ sort: column, dir: view.sort === column && view.dir === 'asc' ? 'desc' : 'asc', page: 1 });
  const open = useCallback((id: string) => update({ open: id }), [update]);
  const close = useCallback(() => update({ open: undefined }), [update]);
  const canGenerate = can(role, 'conversations:generate');
  const canReview = can(role, 'conversations:review');
  const canExport = can(role, 'exports:create');

  useShortcuts(prefs.shortcuts, {
    onHelp: () => setDialog('shortcuts'),
    onExport: canExport ? () => setDialog('export') : undefined,
    onSelectPage: () => {
      if (visibleState(selection.selection, visibleRows) !== true) selection.toggleVisible(visibleRows);
    },
    onPrevious: view.open ? nav.onPrevious : undefined,
    onNext: view.open ? nav.onNext : undefined,
    onApprove: view.open ? () => preview.current?.review('approve') : undefined,
    onReject: view.open ? () => preview.current?.review('reject') : undefined,
  });

  const bulkKind = dialog === 'approve' || dialog === 'reject' || dialog === 'delete' ? dialog : null;
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
          <div className="flex flex-wrap items-center gap-2">
            <StatusLegend />
            <ColumnMenu visibility={visibility} onChange={setVisibility} />
            <PreferencesMenu />
            <Button size="icon" variant="ghost" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
              <Keyboard className="h-4 w-4" />
            </Button>
            <RetryAllFailed />
            {canExport && (
              <Button onClick={() => setDialog('export')} title="Export (Ctrl/⌘+E)">
                <Download className="h-4 w-4" aria-hidden /> Export
              </Button>
            )}
            {canGenerate && (
              <Button variant="primary" onClick={() => setDialog('generate-all')}>
                <Sparkles className="h-4 w-4" aria-hidden /> Generate All
              </Button>
            )}
          </div>
        </div>
        <ProgressPanel />
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant={filtersOpen ? 'secondary' : 'ghost'} onClick={() => setFiltersOpen(!filtersOpen)} aria-expanded={filtersOpen} aria-controls="filter-panel">
            <SlidersHorizontal className="h-3.5 w-3.5" aria-hidden /> Filters{activeFilterCount(view) ? ` (${activeFilterCount(view)})` : ''}
          </Button>
          <QuickFilters view={view} onChange={update} />
        </div>
        {filtersOpen && (
          <div id="filter-panel">
            <FilterBar view={view} onChange={update} />
          </div>
        )}
        <ActiveFilters view={view} onChange={update} onClear={clearFilters} />
        <BulkToolbar
          selection={selection.selection}
          pageFullySelected={visibleState(selection.selection, visibleRows) === true}
          matchingTotal={list.data?.total}
          onSelectAllMatching={() => list.data && selection.selectAllMatching(filter, list.data.total)}
          onClear={selection.clear}
          onAction={setDialog}
          allowed={{ generate: canGenerate, approve: canReview, reject: canReview, delete: can(role, 'conversations:delete') }}
        />
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
            // Beside the preview the table keeps the columns a reviewer scans (status and quality stay in
            // view); the preview has its own Generate button.
            columnVisibility={view.open ? { ...visibility, intent: false, tone: false, generatedAt: false, actions: false } : visibility}
            pageSize={view.pageSize}
            empty={<EmptyState filtered={filtered} onClear={clearFilters} onGenerateAll={canGenerate ? () => setDialog('generate-all') : undefined} />}
            isSelected={(id) => isSelected(selection.selection, id)}
            headerState={visibleState(selection.selection, visibleRows)}
            onToggleRow={selection.toggleRow}
            onToggleVisible={selection.toggleVisible}
          />
          {list.data && list.data.total > 0 && !infinite && (
            <Pagination page={view.page} pageSize={view.pageSize} total={list.data.total} onPage={(page) => update({ page })} onPageSize={(pageSize) => update({ pageSize, page: 1 })} />
          )}
          {list.data && list.data.total > 0 && infinite && <LoadMore loaded={list.data.items.length} total={list.data.total} loading={scrolled.isFetchingNextPage} onMore={fetchMore} />}
        </div>
      </section>
      {view.open && (
        <ErrorBoundary section="preview" label="The preview" compact resetKeys={[view.open]}>
          <PreviewPanel ref={preview} id={view.open} onClose={close} nav={nav} canReview={canReview} onReviewed={() => nav.autoAdvance && nav.onNext?.()} />
        </ErrorBoundary>
      )}

      {bulkKind && <BulkActionDialog kind={bulkKind} selection={selection.selection} open onOpenChange={(o) => !o && setDialog(null)} onDone={selection.clear} />}
      <GenerateDialog
        title="Generate the selected conversations?"
        selector={selectorOf(selection.selection)}
        open={dialog === 'generate'}
        onOpenChange={(o) => !o && setDialog(null)}
        onStarted={selection.clear}
      />
      <GenerateDialog title="Generate all conversations?" selector={{ all: true }} open={dialog === 'generate-all'} onOpenChange={(o) => !o && setDialog(null)} requireAcknowledgement />
      <ShortcutsDialog open={dialog === 'shortcuts'} onOpenChange={(o) => !o && setDialog(null)} />
      <ExportDialog open={dialog === 'export'} onOpenChange={(o) => !o && setDialog(null)} viewFilter={filter} />
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

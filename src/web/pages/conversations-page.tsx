import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { CheckCheck, Download, Inbox, Keyboard, ListPlus, SearchX, SlidersHorizontal, Sparkles } from 'lucide-react';
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
import { StatusPills } from '../features/conversations/status-pills';
import { GenerationProvider, useGeneration } from '../features/runs/use-generate';
import { useConversationList, useConversationPages } from '../features/conversations/use-conversations';
import { LoadMore } from '../features/conversations/load-more';
import { activeFilterCount, parseViewState, serializeViewState, type UrlViewState, type ViewState } from '../features/conversations/view-state';
import { usePreviewNavigation } from '../features/review/use-preview-navigation';
import { GenerateDialog } from '../features/runs/generate-dialog';
import { PlanDialog } from '../features/planning/plan-dialog';
import { GenerateFromCategory } from '../features/conversations/generate-from-category';
import { ProgressPanel } from '../features/runs/progress-panel';
import { BulkActionDialog } from '../features/selection/bulk-action-dialog';
import { RegenerateManyDialog } from '../features/regenerate/regenerate-many-dialog';
import { BulkToolbar, type BulkAction } from '../features/selection/bulk-toolbar';
import { filterOfView, isSelected, selectedCount, selectorOf, visibleState } from '../features/selection/selection';
import { useSelection } from '../features/selection/use-selection';
import { ShortcutsDialog } from '../features/shortcuts/shortcuts-dialog';
import { useShortcuts } from '../features/shortcuts/use-shortcuts';
import { SeedComparisonCard } from '../features/seeds/seed-comparison-card';
import { SeedFilter } from '../features/seeds/seed-filter';
import { NearDuplicateFilter } from '../features/duplicates/near-duplicate-filter';
import { SeedImportDialog } from '../features/seeds/seed-import-dialog';
import { queries } from '../lib/endpoints';
import { usePreferences } from '../lib/preferences';
import { useMe } from '../lib/queries';
import { PreferencesMenu } from '../features/shell/preferences-menu';
import { ChecklistPanel } from '../features/checklist/checklist-card';
import { useLocalState } from '../lib/use-local-state';

type EmptyKind = 'none-yet' | 'caught-up' | 'filtered';

const EMPTY: Record<EmptyKind, { icon: typeof Inbox; title: string; text: string }> = {
  'none-yet': { icon: Inbox, title: 'No conversations yet.', text: 'Plan conversations first: choose how many, and convgen spreads them across your personas, emotions, topics and documents. Then generate them.' },
  'caught-up': { icon: CheckCheck, title: 'All caught up.', text: 'Nothing here is waiting for review. Generate more conversations, or look at what you approved.' },
  filtered: { icon: SearchX, title: 'No conversations match your filters.', text: 'Try clearing some filters or searching for something shorter.' },
};

function EmptyState({ kind, onClear, onPlan, onShowApproved }: { kind: EmptyKind; onClear: () => void; onPlan?: () => void; onShowApproved: () => void }) {
  const { icon: Icon, title, text } = EMPTY[kind];
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="empty-state">
      <Icon className={kind === 'caught-up' ? 'h-10 w-10 text-success' : 'h-10 w-10 text-muted'} aria-hidden />
      <p className="text-base font-medium text-text">{title}</p>
      <p className="max-w-md text-sm text-muted">{text}</p>
      <div className="mt-2 flex gap-2">
        {kind === 'caught-up' && (
          <Button variant="primary" onClick={onShowApproved}>
            Show approved
          </Button>
        )}
        {kind !== 'none-yet' && (
          <Button variant={kind === 'filtered' ? 'primary' : 'secondary'} onClick={onClear}>
            Clear filters
          </Button>
        )}
        {kind === 'none-yet' && onPlan && (
          <Button variant="primary" onClick={onPlan}>
            <ListPlus className="h-4 w-4" aria-hidden /> Plan conversations
          </Button>
        )}
      </div>
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
  const [dialog, setDialog] = useState<BulkAction | 'generate-all' | 'shortcuts' | 'export' | 'import-seeds' | null>(null);
  const preview = useRef<PreviewPanelHandle>(null);

  // Opening a preview or changing page adds a history entry; typing filters replaces it.
  const update = useCallback(
    (patch: Partial<ViewState>, options?: { replace?: boolean }) =>
      void navigate({ search: (prev: UrlViewState) => serializeViewState({ ...prev, ...patch }), replace: options?.replace ?? !('page' in patch || 'open' in patch) }),
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
    { items: list.data?.items ?? [], loaded: Boolean(list.data), offset: infinite ? 0 : (view.page - 1) * view.pageSize, total: list.data?.total ?? 0, loadMore: infinite ? loadMore : undefined },
    update,
    useCallback(() => void navigate({ search: (prev: UrlViewState) => serializeViewState({ sort: prev.sort, dir: prev.dir, pageSize: prev.pageSize, open: prev.open }) }), [navigate]),
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
    onRegenerate: view.open && canReview ? () => preview.current?.regenerate() : undefined,
    // ↓ from anywhere but a control starts keyboard review: the open row, or the first.
    onFocusRows: () => {
      const rows = document.querySelectorAll<HTMLElement>('tr[data-row]');
      const current = [...rows].find((row) => row.getAttribute('aria-current') === 'true');
      (current ?? rows[0])?.focus();
    },
  });
  const emptyKind: EmptyKind = !filtered ? 'none-yet' : view.status?.length === 1 && view.status[0] === 'generated' ? 'caught-up' : 'filtered';

  const bulkKind = dialog === 'approve' || dialog === 'reject' || dialog === 'delete' ? dialog : null;
  return (
    <div className={view.open ? 'grid h-full min-h-0 grid-cols-[minmax(0,1fr)_clamp(380px,34vw,620px)]' : 'h-full min-h-0'}>
      <section className="@container flex h-full min-h-0 min-w-0 flex-col gap-3 overflow-y-auto p-5">
        {/* One row that never wraps: labels give way to icons before a button moves. */}
        <div className="flex items-end justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold text-text">Conversations</h1>
            <p className="truncate text-sm text-muted" data-testid="result-count">
              {list.data ? (filtered && all.data ? `Showing ${list.data.total.toLocaleString()} of ${all.data.total.toLocaleString()} conversations` : `${list.data.total.toLocaleString()} conversations`) : 'Loading…'}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <ColumnMenu visibility={visibility} onChange={setVisibility} />
            <PreferencesMenu />
            <Button size="icon" variant="ghost" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
              <Keyboard className="h-4 w-4" />
            </Button>
            <RetryAllFailed />
            {canExport && (
              <Button onClick={() => setDialog('export')} title="Export (Ctrl/⌘+E)" aria-label="Export">
                <Download className="h-4 w-4" aria-hidden /> <span className="hidden @3xl:inline">Export</span>
              </Button>
            )}
            {canGenerate && (
              <Button onClick={() => update({ plan: 1 })} title="Plan conversations" aria-label="Plan conversations">
                <ListPlus className="h-4 w-4" aria-hidden /> <span className="hidden @3xl:inline">Plan</span>
              </Button>
            )}
            {canGenerate && (
              <Button variant="primary" onClick={() => setDialog('generate-all')}>
                <Sparkles className="h-4 w-4" aria-hidden /> Generate All
              </Button>
            )}
          </div>
        </div>
        <ChecklistPanel />
        <ProgressPanel />
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant={filtersOpen ? 'secondary' : 'ghost'} onClick={() => setFiltersOpen(!filtersOpen)} aria-expanded={filtersOpen} aria-controls="filter-panel">
            <SlidersHorizontal className="h-3.5 w-3.5" aria-hidden /> Filters{activeFilterCount(view) ? ` (${activeFilterCount(view)})` : ''}
          </Button>
          <StatusPills view={view} onChange={update} rowsShown={Boolean(list.data)} />
          <SeedFilter value={view.seed} onChange={(seed) => update({ seed, page: 1 })} />
          <NearDuplicateFilter value={view.nearDuplicate} onChange={(nearDuplicate) => update({ nearDuplicate, page: 1 })} />
        </div>
        {filtersOpen && (
          <div id="filter-panel">
            <FilterBar view={view} onChange={update} />
          </div>
        )}
        <ActiveFilters view={view} onChange={update} onClear={clearFilters} />
        {canGenerate && <GenerateFromCategory categories={view.category} />}
        {view.seed === 'only' && <SeedComparisonCard onImport={canGenerate ? () => setDialog('import-seeds') : undefined} />}
        <BulkToolbar
          selection={selection.selection}
          pageFullySelected={visibleState(selection.selection, visibleRows) === true}
          matchingTotal={list.data?.total}
          onSelectAllMatching={() => list.data && selection.selectAllMatching(filter, list.data.total)}
          onClear={selection.clear}
          onAction={setDialog}
          allowed={{ generate: canGenerate, approve: canReview, reject: canReview, regenerate: canReview, delete: can(role, 'conversations:delete') }}
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
            // Beside the preview, the preview's own Generate button replaces the rows'; the table
            // fits the rest to the width that is left.
            columnVisibility={view.open ? { ...visibility, actions: false } : visibility}
            pageSize={view.pageSize}
            empty={<EmptyState kind={emptyKind} onClear={clearFilters} onShowApproved={() => update({ status: ['approved'], page: 1 })} onPlan={canGenerate ? () => update({ plan: 1 }) : undefined} />}
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

      {dialog === 'regenerate' && <RegenerateManyDialog selector={selectorOf(selection.selection)} count={selectedCount(selection.selection)} open onOpenChange={(o) => !o && setDialog(null)} onDone={selection.clear} canGenerate={canGenerate} />}
      {bulkKind && <BulkActionDialog kind={bulkKind} selection={selection.selection} open onOpenChange={(o) => !o && setDialog(null)} onDone={selection.clear} />}
      <GenerateDialog
        title="Generate the selected conversations?"
        selector={selectorOf(selection.selection)}
        open={dialog === 'generate'}
        onOpenChange={(o) => !o && setDialog(null)}
        onStarted={selection.clear}
      />
      <GenerateDialog title="Generate all conversations?" selector={{ all: true }} open={dialog === 'generate-all'} onOpenChange={(o) => !o && setDialog(null)} requireAcknowledgement />
      {canGenerate && <PlanDialog open={view.plan === 1} onOpenChange={(o) => !o && update({ plan: undefined }, { replace: true })} />}
      <SeedImportDialog open={dialog === 'import-seeds'} onOpenChange={(o) => !o && setDialog(null)} />
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

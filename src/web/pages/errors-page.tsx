import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Download, PartyPopper, SearchX, X } from 'lucide-react';
import type { GenerationLogSummary } from '../../contract/generation-logs';
import { errorKindName, explainError, RECORDED_ERROR_KINDS } from '../../core/error-guide';
import { Button } from '../components/ui/button';
import { DataTable } from '../components/ui/data-table';
import { DateRange, Field, Select } from '../components/ui/filter-fields';
import { Input } from '../components/ui/input';
import { Tooltip } from '../components/ui/tooltip';
import { ApiError } from '../lib/api';
import { endpoints, queries } from '../lib/endpoints';
import { formatDate, runKindName } from '../lib/format';
import { useRecentRuns } from '../lib/queries';
import { ErrorCategoryBadge, RetryabilityBadge } from '../features/errors/error-category-badge';
import { ErrorDialog } from '../features/errors/error-dialog';
import { activeErrorFilters, ERROR_LOG_PAGE_SIZE, errorLogApiQuery, type ErrorLogSearch } from '../features/errors/error-log-search';
import { RetryAllFailed } from '../features/errors/retry-all-failed';
import { PageSteps } from '../components/ui/page-steps';
import { EmptyState } from '../components/ui/empty-state';

/** With seconds: retries of one conversation happen within the same minute. */
const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

const guideOf = (row: GenerationLogSummary) => explainError({ kind: row.errorKind, message: row.errorMessage, httpStatus: row.httpStatus });
const dash = <span className="text-muted">—</span>;

function errorColumns(onDetails: (conversationId: string) => void): ColumnDef<GenerationLogSummary>[] {
  return [
    {
      id: 'time',
      header: 'Time',
      meta: { className: 'whitespace-nowrap text-muted' },
      cell: ({ row }) => <span title={row.original.createdAt}>{formatTime(row.original.createdAt)}</span>,
    },
    {
      id: 'conversation',
      header: 'Conversation',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row }) =>
        row.original.conversationLabel ? (
          <Link to="/conversations" search={{ open: row.original.conversationLabel }} className="font-mono text-xs text-primary hover:underline">
            {row.original.conversationLabel}
          </Link>
        ) : (
          dash
        ),
    },
    {
      id: 'kind',
      header: 'Kind',
      cell: ({ row }) => {
        const guide = guideOf(row.original);
        return (
          <div className="flex flex-col items-start gap-1">
            <ErrorCategoryBadge category={guide.category} />
            <Tooltip content={`${guide.title}. ${guide.nextStep}`}>
              <span className="text-xs font-medium whitespace-nowrap text-text" data-testid="error-kind" data-kind={guide.kind}>
                {guide.name}
              </span>
            </Tooltip>
          </div>
        );
      },
    },
    {
      id: 'message',
      header: 'Message',
      meta: { className: 'max-w-[34rem]' },
      cell: ({ row }) => (
        <>
          <p className="line-clamp-2 break-words" title={row.original.errorMessage ?? undefined}>
            {row.original.errorMessage ?? '—'}
          </p>
        </>
      ),
    },
    { id: 'http', header: 'HTTP', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.httpStatus ?? dash },
    { id: 'attempt', header: 'Attempt', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.attempt },
    { id: 'retry', header: 'Retry', cell: ({ row }) => <RetryabilityBadge retryable={guideOf(row.original).retryable} /> },
    {
      id: 'details',
      header: () => <span className="sr-only">Details</span>,
      meta: { align: 'right' },
      cell: ({ row }) =>
        row.original.conversationId && (
          <Button size="sm" variant="ghost" onClick={() => onDetails(row.original.conversationId!)} aria-label={`Details of ${row.original.conversationLabel ?? 'this error'}`}>
            Details
          </Button>
        ),
    },
  ];
}

/**
 * Every failed provider call, newest first, with filters in the URL (US2.2.2's error log): each
 * row explained in plain words and coloured by whose side the problem is on.
 */
export function ErrorsPage() {
  const search = useSearch({ from: '/app/errors' });
  const navigate = useNavigate({ from: '/errors' });
  const setSearch = (patch: Partial<ErrorLogSearch>) => void navigate({ search: (prev: ErrorLogSearch) => ({ ...prev, ...patch, page: 'page' in patch ? patch.page : undefined }) });
  const query = errorLogApiQuery(search, { paged: true });
  const logs = useQuery({
    ...queries.generationLogs(query),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const [dialogFor, setDialogFor] = useState<string | null>(null);
  const columns = useMemo(() => errorColumns(setDialogFor), []);
  const filters = activeErrorFilters(search);
  const csvHref = endpoints.generationLogs.csvUrl(errorLogApiQuery(search, { paged: false }));
  const page = search.page ?? 1;
  const total = logs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ERROR_LOG_PAGE_SIZE));

  return (
    <section className="flex h-full flex-col overflow-y-auto p-5" aria-labelledby="errors-heading">
      <header className="mb-4 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 id="errors-heading" className="text-xl font-semibold">
            Errors
          </h1>
          <p className="text-sm text-muted">Every failed generation attempt, newest first. Red: fix something in your data or settings. Orange: convgen itself. Yellow: the AI provider.</p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <RetryAllFailed />
          <a href={csvHref} download className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium text-text shadow-sm hover:bg-surface-muted" data-testid="errors-csv">
            <Download className="h-4 w-4" aria-hidden /> Download CSV
          </a>
        </div>
      </header>

      {/* Keyed by the URL's conversation so its text box follows back/forward and Clear. */}
      <Filters key={search.conversationId ?? ''} search={search} setSearch={setSearch} active={filters} />

      <div className="mt-3 rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={logs.data?.items}
          columns={columns}
          label="Error log"
          getRowId={(row) => row.id}
          loading={logs.isLoading}
          skeletonRows={6}
          rowProps={(row) => ({ className: 'align-top', 'data-kind': row.errorKind ?? '' })}
          empty={<Empty filtered={filters > 0} onClear={() => void navigate({ search: {} })} />}
        />
        {logs.error && (
          <p role="alert" className="px-4 py-6 text-center text-danger">
            {logs.error instanceof ApiError ? `${logs.error.message} ${logs.error.hint}` : 'The error log could not be loaded.'}
          </p>
        )}
        {logs.data && total > 0 && (
          <footer className="flex items-center justify-between gap-3 border-t border-border px-3 py-2 text-sm text-muted">
            <span data-testid="errors-count">
              {total === 1 ? '1 failed attempt' : `Showing ${(page - 1) * ERROR_LOG_PAGE_SIZE + 1}–${Math.min(total, page * ERROR_LOG_PAGE_SIZE)} of ${total} failed attempts`}
            </span>
            <PageSteps page={page} pages={pages} onPage={(next) => setSearch({ page: next > 1 ? next : undefined })} />
          </footer>
        )}
      </div>
      {dialogFor && <ErrorDialog conversationId={dialogFor} open onOpenChange={(o) => !o && setDialogFor(null)} />}
    </section>
  );
}

function Filters({ search, setSearch, active }: { search: ErrorLogSearch; setSearch: (patch: Partial<ErrorLogSearch>) => void; active: number }) {
  const { data: runs } = useRecentRuns();
  const [conversation, setConversation] = useState(search.conversationId ?? '');
  const commitConversation = () => {
    const value = conversation.trim();
    if (value !== (search.conversationId ?? '')) setSearch({ conversationId: value || undefined });
  };
  const selectedKinds = search.errorKind ?? [];
  const kindValue = selectedKinds.length === 1 ? selectedKinds[0] : selectedKinds.length ? '__several' : '';
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2.5 shadow-sm" role="search" aria-label="Error filters">
      <Field label="Conversation" htmlFor="errors-conversation">
        <Input
          id="errors-conversation"
          className="h-8 w-40"
          placeholder="conv-00042"
          value={conversation}
          onChange={(e) => setConversation(e.target.value)}
          onBlur={commitConversation}
          onKeyDown={(e) => e.key === 'Enter' && commitConversation()}
        />
      </Field>
      <Field label="Kind" htmlFor="errors-kind">
        <Select id="errors-kind" value={kindValue} onChange={(v) => v !== '__several' && setSearch({ errorKind: v ? [v] : undefined })}>
          <option value="">All kinds</option>
          {kindValue === '__several' && <option value="__several">{selectedKinds.length} kinds</option>}
          {RECORDED_ERROR_KINDS.map((k) => (
            <option key={k} value={k}>
              {errorKindName(k)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Run" htmlFor="errors-run">
        <Select id="errors-run" value={search.runId ?? ''} onChange={(v) => setSearch({ runId: v || undefined })}>
          <option value="">All runs</option>
          {search.runId && !runs?.items.some((r) => r.id === search.runId) && <option value={search.runId}>Run {search.runId.slice(0, 8)}</option>}
          {runs?.items.map((r) => (
            <option key={r.id} value={r.id}>
              {formatDate(r.createdAt)} · {runKindName(r.kind)} · {r.failed} failed
            </option>
          ))}
        </Select>
      </Field>
      <DateRange from={search.from} to={search.to} onChange={setSearch} idPrefix="errors" />
      {search.templateId && (
        <span className="mb-0.5 inline-flex h-7 items-center gap-1 rounded-full bg-primary-soft px-2.5 text-xs text-primary">
          Template {search.templateId.slice(0, 8)}
          <button type="button" aria-label="Remove the template filter" onClick={() => setSearch({ templateId: undefined })}>
            <X className="h-3.5 w-3.5" />
          </button>
        </span>
      )}
      {active > 0 && (
        <Button
          size="sm"
          variant="ghost"
          className="mb-0.5"
          onClick={() => {
            setConversation('');
            setSearch({ conversationId: undefined, runId: undefined, templateId: undefined, errorKind: undefined, from: undefined, to: undefined });
          }}
        >
          Clear filters ({active})
        </Button>
      )}
    </div>
  );
}

function Empty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const Icon = filtered ? SearchX : PartyPopper;
  return (
    <EmptyState
      icon={Icon}
      testId="errors-empty"
      title={filtered ? 'No errors match these filters.' : 'No errors. Every generation so far has worked.'}
      hint={filtered ? 'Widen the date range or clear the filters.' : 'Failed attempts appear here with what went wrong and what to do.'}
    >
      {filtered && (
        <Button size="sm" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </EmptyState>
  );
}

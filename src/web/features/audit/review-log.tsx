import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Check, ClipboardList, RotateCcw, Scale, SearchX, X, Pencil } from 'lucide-react';
import type { ReviewEvent } from '../../../contract/audit';
import { STATUS_LABELS, type ConversationStatus } from '../../../core/statuses';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { DataTable } from '../../components/ui/data-table';
import { endpoints, queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { activeReviewFilters, AUDIT_PAGE_SIZE, parseConversationList, reviewLogApiQuery, type AuditSearch } from './audit-search';
import { DateRange, Field, Select } from '../../components/ui/filter-fields';
import { CsvLink, LoadError, type SetAuditSearch } from './controls';
import { ACTION_LABELS, formatEventTime, reviewerName } from './describe-event';
import { PageSteps } from '../../components/ui/page-steps';
import { EmptyState } from '../../components/ui/empty-state';

const ACTION_STYLE: Record<ReviewEvent['action'], { icon: typeof Check; className: string }> = {
  approve: { icon: Check, className: 'bg-success-soft text-success' },
  reject: { icon: X, className: 'bg-danger-soft text-danger' },
  undo: { icon: RotateCcw, className: 'bg-warning-soft text-warning' },
  edit: { icon: Pencil, className: 'bg-info-soft text-info' },
  judge: { icon: Scale, className: 'bg-info-soft text-info' },
};

const statusLabel = (s: string) => STATUS_LABELS[s as ConversationStatus] ?? s;

const COLUMNS: ColumnDef<ReviewEvent>[] = [
  {
    id: 'time',
    header: 'Time',
    meta: { className: 'whitespace-nowrap text-muted' },
    cell: ({ row }) => <span title={row.original.createdAt}>{formatEventTime(row.original.createdAt)}</span>,
  },
  {
    id: 'conversation',
    header: 'Conversation',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row }) => (
      <Link to="/conversations" search={{ open: row.original.conversationLabel }} className="font-mono text-xs text-primary hover:underline">
        {row.original.conversationLabel}
      </Link>
    ),
  },
  { id: 'action', header: 'Action', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => <ActionBadge event={row.original} /> },
  {
    id: 'status',
    header: 'Status',
    meta: { className: 'text-xs whitespace-nowrap text-muted' },
    cell: ({ row }) => (
      <>
        {statusLabel(row.original.fromStatus)} → <span className="text-text">{statusLabel(row.original.toStatus)}</span>
      </>
    ),
  },
  {
    id: 'reviewer',
    header: 'Reviewer',
    cell: ({ row }) => (
      <>
        <p className={cn('whitespace-nowrap', !row.original.reviewer && 'text-muted italic')} data-testid="audit-reviewer">
          {reviewerName(row.original)}
        </p>
        {row.original.reviewer && <p className="text-xs text-muted">{row.original.reviewer.email}</p>}
      </>
    ),
  },
  {
    id: 'notes',
    header: 'Notes',
    meta: { className: 'max-w-[32rem]' },
    cell: ({ row }) =>
      row.original.notes ? (
        <p className="line-clamp-2 break-words" title={row.original.notes}>
          {row.original.notes}
        </p>
      ) : (
        <span className="text-muted">—</span>
      ),
  },
];

/** Every approve, reject and undo across conversations, newest first, filtered from the URL (US9.3.2). */
export function ReviewLog({ search, setSearch, clear }: { search: AuditSearch; setSearch: SetAuditSearch; clear: () => void }) {
  const query = reviewLogApiQuery(search, { paged: true });
  const events = useQuery({
    ...queries.reviewEvents(query),
    placeholderData: keepPreviousData,
  });
  const filters = activeReviewFilters(search);
  const page = search.page ?? 1;
  const total = events.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const csvHref = endpoints.audit.reviewsCsvUrl(reviewLogApiQuery(search, { paged: false }));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {/* Keyed by the URL's list so the text box follows back/forward and Clear. */}
        <Filters key={search.conversationId?.join(',') ?? ''} search={search} setSearch={setSearch} active={filters} clear={clear} />
        <CsvLink href={csvHref} testId="audit-csv" label={filters ? 'Download filtered CSV' : 'Download CSV'} />
      </div>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={events.data?.items}
          columns={COLUMNS}
          label="Review log"
          getRowId={(event) => event.id}
          loading={events.isLoading}
          skeletonRows={6}
          rowProps={(event) => ({ className: 'align-top', 'data-action': event.action })}
          empty={<Empty filtered={filters > 0} onClear={clear} />}
        />
        {events.error && <LoadError error={events.error} what="The review log" />}
        {events.data && total > 0 && (
          <footer className="flex items-center justify-between gap-3 border-t border-border px-3 py-2 text-sm text-muted">
            <span data-testid="audit-count">
              {total === 1 ? '1 review event' : `Showing ${(page - 1) * AUDIT_PAGE_SIZE + 1}–${Math.min(total, page * AUDIT_PAGE_SIZE)} of ${total.toLocaleString()} review events`}
            </span>
            <PageSteps page={page} pages={pages} onPage={(next) => setSearch({ page: next > 1 ? next : undefined })} />
          </footer>
        )}
      </div>
    </div>
  );
}

function ActionBadge({ event }: { event: ReviewEvent }) {
  const style = ACTION_STYLE[event.action];
  const Icon = style.icon;
  return (
    <>
      <span className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium', style.className)}>
        <Icon className="h-3 w-3" aria-hidden />
        {event.action === 'undo' ? 'Undo' : ACTION_LABELS[event.action]}
      </span>
      {event.actionId && (
        <span className="ml-1.5 rounded bg-surface-muted px-1 py-px text-[10px] text-muted" title={`Bulk action ${event.actionId}`}>
          bulk
        </span>
      )}
    </>
  );
}

function Filters({ search, setSearch, active, clear }: { search: AuditSearch; setSearch: SetAuditSearch; active: number; clear: () => void }) {
  // Everyone who ever reviewed, for the reviewer menu: the all-time activity report lists exactly them.
  const reviewers = useQuery({ ...queries.activity({}), staleTime: 60_000 });
  const [conversations, setConversations] = useState(search.conversationId?.join(', ') ?? '');
  const commit = () => {
    const ids = parseConversationList(conversations);
    if (ids.join(',') !== (search.conversationId?.join(',') ?? '')) setSearch({ conversationId: ids.length ? ids : undefined });
  };
  const people = reviewers.data?.users.filter((u) => u.userId) ?? [];
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2.5 shadow-sm" role="search" aria-label="Review log filters">
      <Field label="Conversations" htmlFor="audit-conversations">
        <Input
          id="audit-conversations"
          className="h-8 w-56"
          placeholder="conv-00042, conv-00043"
          value={conversations}
          onChange={(e) => setConversations(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </Field>
      <Field label="Reviewer" htmlFor="audit-reviewer">
        <Select id="audit-reviewer" value={search.reviewerId ?? ''} onChange={(v) => setSearch({ reviewerId: v || undefined })}>
          <option value="">Everyone</option>
          {search.reviewerId && !people.some((p) => p.userId === search.reviewerId) && <option value={search.reviewerId}>User {search.reviewerId.slice(0, 8)}</option>}
          {people.map((p) => (
            <option key={p.userId} value={p.userId!}>
              {p.name} ({p.email})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action" htmlFor="audit-action">
        <Select id="audit-action" value={search.action ?? ''} onChange={(v) => setSearch({ action: (v || undefined) as AuditSearch['action'] })}>
          <option value="">All actions</option>
          <option value="approve">Approved</option>
          <option value="reject">Rejected</option>
          <option value="undo">Undo of a bulk review</option>
          <option value="edit">Edited</option>
          <option value="judge">Judged (LLM judge)</option>
        </Select>
      </Field>
      <DateRange from={search.from} to={search.to} onChange={setSearch} idPrefix="audit" />
      {active > 0 && (
        <Button
          size="sm"
          variant="ghost"
          className="mb-0.5"
          onClick={() => {
            setConversations('');
            clear();
          }}
        >
          Clear filters ({active})
        </Button>
      )}
    </div>
  );
}

function Empty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const Icon = filtered ? SearchX : ClipboardList;
  return (
    <EmptyState
      icon={Icon}
      testId="audit-empty"
      title={filtered ? 'No review events match these filters.' : 'No review events yet.'}
      hint={filtered ? 'Widen the date range or clear the filters.' : 'Approve or reject generated conversations: every decision is recorded here with who made it, when and why.'}
    >
      {filtered ? (
        <Button size="sm" onClick={onClear}>
          Clear filters
        </Button>
      ) : (
        <Link to="/conversations" search={{ status: ['generated'] }} className="inline-flex h-7 items-center rounded-md bg-primary px-2.5 text-xs font-medium text-white hover:bg-primary-hover">
          Review generated conversations
        </Link>
      )}
    </EmptyState>
  );
}

import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { ChevronRight, Copy, LifeBuoy, ListFilter, Mail, RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import { can } from '../../../core/roles';
import type { ConversationDetail } from '../../../contract/conversations';
import type { GenerationLogSummary } from '../../../contract/generation-logs';
import { explainError, type ErrorGuide } from '../../../core/error-guide';
import { TIER_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
import { Dialog } from '../../components/ui/dialog';
import { Skeleton } from '../../components/ui/skeleton';
import { Tooltip } from '../../components/ui/tooltip';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { copyText } from '../../lib/clipboard';
import { cn } from '../../lib/cn';
import { formatDate, timeAgo } from '../../lib/format';
import { useHealth, useLabels, useMe } from '../../lib/queries';
import { StatusBadge } from '../../components/status-badge';
import { useOptionalGeneration } from '../runs/use-generate';
import { ErrorCategoryBadge, RetryabilityBadge } from './error-category-badge';
import { formatFailureReport, supportMailto, type FailureFacts } from './error-report';

export interface ErrorDialogProps {
  /** The failed conversation: its row id or its human id (conv-00042). */
  conversationId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** The error as the dialog shows it: the conversation's stored error, explained. */
function failureOf(conv: ConversationDetail, calls: GenerationLogSummary[], labels: (dim: 'persona' | 'emotion' | 'topic' | 'intent' | 'tone', key: string) => string): { facts: FailureFacts; guide: ErrorGuide } | null {
  if (!conv.error) return null;
  const details = conv.error.details ?? {};
  const latest = calls[0];
  const facts: FailureFacts = {
    conversationId: conv.conversationId,
    message: conv.error.message,
    kind: conv.error.code,
    httpStatus: num(details.httpStatus) ?? latest?.httpStatus ?? null,
    attempts: num(details.attempts) ?? latest?.attempt ?? null,
    at: str(details.at) ?? latest?.createdAt ?? conv.updatedAt,
    runId: str(details.runId) ?? latest?.runId ?? null,
    provider: latest?.provider ?? conv.provider,
    model: latest?.model ?? conv.model,
    why: str(details.why),
    metadata: {
      persona: labels('persona', conv.persona),
      emotion: labels('emotion', conv.emotion),
      topic: labels('topic', conv.topic),
      intent: labels('intent', conv.intent),
      tone: labels('tone', conv.tone),
      tier: TIER_LABELS[conv.tier],
      template: conv.template ? `${conv.template.name}${conv.template.version ? ` v${conv.template.version}` : ''}` : null,
      source: conv.source.document?.title ?? null,
    },
    calls: calls.map((c) => ({ at: c.createdAt, attempt: c.attempt, kind: c.errorKind, httpStatus: c.httpStatus, message: c.errorMessage })),
  };
  // Whether a manual retry can help is the guide's call: the worker's own retry rules (details.retryable,
  // details.why) only say whether it tried again by itself.
  return { facts, guide: explainError({ kind: conv.error.code, message: conv.error.message, httpStatus: facts.httpStatus }) };
}

/**
 * Why one conversation failed, in plain English, with the raw facts, the provider's answer, a
 * copyable report and a Retry button (US2.2.2, US11.3.1). Fetches the conversation and its latest
 * failed calls itself, so it works from any page.
 */
export function ErrorDialog({ conversationId, open, onOpenChange }: ErrorDialogProps) {
  const client = useQueryClient();
  const labels = useLabels();
  const tracker = useOptionalGeneration();
  const { data: me } = useMe();
  const { data: health } = useHealth();
  const conversation = useQuery({
    ...queries.conversation(conversationId),
    enabled: open,
  });
  const conv = conversation.data;
  const logQuery = { conversationId: conv?.id ?? conversationId, status: 'error', pageSize: 5 } as const;
  const calls = useQuery({
    ...queries.generationLogs(logQuery),
    enabled: open,
  });
  const failure = conv ? failureOf(conv, calls.data?.items ?? [], labels) : null;
  const canGenerate = me ? can(me.role, 'conversations:generate') : true;

  const retry = useMutation({
    mutationFn: (id: string) => endpoints.conversations.generate(id),
    onSuccess: () => {
      toast.success(`Retrying ${conv?.conversationId ?? 'the conversation'}`, { description: 'It is queued for generation; its status updates when it finishes.' });
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
      void client.invalidateQueries({ queryKey: queryKeys.generationLogs.all });
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
      onOpenChange(false);
    },
    onError: (err) => toast.error('Could not start the retry', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) }),
  });
  const startRetry = () => {
    if (!conv) return;
    if (tracker) {
      // On the conversations page the row spins and a toast reports the outcome.
      tracker.generate(conv.id, conv.conversationId);
      onOpenChange(false);
    } else retry.mutate(conv.id);
  };

  const report = failure ? formatFailureReport(failure.facts, failure.guide, { appVersion: health?.version, url: window.location.href }) : '';
  const copy = async () => {
    if (await copyText(report)) toast.success('Copied', { description: 'The error details are on your clipboard, ready for a support ticket.' });
    else toast.error('Could not copy', { description: 'Your browser blocked the clipboard. Open "Technical details" and copy the text by hand.' });
  };

  const busy = retry.isPending || (conv ? tracker?.isPending(conv.id) : false);
  const retryBlockedReason = !canGenerate ? `Your role (${me?.role}) cannot start generation. Ask an admin or generator to retry it.` : conv?.isSeed ? 'Seed conversations are written by hand and are never generated.' : null;

  let footer: ReactNode = (
    <Button variant="ghost" onClick={() => onOpenChange(false)}>
      Close
    </Button>
  );
  if (failure && conv) {
    const { guide } = failure;
    footer = (
      <>
        <Button variant="ghost" onClick={() => onOpenChange(false)} className="mr-auto">
          Close
        </Button>
        <Button onClick={copy} data-testid="copy-error-details">
          <Copy className="h-4 w-4" aria-hidden /> Copy details
        </Button>
        {retryBlockedReason ? (
          <Tooltip content={retryBlockedReason}>
            <span tabIndex={0}>
              <Button variant="primary" disabled>
                <RotateCcw className="h-4 w-4" aria-hidden /> Retry
              </Button>
            </span>
          </Tooltip>
        ) : guide.retryable ? (
          <Button variant="primary" onClick={startRetry} loading={busy}>
            {!busy && <RotateCcw className="h-4 w-4" aria-hidden />} Retry
          </Button>
        ) : (
          <>
            <Tooltip content="This error is permanent: retrying unchanged fails the same way. Fix the cause first.">
              <span tabIndex={0}>
                <Button variant="primary" disabled aria-describedby="permanent-explanation">
                  <RotateCcw className="h-4 w-4" aria-hidden /> Retry
                </Button>
              </span>
            </Tooltip>
            <Button onClick={startRetry} loading={busy} title="Use this after fixing the cause">
              Retry anyway
            </Button>
          </>
        )}
      </>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      className="w-[min(760px,calc(100vw-2rem))]"
      title={failure ? failure.guide.title : conv ? `${conv.conversationId} has no error` : 'Error details'}
      description={
        conv ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono text-xs text-text">{conv.conversationId}</span>
            <StatusBadge status={conv.status} />
            {failure?.facts.at && <span>failed {timeAgo(failure.facts.at)}</span>}
          </span>
        ) : (
          'Loading the conversation…'
        )
      }
      footer={footer}
    >
      {conversation.isLoading && (
        <div className="space-y-3" aria-busy>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
      )}
      {conversation.error && (
        <p role="alert" className="text-danger">
          {conversation.error instanceof ApiError ? `${conversation.error.message} ${conversation.error.hint}` : 'The conversation could not be loaded.'}
        </p>
      )}
      {conv && !failure && (
        <p className="text-muted">
          This conversation has no recorded error any more: it is {conv.status.replace('_', ' ')}. A later generation may have succeeded.
        </p>
      )}
      {conv && failure && <FailureBody conv={conv} failure={failure} calls={calls.data?.items ?? []} callsLoading={calls.isLoading} report={report} />}
    </Dialog>
  );
}

function FailureBody({ conv, failure, calls, callsLoading, report }: { conv: ConversationDetail; failure: { facts: FailureFacts; guide: ErrorGuide }; calls: GenerationLogSummary[]; callsLoading: boolean; report: string }) {
  const { facts, guide } = failure;
  const [technicalOpen, setTechnicalOpen] = useState(false);
  return (
    <div className="space-y-4" data-testid="error-dialog-body" data-category={guide.category} data-retryable={guide.retryable}>
      <div className="flex flex-wrap items-center gap-2">
        <ErrorCategoryBadge category={guide.category} />
        <RetryabilityBadge retryable={guide.retryable} />
        {facts.httpStatus !== null && <span className="rounded-full border border-border px-2 py-0.5 font-mono text-xs text-muted">HTTP {facts.httpStatus}</span>}
      </div>

      <div className="space-y-2">
        <p className="text-[15px] leading-relaxed text-text">{guide.whatHappened}</p>
        <div className={cn('rounded-lg border px-3.5 py-2.5', guide.retryable ? 'border-info/25 bg-info-soft' : 'border-border bg-surface-muted')}>
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">What to do</p>
          <p className="mt-0.5 font-medium text-text" data-testid="error-next-step">
            {guide.nextStep}
          </p>
          {!guide.retryable && (
            <p id="permanent-explanation" className="mt-1 text-xs text-muted">
              Retry is off because this error is permanent: the same request fails the same way until the cause is fixed. Once you have fixed it, use “Retry anyway”.
            </p>
          )}
        </div>
      </div>

      <section aria-labelledby="error-message-heading">
        <h3 id="error-message-heading" className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
          Error message
        </h3>
        <p className="rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-xs leading-relaxed break-words text-text" data-testid="raw-error-message">
          {facts.message}
        </p>
      </section>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
        <Fact label="When">{facts.at ? <span title={facts.at}>{formatDate(facts.at)}</span> : '—'}</Fact>
        <Fact label="Kind">
          <span data-kind={guide.kind}>{guide.name}</span>
        </Fact>
        <Fact label="HTTP status">{facts.httpStatus ?? <span className="text-muted">none</span>}</Fact>
        <Fact label="Attempts">{facts.attempts ?? '—'}</Fact>
        <Fact label="Provider">{[facts.provider, facts.model].filter(Boolean).join(' · ') || '—'}</Fact>
        <Fact label="Run">{facts.runId ? <span className="font-mono text-xs" title={facts.runId}>{facts.runId.slice(0, 8)}</span> : '—'}</Fact>
        {facts.why && (
          <div className="col-span-2">
            <dt className="text-xs text-muted">Not retried because</dt>
            <dd className="text-sm">{facts.why}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="error-conversation-heading">
        <h3 id="error-conversation-heading" className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
          Conversation
        </h3>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-border px-3.5 py-3 sm:grid-cols-4">
          <Fact label="ID">
            <span className="font-mono text-xs">{conv.conversationId}</span>
          </Fact>
          {Object.entries(facts.metadata).map(([key, value]) => (
            // Template and source names are long: they get two columns.
            <Fact key={key} label={key[0].toUpperCase() + key.slice(1)} title={value ?? undefined} wide={key === 'template' || key === 'source'}>
              {value ?? '—'}
            </Fact>
          ))}
        </dl>
      </section>

      <details className="group rounded-lg border border-border" onToggle={(e) => setTechnicalOpen((e.target as HTMLDetailsElement).open)}>
        <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3.5 py-2.5 text-sm font-medium select-none">
          <ChevronRight className="h-4 w-4 text-muted transition-transform group-open:rotate-90" aria-hidden />
          Technical details
          <span className="font-normal text-muted">— the provider’s answer and the latest failed calls</span>
        </summary>
        {technicalOpen && <TechnicalDetails calls={calls} loading={callsLoading} report={report} />}
      </details>

      {!guide.retryable && <SupportBlock guide={guide} facts={facts} report={report} />}
    </div>
  );
}

function Fact({ label, children, title, wide }: { label: string; children: ReactNode; title?: string; wide?: boolean }) {
  return (
    <div className={cn('min-w-0', wide && 'col-span-2')}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="truncate text-sm text-text" title={title}>
        {children}
      </dd>
    </div>
  );
}

const CALL_COLUMNS: ColumnDef<GenerationLogSummary>[] = [
  { id: 'time', header: 'Time', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => formatDate(row.original.createdAt) },
  { id: 'attempt', header: 'Attempt', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.attempt },
  { id: 'kind', header: 'Kind', cell: ({ row }) => explainError({ kind: row.original.errorKind, message: row.original.errorMessage, httpStatus: row.original.httpStatus }).name },
  { id: 'http', header: 'HTTP', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.httpStatus ?? '—' },
  { id: 'message', header: 'Message', meta: { className: 'break-words' }, cell: ({ row }) => row.original.errorMessage },
];

function TechnicalDetails({ calls, loading, report }: { calls: GenerationLogSummary[]; loading: boolean; report: string }) {
  const latest = calls[0];
  const detail = useQuery({ ...queries.generationLog(latest?.id ?? ''), enabled: Boolean(latest) });
  return (
    <div className="space-y-3 border-t border-border px-3.5 py-3" data-testid="technical-details">
      {loading && <Skeleton className="h-16 w-full" />}
      {!loading && calls.length === 0 && <p className="text-muted">No failed calls are in the generation log for this conversation (older entries may have been removed by log retention).</p>}
      {calls.length > 0 && (
        <DataTable data={calls} columns={CALL_COLUMNS} label="Latest failed calls" getRowId={(c) => c.id} variant="compact" rowProps={() => ({ className: 'border-t border-border align-top' })} />
      )}
      {latest && (
        <div>
          <p className="mb-1 text-xs font-medium text-muted">Provider response of the latest call</p>
          {detail.isLoading ? (
            <Skeleton className="h-10 w-full" />
          ) : detail.data?.responsePayload ? (
            <pre className="max-h-56 overflow-auto rounded-md bg-[#1f2430] p-3 font-mono text-[11px] leading-relaxed text-white" data-testid="response-payload">
              {JSON.stringify(detail.data.responsePayload, null, 2)}
            </pre>
          ) : (
            <p className="text-xs text-muted">The provider sent no response body: the call failed before an answer arrived, or the problem was found before calling it.</p>
          )}
        </div>
      )}
      <div>
        <p className="mb-1 text-xs font-medium text-muted">Full report (what “Copy details” copies)</p>
        <pre className="max-h-40 overflow-auto rounded-md border border-border bg-surface-muted p-3 font-mono text-[11px] leading-relaxed whitespace-pre-wrap text-text">{report}</pre>
      </div>
    </div>
  );
}

/** For errors a retry cannot fix: honest, local ways to get help. */
function SupportBlock({ guide, facts, report }: { guide: ErrorGuide; facts: FailureFacts; report: string }) {
  const subject = `convgen: ${facts.conversationId} failed (${guide.name})`;
  return (
    <section className="flex items-start gap-3 rounded-lg border border-border bg-surface-muted px-3.5 py-3" aria-label="Get help" data-testid="support-block">
      <LifeBuoy className="mt-0.5 h-4 w-4 shrink-0 text-muted" aria-hidden />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-sm">
          {guide.action === 'support'
            ? 'This needs a person to look at it. Send the details to whoever runs convgen for your team.'
            : 'Can’t fix it yourself? Send the details to your workspace admin.'}
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a className="inline-flex items-center gap-1 font-medium text-primary hover:underline" href={supportMailto(subject, report)}>
            <Mail className="h-3.5 w-3.5" aria-hidden /> Email a support request
          </a>
          {facts.kind && (
            <Link to="/errors" search={{ errorKind: [facts.kind] }} className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
              <ListFilter className="h-3.5 w-3.5" aria-hidden /> Other errors of this kind
            </Link>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * The Failed status badge as a button: a click opens the error dialog instead of the row's preview.
 * Clicks inside the dialog are kept from reaching the row too (React events bubble through portals).
 */
export function FailedBadgeButton({ id, label, tooltip, seed }: { id: string; label: string; tooltip?: string; seed?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary [&>span]:cursor-pointer [&>span]:hover:ring-1 [&>span]:hover:ring-danger/40"
        aria-label={`${label} failed: show error details`}
        aria-haspopup="dialog"
        data-testid="failed-badge"
      >
        <StatusBadge status="failed" seed={seed} tooltip={`${tooltip ?? 'Generation failed.'} Click for details and retry.`} />
      </button>
      <ErrorDialog conversationId={id} open={open} onOpenChange={setOpen} />
    </span>
  );
}

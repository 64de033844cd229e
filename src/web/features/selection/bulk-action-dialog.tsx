import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { queries, queryKeys } from '../../lib/endpoints';
import { previewBulk, runBulk, stopBulk, undoBulk, type BulkKind, type BulkOutcome, type BulkProgress } from './bulk-api';
import { previewHeadline, previewLines, resultDetail, resultSummary } from './bulk-summary';
import { selectedCount, selectorOf, type Selection } from './selection';

const NOTES_LIMIT = 500;
/** How long the toast offers Undo (US4.2.2); the server accepts an undo for 10 minutes. */
export const UNDO_SECONDS = 10;

const WORDS: Record<BulkKind, { verb: string; doing: string; button: 'success' | 'danger' }> = {
  approve: { verb: 'Approve', doing: 'Approving', button: 'success' },
  reject: { verb: 'Reject', doing: 'Rejecting', button: 'danger' },
  delete: { verb: 'Delete', doing: 'Deleting', button: 'danger' },
};

const plural = (n: number) => `${n.toLocaleString()} conversation${n === 1 ? '' : 's'}`;
const explain = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/** The first ten selected conversations' ids, for the confirmation list. */
function useFirstTen(selection: Selection, open: boolean) {
  const query = useQuery({ ...queries.conversationSample(selection.kind === 'filter' ? selection.filter : null), enabled: open && selection.kind === 'filter' });
  if (selection.kind === 'rows') return Object.values(selection.rows).slice(0, 10).map((r) => r.conversationId);
  return query.data?.items.slice(0, 10).map((c) => c.conversationId) ?? [];
}

/** What the action would do to the selection now, asked afresh each time the dialog opens. */
function usePreview(kind: BulkKind, selection: Selection, open: boolean) {
  return useQuery({
    queryKey: queryKeys.conversations.bulkPreview(kind, selectorOf(selection)),
    queryFn: () => previewBulk(kind, selection),
    enabled: open,
    staleTime: 0,
    gcTime: 0,
  });
}

const TONE = { change: 'text-text', skip: 'text-muted', missing: 'text-warning', refused: 'text-warning' } as const;

/** "8 selected: 6 will be approved, 2 skipped", with a line per current status and per reason to skip. */
function PreviewSummary({ kind, preview }: { kind: BulkKind; preview: ReturnType<typeof usePreview> }) {
  if (preview.isPending) return <p className="text-muted">Checking what this would do…</p>;
  if (preview.error) return <p className="text-warning">Could not check what this would do ({explain(preview.error)}). You can still go ahead: each conversation is checked as it is processed.</p>;
  const p = preview.data;
  return (
    <div data-testid="bulk-preview" className="space-y-1.5">
      <p className="font-medium">{previewHeadline(kind, p)}</p>
      <ul className="space-y-0.5 text-sm" aria-label="What will happen">
        {previewLines(kind, p).map((line) => (
          <li key={line.text} className={TONE[line.tone]}>
            {line.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Confirms and runs a bulk approve, reject or delete (US4.2.2, US6.2.2, US11.4.2): the count,
 * the first ten conversations and what the action would do to them (how many change, from
 * which status, how many are skipped and why), optional notes for reviews, a checkbox before a
 * permanent delete, and progress while it runs. When it ends the dialog closes and a toast
 * says what happened ("Approved 6 · skipped 2 already approved") with the one Undo, which is
 * clickable because no dialog overlay is left above it (and reachable from the keyboard with
 * the toasts' Alt+T). An error that stops it from starting is shown in the dialog.
 */
export function BulkActionDialog({ kind, selection, open, onOpenChange, onDone }: { kind: BulkKind; selection: Selection; open: boolean; onOpenChange: (open: boolean) => void; onDone: () => void }) {
  const client = useQueryClient();
  const count = selectedCount(selection);
  const firstTen = useFirstTen(selection, open);
  const preview = usePreview(kind, selection, open);
  const [notes, setNotes] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = WORDS[kind];

  useEffect(() => {
    if (open) {
      setNotes('');
      setUnderstood(false);
      setProgress(null);
      setStopping(false);
      setError(null);
    }
  }, [open]);

  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.conversations.all }), client.invalidateQueries({ queryKey: queryKeys.conversation.all })]);

  const undo = async (actionIds: string[]) => {
    try {
      const undone = await undoBulk(actionIds);
      toast.success(`Undone: ${plural(undone.restored)} restored`, { description: undone.skipped.length ? `${undone.skipped.length} had changed since and were left as they are.` : undefined });
    } catch (err) {
      toast.error('Could not undo', { description: explain(err) });
    }
    await refresh();
  };

  const stop = async (id: string) => {
    setStopping(true);
    try {
      await stopBulk(id);
    } catch (err) {
      // It may have ended meanwhile; the progress shows how it ended either way.
      if (!(err instanceof ApiError && err.code === 'bulk_action_ended')) setError(`Could not stop it: ${explain(err)}`);
    }
  };

  const run = async () => {
    setError(null);
    setProgress({ processed: 0, requested: count, runningId: null });
    let outcome: BulkOutcome;
    try {
      outcome = await runBulk(kind, selection, notes.trim() || undefined, setProgress);
    } catch (err) {
      setProgress(null);
      setError(`Could not ${words.verb.toLowerCase()} the selection: ${explain(err)}`);
      return;
    }
    // Closed first, so nothing covers the toast and its Undo.
    onOpenChange(false);
    onDone();
    const canUndo = kind !== 'delete' && outcome.actionIds.length > 0 && outcome.succeeded > 0;
    toast[outcome.failedCount || outcome.stopped ? 'warning' : 'success'](resultSummary(kind, outcome), {
      duration: UNDO_SECONDS * 1000,
      description: resultDetail(outcome),
      action: canUndo ? { label: 'Undo', onClick: () => void undo(outcome.actionIds) } : undefined,
    });
    await refresh();
  };

  const running = progress !== null;
  const nothingToDo = preview.data !== undefined && preview.data.willChange === 0;
  const confirmCount = preview.data?.willChange ?? count;
  const runningId = running ? progress.runningId : null;
  const done = Math.min(progress?.processed ?? 0, progress?.requested ?? count);
  const of = progress?.requested ?? count;
  const more = count - firstTen.length;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !running && onOpenChange(next)}
      title={`${words.verb} ${plural(count)}?`}
      description={
        kind === 'delete' ? 'Deleted conversations and their turns are removed for good.' : kind === 'reject' ? 'Rejected conversations stay in the workspace and are left out of exports.' : 'Approved conversations are included in exports.'
      }
      footer={
        <>
          {runningId ? (
            // Stops after the batch in progress; what is done stays done (and a review can be undone).
            <Button variant="secondary" onClick={() => void stop(runningId)} loading={stopping} disabled={stopping}>
              Stop
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={running}>
              Cancel
            </Button>
          )}
          <Button
            variant={words.button}
            onClick={() => void run()}
            loading={running}
            // Confirmed only once the user can see what it would do; a failed preview does not block.
            disabled={(kind === 'delete' && !understood) || count === 0 || preview.isPending || nothingToDo}
          >
            {words.verb} {plural(confirmCount)}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <div>
          <p className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Affected</p>
          <ul className="flex flex-wrap gap-1.5" aria-label="Affected conversations">
            {firstTen.map((id) => (
              <li key={id} className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">
                {id}
              </li>
            ))}
            {more > 0 && <li className="px-1 py-0.5 text-xs text-muted">and {more.toLocaleString()} more…</li>}
          </ul>
        </div>
        <PreviewSummary kind={kind} preview={preview} />
        {kind === 'delete' ? (
          <>
            <p className="flex items-start gap-2 rounded-md bg-danger-soft p-3 text-danger" role="alert">
              <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              This action cannot be undone.
            </p>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} className="h-4 w-4 accent-[var(--danger)]" />I understand this will permanently delete {plural(confirmCount)}
            </label>
          </>
        ) : (
          <label className="block">
            <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">Notes for all {kind === 'reject' ? '(why?)' : '(optional)'}</span>
            <textarea
              value={notes}
              onChange={(e) => setNotes(e.target.value.slice(0, NOTES_LIMIT))}
              maxLength={NOTES_LIMIT}
              rows={3}
              placeholder={kind === 'reject' ? 'Why are you rejecting these conversations?' : 'Anything the next reviewer should know?'}
              className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
            />
            <span className="block text-right text-xs text-muted">
              {notes.length}/{NOTES_LIMIT}
            </span>
          </label>
        )}
        {running && (
          <div aria-live="polite">
            <p className="mb-1 text-xs text-muted">
              {stopping ? 'Stopping after the current batch:' : words.doing} {done.toLocaleString()} of {of.toLocaleString()}
              {stopping ? ' done' : '…'}
            </p>
            <div className="h-2 rounded-full bg-surface-muted" role="progressbar" aria-valuemin={0} aria-valuemax={of} aria-valuenow={done} aria-label={`${words.doing} the selection`}>
              <div className="h-2 rounded-full bg-primary transition-all" style={{ width: `${of ? Math.round((done / of) * 100) : 0}%` }} />
            </div>
            {runningId && <p className="mt-1 text-xs text-muted">It runs on the server in batches, so convgen stays usable meanwhile; closing this tab does not stop it.</p>}
          </div>
        )}
        {error && (
          <p className="flex items-start gap-2 rounded-md bg-danger-soft p-3 text-danger" role="alert">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}

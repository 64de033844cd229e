import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { queries, queryKeys } from '../../lib/endpoints';
import { runBulk, stopBulk, undoBulk, type BulkKind, type BulkOutcome, type BulkProgress } from './bulk-api';
import { selectedCount, type Selection } from './selection';

const NOTES_LIMIT = 500;
export const UNDO_SECONDS = 10;

const WORDS: Record<BulkKind, { verb: string; doing: string; done: string; button: 'success' | 'danger' }> = {
  approve: { verb: 'Approve', doing: 'Approving', done: 'approved', button: 'success' },
  reject: { verb: 'Reject', doing: 'Rejecting', done: 'rejected', button: 'danger' },
  delete: { verb: 'Delete', doing: 'Deleting', done: 'deleted', button: 'danger' },
};

const plural = (n: number) => `${n.toLocaleString()} conversation${n === 1 ? '' : 's'}`;

/** The first ten selected conversations' ids, for the confirmation list. */
function useFirstTen(selection: Selection, open: boolean) {
  const query = useQuery({ ...queries.conversationSample(selection.kind === 'filter' ? selection.filter : null), enabled: open && selection.kind === 'filter' });
  if (selection.kind === 'rows') return Object.values(selection.rows).slice(0, 10).map((r) => r.conversationId);
  return query.data?.items.slice(0, 10).map((c) => c.conversationId) ?? [];
}

/** The result of a bulk action, with its per-conversation failures and (for reviews) Undo. */
function Results({ kind, result, onUndo, undoLeft }: { kind: BulkKind; result: BulkOutcome; onUndo?: () => void; undoLeft: number }) {
  return (
    <div className="space-y-3" data-testid="bulk-results">
      <p className="font-medium">
        {result.succeeded.toLocaleString()} {WORDS[kind].done}
        {result.failedCount > 0 && `, ${result.failedCount.toLocaleString()} failed`}
      </p>
      {result.stopped && (
        <p className="text-sm text-muted" role="status">
          {result.error ?? 'Stopped before the end of the selection: the rest was left as it was.'}
        </p>
      )}
      {result.failed.length > 0 && (
        <ul className="max-h-60 space-y-1 overflow-y-auto rounded-md border border-border p-2 text-xs" aria-label="Conversations that failed">
          {result.failed.map((f) => (
            <li key={f.id}>
              <span className="font-mono">{f.conversationId}</span> — {f.message}
            </li>
          ))}
          {result.failedCount > result.failed.length && <li className="text-muted">…and {(result.failedCount - result.failed.length).toLocaleString()} more.</li>}
        </ul>
      )}
      {onUndo && undoLeft > 0 && (
        <Button size="sm" onClick={onUndo}>
          Undo ({undoLeft} s)
        </Button>
      )}
    </div>
  );
}

/**
 * Confirms and runs a bulk approve, reject or delete (US4.2.2, US6.2.2, US11.4.2): the count and
 * the first ten conversations, optional notes for reviews, a checkbox before a permanent delete,
 * progress while it runs, then "87 approved, 3 failed" with each failure's reason, and Undo
 * for ten seconds after a review.
 */
export function BulkActionDialog({ kind, selection, open, onOpenChange, onDone }: { kind: BulkKind; selection: Selection; open: boolean; onOpenChange: (open: boolean) => void; onDone: () => void }) {
  const client = useQueryClient();
  const count = selectedCount(selection);
  const firstTen = useFirstTen(selection, open);
  const [notes, setNotes] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [result, setResult] = useState<BulkOutcome | null>(null);
  const [undoLeft, setUndoLeft] = useState(0);
  const words = WORDS[kind];

  useEffect(() => {
    if (open) {
      setNotes('');
      setUnderstood(false);
      setProgress(null);
      setStopping(false);
      setResult(null);
    }
  }, [open]);
  useEffect(() => {
    if (undoLeft <= 0) return;
    const timer = setTimeout(() => setUndoLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [undoLeft]);

  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.conversations.all }), client.invalidateQueries({ queryKey: queryKeys.conversation.all })]);

  const undo = async (actionIds: string[]) => {
    setUndoLeft(0);
    try {
      const undone = await undoBulk(actionIds);
      toast.success(`Undone: ${plural(undone.restored)} restored`, { description: undone.skipped.length ? `${undone.skipped.length} had changed since and were left as they are.` : undefined });
    } catch (err) {
      toast.error('Could not undo', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    }
    await refresh();
  };

  const stop = async (id: string) => {
    setStopping(true);
    try {
      await stopBulk(id);
    } catch (err) {
      // It may have ended meanwhile; the progress shows how it ended either way.
      if (!(err instanceof ApiError && err.code === 'bulk_action_ended')) toast.error('Could not stop it', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    }
  };

  const run = async () => {
    setProgress({ processed: 0, requested: count, runningId: null });
    try {
      const outcome = await runBulk(kind, selection, notes.trim() || undefined, setProgress);
      setResult(outcome);
      onDone();
      await refresh();
      const summary = `${outcome.succeeded.toLocaleString()} ${words.done}${outcome.failedCount ? `, ${outcome.failedCount.toLocaleString()} failed` : ''}${outcome.stopped ? ' (stopped)' : ''}`;
      const canUndo = kind !== 'delete' && outcome.actionIds.length > 0 && outcome.succeeded > 0;
      if (canUndo) setUndoLeft(UNDO_SECONDS);
      toast[outcome.failedCount || outcome.stopped ? 'warning' : 'success'](summary, {
        duration: UNDO_SECONDS * 1000,
        description: outcome.failedCount ? 'The dialog lists why each one failed.' : undefined,
        action: canUndo ? { label: 'Undo', onClick: () => void undo(outcome.actionIds) } : undefined,
      });
      // Nothing to read: the toast says it all. Failures and stops keep the dialog open with their reasons.
      if (!outcome.failedCount && !outcome.stopped) onOpenChange(false);
    } catch (err) {
      setProgress(null);
      toast.error(`Could not ${words.verb.toLowerCase()} the selection`, { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) });
    }
  };

  const running = progress !== null && !result;
  const runningId = running ? progress.runningId : null;
  const done = Math.min(progress?.processed ?? 0, progress?.requested ?? count);
  const of = progress?.requested ?? count;
  const more = count - firstTen.length;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !running && onOpenChange(next)}
      title={result ? `${words.verb}: ${result.stopped ? 'stopped' : 'done'}` : `${words.verb} ${plural(count)}?`}
      description={
        result ? undefined : kind === 'delete' ? 'Deleted conversations and their turns are removed for good.' : kind === 'reject' ? 'Rejected conversations stay in the workspace and are left out of exports.' : 'Approved conversations are included in exports.'
      }
      footer={
        result ? (
          <Button onClick={() => onOpenChange(false)}>Close</Button>
        ) : (
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
            <Button variant={words.button} onClick={() => void run()} loading={running} disabled={(kind === 'delete' && !understood) || count === 0}>
              {words.verb} {plural(count)}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <Results kind={kind} result={result} undoLeft={undoLeft} onUndo={kind !== 'delete' && result.actionIds.length ? () => void undo(result.actionIds) : undefined} />
      ) : (
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
          {kind === 'delete' ? (
            <>
              <p className="flex items-start gap-2 rounded-md bg-danger-soft p-3 text-danger" role="alert">
                <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                This action cannot be undone.
              </p>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} className="h-4 w-4 accent-[var(--danger)]" />I understand this will permanently delete {plural(count)}
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
                {stopping ? 'Stopping after the current batch:' : words.doing} {done.toLocaleString()} of {of.toLocaleString()}{stopping ? ' done' : '…'}
              </p>
              <div className="h-2 rounded-full bg-surface-muted" role="progressbar" aria-valuemin={0} aria-valuemax={of} aria-valuenow={done} aria-label={`${words.doing} the selection`}>
                <div className="h-2 rounded-full bg-primary transition-all" style={{ width: `${of ? Math.round((done / of) * 100) : 0}%` }} />
              </div>
              {runningId && <p className="mt-1 text-xs text-muted">It runs on the server in batches, so convgen stays usable meanwhile; closing this tab does not stop it.</p>}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}

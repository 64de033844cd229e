import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';

interface PendingGeneration {
  id: string;
  label: string;
  runId: string | null;
}

interface GenerationTracker {
  isPending(id: string): boolean;
  generate(id: string, label: string): void;
  anyPending: boolean;
}

const TrackerContext = createContext<GenerationTracker | null>(null);
const ACTIVE_RUN = new Set(['queued', 'running']);

/**
 * Watches one run until it stops being active (or can no longer be read), then reports the
 * outcome once and lets go, so a spinner can never outlive its run.
 */
function RunWatcher({ id, label, runId, onDone, retry }: { id: string; label: string; runId: string; onDone: (id: string) => void; retry: (id: string, label: string) => void }) {
  const client = useQueryClient();
  const handled = useRef(false);
  const run = useQuery({ ...queries.run(runId), refetchInterval: 1000 });
  const ended = (run.data && !ACTIVE_RUN.has(run.data.status)) || run.isError;

  useEffect(() => {
    if (!ended || handled.current) return;
    handled.current = true;
    void (async () => {
      try {
        await Promise.all([client.invalidateQueries({ queryKey: queryKeys.conversations.all }), client.invalidateQueries({ queryKey: queryKeys.conversation.all })]);
        const detail = await endpoints.conversations.detail(id);
        if (detail.status === 'generated' && !detail.error) {
          toast.success(`${label} generated`, { description: `Quality score ${detail.qualityScore?.toFixed(1) ?? '—'} · ${detail.turnCount} turns` });
        } else if (detail.error) {
          toast.error(`${label} failed`, {
            description: detail.status === 'failed' ? detail.error.message : `${detail.error.message} The previous version is kept.`,
            action: { label: 'Retry', onClick: () => retry(id, label) },
            duration: 10_000,
          });
        } else if (run.data && !ACTIVE_RUN.has(run.data.status)) {
          toast.info(`Generation of ${label} ${run.data.status}.`);
        }
      } catch (err) {
        toast.error(`Could not check on ${label}`, { description: err instanceof ApiError ? `${err.message} ${err.hint}` : 'Reload the page to see its current state.' });
      } finally {
        onDone(id);
      }
    })();
  }, [ended, client, id, label, run.data, onDone, retry]);
  return null;
}

/** Tracks single-conversation generations started from this page (US1.1.1, US1.1.2). */
export function GenerationProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingGeneration[]>([]);
  const done = useCallback((id: string) => setPending((list) => list.filter((p) => p.id !== id)), []);
  const { mutate } = useMutation({
    mutationFn: ({ id }: { id: string; label: string }) => endpoints.conversations.generate(id),
    onSuccess: ({ runId }, { id }) => {
      setPending((list) => list.map((p) => (p.id === id ? { ...p, runId } : p)));
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
    },
    onError: (err, { id, label }) => {
      done(id);
      const e = err instanceof ApiError ? err : null;
      toast.error(`Could not start generating ${label}`, { description: e ? `${e.message} ${e.hint}` : String(err) });
    },
  });
  const generate = useCallback(
    (id: string, label: string) => {
      setPending((list) => (list.some((p) => p.id === id) ? list : [...list, { id, label, runId: null }]));
      mutate({ id, label });
    },
    [mutate],
  );
  const tracker = useMemo<GenerationTracker>(
    () => ({ isPending: (id) => pending.some((p) => p.id === id), anyPending: pending.length > 0, generate }),
    [pending, generate],
  );
  return (
    <TrackerContext.Provider value={tracker}>
      {children}
      {pending.map((p) => (p.runId ? <RunWatcher key={p.runId} id={p.id} label={p.label} runId={p.runId} onDone={done} retry={generate} /> : null))}
    </TrackerContext.Provider>
  );
}

/** The page's tracker when there is one (the conversations page), else null: for components used on several pages. */
export function useOptionalGeneration(): GenerationTracker | null {
  return useContext(TrackerContext);
}

export function useGeneration(): GenerationTracker {
  const tracker = useContext(TrackerContext);
  if (!tracker) throw new Error('useGeneration must be used inside <GenerationProvider>.');
  return tracker;
}

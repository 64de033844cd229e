import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ConversationDetail } from '../../../contract/conversations';
import type { RunProgress } from '../../../contract/runs';
import { api, ApiError } from '../../lib/api';

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

/** Watches one run until it ends, then reports the outcome as a toast. */
function RunWatcher({ pending, onDone }: { pending: PendingGeneration & { runId: string }; onDone: (id: string) => void }) {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: ['run', pending.runId], queryFn: () => api.get<RunProgress>(`/api/runs/${pending.runId}`), refetchInterval: 1000 });
  const finished = data && (data.status === 'completed' || data.status === 'cancelled');
  const generate = useContext(TrackerContext)?.generate;
  useEffect(() => {
    if (!finished) return;
    void (async () => {
      const detail = await api.get<ConversationDetail>(`/api/conversations/${pending.id}`);
      await Promise.all([client.invalidateQueries({ queryKey: ['conversations'] }), client.invalidateQueries({ queryKey: ['conversation'] })]);
      if (detail.status === 'generated') {
        toast.success(`${pending.label} generated`, { description: `Quality score ${detail.qualityScore?.toFixed(1) ?? '—'} · ${detail.turnCount} turns` });
      } else if (detail.status === 'failed') {
        toast.error(`${pending.label} failed`, {
          description: detail.error?.message ?? 'The generation did not succeed.',
          action: generate ? { label: 'Retry', onClick: () => generate(pending.id, pending.label) } : undefined,
          duration: 10_000,
        });
      }
      onDone(pending.id);
    })();
  }, [finished, client, pending, onDone, generate]);
  return null;
}

/** Tracks single-conversation generations started from this page (US1.1.1, US1.1.2). */
export function GenerationProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingGeneration[]>([]);
  const done = useCallback((id: string) => setPending((list) => list.filter((p) => p.id !== id)), []);
  const mutation = useMutation({
    mutationFn: ({ id }: { id: string; label: string }) => api.post<{ runId: string }>(`/api/conversations/${id}/generate`),
    onSuccess: ({ runId }, { id }) => {
      setPending((list) => list.map((p) => (p.id === id ? { ...p, runId } : p)));
      void client.invalidateQueries({ queryKey: ['conversations'] });
      void client.invalidateQueries({ queryKey: ['conversation'] });
    },
    onError: (err, { id, label }) => {
      done(id);
      const e = err instanceof ApiError ? err : null;
      toast.error(`Could not start generating ${label}`, { description: e ? `${e.message} ${e.hint}` : String(err) });
    },
  });
  const tracker = useMemo<GenerationTracker>(
    () => ({
      isPending: (id) => pending.some((p) => p.id === id),
      anyPending: pending.length > 0,
      generate: (id, label) => {
        setPending((list) => (list.some((p) => p.id === id) ? list : [...list, { id, label, runId: null }]));
        mutation.mutate({ id, label });
      },
    }),
    [pending, mutation],
  );
  return (
    <TrackerContext.Provider value={tracker}>
      {children}
      {pending.map((p) => (p.runId ? <RunWatcher key={p.id} pending={{ ...p, runId: p.runId }} onDone={done} /> : null))}
    </TrackerContext.Provider>
  );
}

export function useGeneration(): GenerationTracker {
  const tracker = useContext(TrackerContext);
  if (!tracker) throw new Error('useGeneration must be used inside <GenerationProvider>.');
  return tracker;
}

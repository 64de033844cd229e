import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { EdgeCaseSuggestion } from '../../../contract/edge-cases';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS } from '../../../core/edge-case-categories';
import { Button } from '../../components/ui/button';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { GenerateDialog } from '../runs/generate-dialog';
import { errorText } from './api-error-text';

const STATUSES = ['open', 'dismissed', 'completed'] as const;
const STATUS_LABELS = { open: 'Open', dismissed: 'Dismissed', completed: 'Completed' } as const;
/** More than this per category is a wall of text: the rest are a click away. */
const SHOWN = 5;

/**
 * Edge cases worth testing (US8.3.2), by category: each says why it is suggested. Tick some and
 * "Generate Suggested Edge Cases" plans a slot for each, then offers the usual run dialog.
 */
export function SuggestionsPanel({ canWrite, canGenerate }: { canWrite: boolean; canGenerate: boolean }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('open');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [planned, setPlanned] = useState<string[] | null>(null);
  const list = useQuery(queries.edgeCaseSuggestions());
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.edgeCases.all });
  const mark = useMutation({
    mutationFn: ({ s, verb }: { s: EdgeCaseSuggestion; verb: 'dismiss' | 'complete' | 'reopen' }) => endpoints.edgeCases.markSuggestion(s.key, verb),
    onSuccess: (s) => {
      toast.success(s.status === 'open' ? 'Suggestion reopened' : `Suggestion ${s.status}`);
      refresh();
    },
    onError: (err) => toast.error('Could not mark the suggestion', { description: errorText(err) }),
  });
  const plan = useMutation({
    mutationFn: () => endpoints.edgeCases.planSuggestions([...chosen]),
    onSuccess: (r) => {
      toast.success(`${r.conversationIds.length} edge-case conversation${r.conversationIds.length === 1 ? '' : 's'} planned: ${r.conversationIds.join(', ')}`);
      setChosen(new Set());
      setPlanned(r.conversationIds);
      refresh();
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
    },
    onError: (err) => toast.error('Could not plan the suggested edge cases', { description: errorText(err) }),
  });
  const items = (list.data?.items ?? []).filter((s) => s.status === status);
  const toggle = (key: string) => setChosen((c) => (c.has(key) ? new Set([...c].filter((k) => k !== key)) : new Set([...c, key])));
  return (
    <section aria-labelledby="edge-suggestions" className="rounded-xl border border-border bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="edge-suggestions" className="text-base font-semibold">
            Suggestions
          </h2>
          <p className="max-w-2xl text-sm text-muted">Persona and emotion pairs never tested in the edge-case tier, each with the category that fits the emotion. Tick the ones to test and generate them.</p>
        </div>
        <div className="flex items-center gap-2">
          <div role="tablist" aria-label="Suggestion status" className="inline-flex gap-1 rounded-lg bg-surface-muted p-1">
            {STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                aria-selected={status === s}
                className={`rounded-md px-2.5 py-1 text-xs font-medium ${status === s ? 'bg-surface text-text shadow-sm' : 'text-muted'}`}
                onClick={() => setStatus(s)}
              >
                {STATUS_LABELS[s]} ({(list.data?.items ?? []).filter((i) => i.status === s).length})
              </button>
            ))}
          </div>
          {canGenerate && (
            <Button variant="primary" disabled={chosen.size === 0} loading={plan.isPending} onClick={() => plan.mutate()}>
              Generate Suggested Edge Cases{chosen.size ? ` (${chosen.size})` : ''}
            </Button>
          )}
        </div>
      </div>
      {list.error && <p className="text-sm text-danger">{errorText(list.error)}</p>}
      {list.isPending ? (
        <p className="text-sm text-muted">Working out what is untested…</p>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-4 text-sm text-muted" data-testid="suggestions-empty">
          {status === 'open'
            ? (list.data?.items.length ?? 0) === 0
              ? 'No suggestions: add personas and emotions on the Catalog page, and every pair not yet tested in the edge-case tier will be suggested here.'
              : 'Nothing open: every untested pair is dismissed or completed.'
            : `No ${status} suggestions.`}
        </p>
      ) : (
        <div className="grid gap-3 lg:grid-cols-2">
          {EDGE_CASE_CATEGORIES.map((category) => {
            const inCategory = items.filter((s) => s.category === category);
            if (!inCategory.length) return null;
            const all = expanded.has(category);
            return (
              <div key={category} className="rounded-lg border border-border p-3">
                <h3 className="mb-2 text-sm font-semibold">
                  {EDGE_CASE_CATEGORY_LABELS[category]} <span className="font-normal text-muted">({inCategory.length})</span>
                </h3>
                <ul className="space-y-2">
                  {(all ? inCategory : inCategory.slice(0, SHOWN)).map((s) => (
                    <li key={s.key} data-suggestion={s.key} className="flex items-start gap-2">
                      {canGenerate && s.status !== 'completed' && <input type="checkbox" aria-label={`Choose ${s.title}`} className="mt-1" checked={chosen.has(s.key)} onChange={() => toggle(s.key)} />}
                      <div className="min-w-0 flex-1">
                        <div className="text-sm font-medium">
                          {s.personaLabel} · {s.emotionLabel}
                        </div>
                        <p className="text-xs text-muted">{s.reason}</p>
                      </div>
                      {canWrite && (
                        <div className="flex shrink-0 gap-1">
                          {s.status === 'open' ? (
                            <>
                              <Button size="sm" variant="ghost" onClick={() => mark.mutate({ s, verb: 'dismiss' })}>
                                Dismiss
                              </Button>
                              <Button size="sm" variant="ghost" onClick={() => mark.mutate({ s, verb: 'complete' })}>
                                Mark completed
                              </Button>
                            </>
                          ) : (
                            <Button size="sm" variant="ghost" onClick={() => mark.mutate({ s, verb: 'reopen' })}>
                              Reopen
                            </Button>
                          )}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
                {inCategory.length > SHOWN && (
                  <button type="button" className="mt-2 text-xs font-medium text-primary" onClick={() => setExpanded((e) => new Set(all ? [...e].filter((c) => c !== category) : [...e, category]))}>
                    {all ? 'Show fewer' : `Show all ${inCategory.length}`}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
      {planned && (
        <GenerateDialog
          title={`Generate the ${planned.length === 1 ? 'suggested edge case' : `${planned.length} suggested edge cases`}?`}
          selector={{ conversationIds: planned }}
          open
          onOpenChange={(o) => !o && setPlanned(null)}
        />
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { toast } from 'sonner';
import { MAX_PLAN_COUNT, type PlanCreated, type PlanRequest, type PlanSources } from '../../../contract/plan';
import { TIER_LABELS, TIERS, type Tier } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { useCatalog } from '../../lib/queries';
import { ChoiceList } from './choice-list';
import { PlanPreviewView } from './plan-preview';
import { useDebounced } from './use-debounced';

const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/** The request the form describes, or the reason it is not one yet. */
function requestOf(count: string, split: Record<Tier, string>, personas: string[] | null, categories: string[] | null, seed: number, confidenceAbove: number | null = null): PlanRequest | string {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLAN_COUNT) return `Enter how many conversations to plan: a whole number from 1 to ${MAX_PLAN_COUNT.toLocaleString('en-US')}.`;
  const shares = Object.fromEntries(TIERS.map((t) => [t, Number(split[t])])) as Record<Tier, number>;
  if (TIERS.some((t) => !Number.isInteger(shares[t]) || shares[t] < 0 || shares[t] > 100)) return 'Each tier’s share is a whole number from 0 to 100.';
  if (personas?.length === 0) return 'Choose at least one persona.';
  if (categories?.length === 0) return 'Choose at least one document category.';
  return { count: n, split: shares, ...(personas ? { personas } : {}), ...(categories ? { categories } : {}), seed, ...(confidenceAbove === null ? {} : { chunkConfidenceAbove: confidenceAbove }) };
}

/**
 * Plan many conversations: how many, the tier split, and optionally only some personas or
 * document categories; the preview follows every change, and "Create" stores exactly what it shows.
 */
export function PlanForm({ sources, onCreated }: { sources: PlanSources; onCreated: (created: PlanCreated) => void }) {
  const client = useQueryClient();
  const { data: catalog } = useCatalog();
  const [count, setCount] = useState('20');
  const [split, setSplit] = useState<Record<Tier, string>>(() => Object.fromEntries(TIERS.map((t) => [t, String(sources.split[t])])) as Record<Tier, string>);
  const [personas, setPersonas] = useState<string[] | null>(null);
  const [categories, setCategories] = useState<string[] | null>(null);
  // US10.2.2: filter chunks by quality before generation — only chunks whose analysis was sure enough.
  const [confidenceAbove, setConfidenceAbove] = useState<number | null>(null);
  // One seed per dialog: the preview and the plan it creates are the same plan.
  const [seed] = useState(() => Math.floor(Math.random() * 2 ** 31));
  const request = useMemo(() => requestOf(count, split, personas, categories, seed, confidenceAbove), [count, split, personas, categories, seed, confidenceAbove]);
  const settled = useDebounced(request);
  const preview = useQuery({ ...queries.planPreview(typeof settled === 'string' ? { count: 1 } : settled), enabled: typeof settled !== 'string', placeholderData: keepPreviousData, retry: false });
  const create = useMutation({
    mutationFn: (body: PlanRequest) => endpoints.plan.create(body),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: ['plan'] });
      onCreated(created);
    },
    onError: (err) => toast.error('Could not plan the conversations', { description: errorText(err) }),
  });
  const ready = typeof request !== 'string' && request === settled && preview.data && !preview.isFetching && !preview.error;
  const splitTotal = TIERS.reduce((sum, t) => sum + (Number(split[t]) || 0), 0);

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-4">
        <div>
          <Label htmlFor="plan-count">How many</Label>
          <Input id="plan-count" type="number" min={1} max={MAX_PLAN_COUNT} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-text">Tier split</legend>
          <div className="grid grid-cols-3 gap-2">
            {TIERS.map((t) => (
              <label key={t} className="text-xs text-muted">
                {TIER_LABELS[t]}
                <Input type="number" min={0} max={100} value={split[t]} onChange={(e) => setSplit({ ...split, [t]: e.target.value })} aria-label={`${TIER_LABELS[t]} share`} />
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-muted">Shares are relative ({TIERS.map((t) => split[t] || '0').join('/')}{splitTotal ? `, ${Math.round(((Number(split.template) || 0) / splitTotal) * 100)} % template` : ''}).</p>
        </fieldset>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <ChoiceList legend="Personas" options={(catalog?.persona ?? []).map((p) => ({ key: p.key, label: p.label }))} chosen={personas} onChange={setPersonas} empty={
            <>
              No personas yet:{' '}
              <Link to="/catalog" className="text-primary underline">
                add them in the Catalog
              </Link>
              .
            </>
          }
        />
        <ChoiceList
          legend="Document categories"
          options={sources.categories.map((c) => ({ key: c.name, label: c.name, note: c.chunks ? `${c.chunks} chunks` : 'no documents' }))}
          chosen={categories}
          onChange={setCategories}
          empty="No categories."
        />
      </div>
      <label className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Source quality</span>
        <select value={confidenceAbove ?? ''} onChange={(e) => setConfidenceAbove(e.target.value === '' ? null : Number(e.target.value))} className="h-9 rounded-md border border-border bg-surface px-2 text-sm" aria-label="Only chunks with confidence above">
          <option value="">Any chunk</option>
          {[6, 7, 8, 9].map((n) => (
            <option key={n} value={n}>
              Only chunks with confidence above {n}
            </option>
          ))}
        </select>
        <span className="text-xs text-muted">Chunks are scored 0–10 when their dimensions are derived on the Documents page.</span>
      </label>
      <div className="rounded-lg border border-border p-4" aria-live="polite">
        {typeof request === 'string' ? (
          <p className="text-sm text-warning">{request}</p>
        ) : preview.error ? (
          <p className="text-sm text-danger" role="alert">
            {errorText(preview.error)}
          </p>
        ) : preview.data ? (
          <PlanPreviewView preview={preview.data} />
        ) : (
          <p className="text-sm text-muted">Working out the plan…</p>
        )}
      </div>
      <div className="sticky bottom-0 -mx-5 -mb-4 flex items-center justify-end gap-3 border-t border-border bg-surface px-5 py-3">
        <p className="mr-auto text-xs text-muted">Values with fewer conversations so far get more; no planned conversation repeats an existing one.</p>
        <Button variant="primary" disabled={!ready} loading={create.isPending} onClick={() => typeof request !== 'string' && create.mutate(request)}>
          {preview.data && ready ? `Create ${preview.data.planned.toLocaleString()} conversations` : 'Create conversations'}
        </Button>
      </div>
    </div>
  );
}

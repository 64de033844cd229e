import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSlotBody, PlanSources } from '../../../contract/plan';
import { DIMENSION_LABELS, DIMENSIONS, TIER_LABELS, TIERS, type Dimension, type Tier } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';
import { useCatalog } from '../../lib/queries';

/** "a persona", "an emotion": the article a label takes. */
const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

const SELECT = 'h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/20';

function Select({ id, label, value, onChange, options, placeholder }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string }) {
  return (
    <div className="min-w-0">
      <Label htmlFor={id}>{label}</Label>
      <select id={id} className={SELECT} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One conversation slot chosen value by value, for the combination a plan would not pick. */
export function OneSlotForm({ sources, onCreated }: { sources: PlanSources; onCreated: (conversationId: string) => void }) {
  const client = useQueryClient();
  const { data: catalog } = useCatalog();
  const [tier, setTier] = useState<Tier>('template');
  const [values, setValues] = useState<Record<Dimension, string>>({ persona: '', emotion: '', topic: '', intent: '', tone: '' });
  const [arcKey, setArcKey] = useState('');
  const [edgeCaseId, setEdgeCaseId] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: (body: CreateSlotBody) => endpoints.plan.createSlot(body),
    onSuccess: ({ conversationId }) => {
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      onCreated(conversationId);
    },
  });
  const missing = DIMENSIONS.filter((d) => !values[d]);
  const needs = missing.length
    ? `Choose ${withArticle(missing.map((d) => DIMENSION_LABELS[d].toLowerCase()).join(', '))}.`
    : tier === 'template' && !arcKey
      ? 'Choose the emotional arc it follows.'
      : tier === 'edge_case' && !edgeCaseId
        ? 'Choose the edge case it tests.'
        : null;
  const submit = () =>
    create.mutate({
      tier,
      ...values,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(tier === 'template' ? { arcKey } : {}),
      ...(tier === 'edge_case' ? { edgeCaseId } : {}),
      ...(tier === 'scenario' && scenarioId ? { scenarioId } : {}),
    });

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Select id="slot-tier" label="Tier" value={tier} onChange={(v) => setTier((v || 'template') as Tier)} options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))} placeholder="Choose a tier" />
        {tier === 'template' && (
          <Select id="slot-arc" label="Emotional arc" value={arcKey} onChange={setArcKey} options={sources.arcs.filter((a) => a.enabled).map((a) => ({ value: a.key, label: a.label }))} placeholder="Choose an arc" />
        )}
        {tier === 'edge_case' && (
          <Select id="slot-edge" label="Edge case" value={edgeCaseId} onChange={setEdgeCaseId} options={sources.edgeCases.map((e) => ({ value: e.id, label: `${e.title} (${e.category})` }))} placeholder="Choose an edge case" />
        )}
        {tier === 'scenario' && (
          <Select id="slot-scenario" label="Scenario (optional)" value={scenarioId} onChange={setScenarioId} options={sources.scenarios.map((s) => ({ value: s.id, label: s.title }))} placeholder="None: use the persona and topic" />
        )}
        {DIMENSIONS.map((d) => (
          <Select
            key={d}
            id={`slot-${d}`}
            label={DIMENSION_LABELS[d]}
            value={values[d]}
            onChange={(v) => setValues({ ...values, [d]: v })}
            options={(catalog?.[d] ?? []).map((v) => ({ value: v.key, label: v.label }))}
            placeholder={catalog && !catalog[d].length ? `No ${DIMENSION_LABELS[d].toLowerCase()} values yet` : `Choose ${withArticle(DIMENSION_LABELS[d].toLowerCase())}`}
          />
        ))}
        <div className="col-span-2">
          <Label htmlFor="slot-title">Title (optional)</Label>
          <Input id="slot-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Nervous first-time caller asks about fees" />
        </div>
      </div>
      {create.error && (
        <p className="rounded-md bg-danger-soft p-3 text-sm text-danger" role="alert">
          {create.error instanceof ApiError ? `${create.error.message} ${create.error.hint}` : String(create.error)}
        </p>
      )}
      <div className="sticky bottom-0 -mx-5 -mb-4 flex items-center justify-end gap-3 border-t border-border bg-surface px-5 py-3">
        {needs && <p className="text-xs text-muted">{needs}</p>}
        <Button variant="primary" disabled={Boolean(needs)} loading={create.isPending} onClick={submit}>
          Create this conversation
        </Button>
      </div>
    </div>
  );
}

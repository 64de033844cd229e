import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { SCENARIO_CATEGORIES, SCENARIO_CATEGORY_LABELS, type ScenarioCategory, type ScenarioItem } from '../../../contract/scenarios';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';
import { useCatalog } from '../../lib/queries';

interface Draft {
  title: string;
  description: string;
  category: ScenarioCategory;
  tags: string;
  problem: string;
  solution: string;
  outcome: string;
  persona: string;
  emotion: string;
  topic: string;
}

const EMPTY: Draft = { title: '', description: '', category: 'financial', tags: '', problem: '', solution: '', outcome: '', persona: '', emotion: '', topic: '' };

const draftOf = (s: ScenarioItem): Draft => ({
  title: s.title,
  description: s.description,
  category: (SCENARIO_CATEGORIES as readonly string[]).includes(s.category) ? (s.category as ScenarioCategory) : 'financial',
  tags: s.tags.join(', '),
  problem: s.problem,
  solution: s.solution,
  outcome: s.outcome,
  persona: s.persona ?? '',
  emotion: s.emotion ?? '',
  topic: s.topic ?? '',
});

const textArea = 'w-full rounded-md border border-border bg-surface px-3 py-2 text-sm focus:ring-2 focus:ring-primary focus:outline-none';
const selectBox = 'h-9 w-full rounded-md border border-border bg-surface px-2 text-sm';

/** Writes a scenario by hand, or edits one (a derived one too, before it is used to generate). */
export function ScenarioEditor({ scenario, open, onOpenChange, onSaved }: { scenario: ScenarioItem | null; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (s: ScenarioItem) => void }) {
  const client = useQueryClient();
  const catalog = useCatalog().data;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  useEffect(() => {
    if (open) {
      setDraft(scenario ? draftOf(scenario) : EMPTY);
      setError(null);
    }
  }, [open, scenario]);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: draft.title,
        description: draft.description,
        category: draft.category,
        tags: draft.tags.split(',').map((t) => t.trim()).filter(Boolean),
        problem: draft.problem,
        solution: draft.solution,
        outcome: draft.outcome,
        persona: draft.persona || null,
        emotion: draft.emotion || null,
        topic: draft.topic || null,
      };
      return scenario ? endpoints.scenarios.update(scenario.id, body) : endpoints.scenarios.create(body);
    },
    onSuccess: (saved) => {
      toast.success(scenario ? 'Scenario saved' : 'Scenario added to the library');
      void client.invalidateQueries({ queryKey: queryKeys.scenarios.all });
      onSaved?.(saved);
      onOpenChange(false);
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const field = (err.details as { field?: string } | undefined)?.field;
        setError({ field, text: `${err.message} ${err.hint}` });
      } else setError({ text: String(err) });
    },
  });

  const field = (name: keyof Draft, label: string, rows?: number) => (
    <div>
      <Label htmlFor={`scenario-${name}`}>{label}</Label>
      {rows ? (
        <textarea id={`scenario-${name}`} rows={rows} className={textArea} value={draft[name]} onChange={(e) => set({ [name]: e.target.value })} aria-invalid={error?.field === name} />
      ) : (
        <Input id={`scenario-${name}`} value={draft[name]} onChange={(e) => set({ [name]: e.target.value })} aria-invalid={error?.field === name} />
      )}
    </div>
  );
  const dimension = (name: 'persona' | 'emotion' | 'topic', label: string) => (
    <div>
      <Label htmlFor={`scenario-${name}`}>{label}</Label>
      <select id={`scenario-${name}`} className={selectBox} value={draft[name]} onChange={(e) => set({ [name]: e.target.value })}>
        <option value="">Any (the planner chooses)</option>
        {(catalog?.[name] ?? []).map((v) => (
          <option key={v.key} value={v.key}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      className="max-w-2xl"
      title={scenario ? 'Edit scenario' : 'Write a scenario'}
      description="A real-world situation a conversation is built on: the customer’s problem, the action the assistant recommends, and the outcome."
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={!draft.title.trim() || !draft.problem.trim() || !draft.solution.trim() || !draft.outcome.trim()} data-testid="scenario-save">
            {scenario ? 'Save' : 'Add scenario'}
          </Button>
        </>
      }
    >
      <div className="max-h-[65vh] space-y-3 overflow-y-auto pr-1">
        {error && (
          <p className="rounded-md bg-danger-soft p-3 text-sm text-danger" role="alert">
            {error.text}
          </p>
        )}
        {field('title', 'Title')}
        {field('description', 'Description', 2)}
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="scenario-category">Category</Label>
            <select id="scenario-category" className={selectBox} value={draft.category} onChange={(e) => set({ category: e.target.value as ScenarioCategory })}>
              {SCENARIO_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {SCENARIO_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          {field('tags', 'Tags (comma-separated)')}
        </div>
        {field('problem', 'Problem context', 3)}
        {field('solution', 'Solution action', 3)}
        {field('outcome', 'Outcome', 2)}
        <div className="grid grid-cols-3 gap-3">
          {dimension('persona', 'Persona')}
          {dimension('emotion', 'Emotion')}
          {dimension('topic', 'Topic')}
        </div>
      </div>
    </Dialog>
  );
}

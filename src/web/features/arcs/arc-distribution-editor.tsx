import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { ArcItem } from '../../../contract/arcs';
import { arcCounts, distributionPreview, distributionProblem, enabledTotal, evenDistribution, type ArcShare } from '../../../core/arc-distribution';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { endpoints, queries } from '../../lib/endpoints';
import { ArcRow } from './arc-row';
import { useArcMutation } from './use-arc-mutations';

const sharesOf = (arcs: readonly ArcItem[]): ArcShare[] => arcs.map((a) => ({ key: a.key, enabled: a.enabled, percent: a.percent }));
const same = (a: readonly ArcShare[], b: readonly ArcShare[]) => a.length === b.length && a.every((s, i) => s.key === b[i].key && s.enabled === b[i].enabled && s.percent === b[i].percent);

/**
 * The distribution being edited: a draft of every arc's switch and percent, checked as you type
 * (the same rules the server applies), with the live preview for a count the user picks.
 */
export function ArcDistributionEditor({ arcs, canWrite }: { arcs: ArcItem[]; canWrite: boolean }) {
  const saved = useMemo(() => sharesOf(arcs), [arcs]);
  const [draft, setDraft] = useState<ArcShare[]>(saved);
  const [previewCount, setPreviewCount] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const tiers = useQuery(queries.tiers());
  // A saved change, a preset applied or a reset replaces the draft with what the server holds.
  useEffect(() => setDraft(saved), [saved]);

  const templateTarget = tiers.data?.items.find((t) => t.tier === 'template')?.target ?? 40;
  const count = previewCount.trim() === '' ? templateTarget : Math.max(0, Math.min(100_000, Math.floor(Number(previewCount)) || 0));
  const clean = draft.map((s) => ({ ...s, percent: Number.isNaN(s.percent) ? 0 : s.percent }));
  const problem = draft.some((s) => s.enabled && Number.isNaN(s.percent)) ? { message: 'Every enabled arc needs a percentage.', hint: '' } : distributionProblem(clean);
  const total = enabledTotal(clean);
  const dirty = !same(clean, saved);
  const counts = arcCounts(count, problem ? [] : clean);
  const labelOf = (key: string) => arcs.find((a) => a.key === key)?.label ?? key;

  const save = useArcMutation(() => endpoints.arcs.save({ items: clean }), { success: () => 'Arc distribution saved', failure: 'Could not save the distribution' });
  const reset = useArcMutation(() => endpoints.arcs.reset(), { success: () => 'Back to the default distribution', failure: 'Could not reset the distribution' }, () => setConfirmReset(false));

  const update = (key: string, next: { enabled: boolean; percent: number }) => setDraft((list) => list.map((s) => (s.key === key ? { ...s, ...next } : s)));
  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-surface p-3 shadow-sm">
        <div className="min-w-0" aria-live="polite">
          <p className={problem ? 'flex items-center gap-1.5 font-semibold text-danger' : 'flex items-center gap-1.5 font-semibold text-success'} data-testid="arc-total">
            {problem ? <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden /> : <CheckCircle2 className="h-4 w-4 shrink-0" aria-hidden />}
            Total: {total} %{problem && total !== 100 ? ' — must be 100 %' : ''}
          </p>
          {problem && (
            <p className="text-sm text-danger" data-testid="arc-problem">
              {/* The total line already says it does not add up: say what to do instead. */}
              {total !== 100 && clean.some((s) => s.enabled) && problem.hint ? problem.hint : problem.message}
            </p>
          )}
        </div>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setDraft(evenDistribution(clean))} disabled={!clean.some((s) => s.enabled)}>
              Distribute evenly
            </Button>
            <Button onClick={() => setDraft(saved)} disabled={!dirty}>
              Undo changes
            </Button>
            <Button variant="primary" onClick={() => save.mutate(undefined)} disabled={!dirty || Boolean(problem)} loading={save.isPending}>
              Save
            </Button>
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface-muted p-3 text-sm">
        <label htmlFor="arc-preview-count" className="text-muted">
          Preview for
        </label>
        <Input id="arc-preview-count" type="number" min={0} className="w-24 tabular-nums" placeholder={String(templateTarget)} value={previewCount} onChange={(e) => setPreviewCount(e.target.value)} />
        <span className="text-muted">template conversations:</span>
        <span className="font-medium text-text" data-testid="arc-preview">
          {problem ? 'fix the total to see the preview' : distributionPreview(count, clean, labelOf)}
        </span>
      </div>

      <ul className="space-y-3">
        {arcs.map((arc) => {
          const share = draft.find((s) => s.key === arc.key) ?? { enabled: arc.enabled, percent: arc.percent };
          return <ArcRow key={arc.key} arc={arc} enabled={share.enabled} percent={share.percent} count={problem ? null : (counts[arc.key] ?? 0)} canWrite={canWrite} onChange={(next) => update(arc.key, next)} />;
        })}
      </ul>

      {canWrite && (
        <div className="flex justify-end">
          <Button variant="ghost" onClick={() => setConfirmReset(true)}>
            Reset to default
          </Button>
        </div>
      )}
      <Dialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title="Reset to the default distribution?"
        description="The five built-in arcs are switched on with 20 % each. Arcs your team added stay, switched off. Conversations already planned keep their arc."
        footer={
          <>
            <Button onClick={() => setConfirmReset(false)}>Cancel</Button>
            <Button variant="primary" onClick={() => reset.mutate(undefined)} loading={reset.isPending}>
              Reset
            </Button>
          </>
        }
      />
    </div>
  );
}

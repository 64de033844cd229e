import { AlertTriangle } from 'lucide-react';
import type { PlanPreview } from '../../../contract/plan';
import { TIER_LABELS, TIERS } from '../../../core/tiers';
import { useCatalog, useLabels } from '../../lib/queries';
import { Distribution } from './distribution';

/** What a plan will create, before anything is stored: by tier, persona, emotion, arc and category. */
export function PlanPreviewView({ preview }: { preview: PlanPreview }) {
  const labelOf = useLabels();
  const { data: catalog } = useCatalog();
  const arcLabel = (key: string) => catalog?.arcs.find((a) => a.key === key)?.label ?? key;
  return (
    <div className="space-y-4" data-testid="plan-preview">
      <p className="text-sm text-text">
        <strong className="tabular-nums">{preview.planned.toLocaleString()}</strong> conversations:{' '}
        {TIERS.filter((t) => preview.byTier[t] > 0)
          .map((t) => `${preview.byTier[t].toLocaleString()} ${TIER_LABELS[t].toLowerCase()}`)
          .join(' · ')}
        {preview.planned < preview.requested && <span className="text-warning"> (of {preview.requested.toLocaleString()} asked for)</span>}
      </p>
      <div className="grid grid-cols-2 gap-x-6 gap-y-4">
        <Distribution title="By persona" counts={preview.byPersona} label={(k) => labelOf('persona', k)} />
        <Distribution title="By emotion" counts={preview.byEmotion} label={(k) => labelOf('emotion', k)} />
        <Distribution title="By topic" counts={preview.byTopic} label={(k) => labelOf('topic', k)} />
        <Distribution title="By arc (template tier)" counts={preview.byArc} label={arcLabel} />
        <Distribution title="By document category" counts={preview.byCategory} />
      </div>
      {preview.warnings.map((w) => (
        <p key={w} className="flex items-start gap-2 rounded-md bg-warning-soft p-3 text-sm text-warning" role="status">
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          {w}
        </p>
      ))}
    </div>
  );
}

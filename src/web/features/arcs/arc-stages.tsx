import type { ConversationDetail } from '../../../contract/conversations';
import { useLabels } from '../../lib/queries';

/** The emotional arc a template conversation follows, stage by stage, in its preview. */
export function ArcStages({ arc }: { arc: ConversationDetail['arc'] }) {
  const label = useLabels();
  if (!arc || !arc.stages.length) return null;
  return (
    <section className="rounded-lg border border-border p-3" aria-label={`Arc: ${arc.label}`} data-testid="arc-stages">
      <h3 className="text-[11px] font-semibold tracking-wide text-muted uppercase">
        Arc: {arc.label} <span className="font-normal normal-case">({label('emotion', arc.startEmotion)} → {label('emotion', arc.endEmotion)})</span>
      </h3>
      <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-sm text-text">
        {arc.stages.map((stage, i) => (
          <li key={i}>{stage}</li>
        ))}
      </ol>
    </section>
  );
}

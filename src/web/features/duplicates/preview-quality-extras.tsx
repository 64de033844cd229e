import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Scale } from 'lucide-react';
import { toast } from 'sonner';
import type { ConversationDetail } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { endpoints } from '../../lib/endpoints';
import { useMe } from '../../lib/queries';
import { can } from '../../../core/roles';
import { NearDuplicateLink } from './near-duplicate-link';

const tone = (score: number) => (score >= 8 ? 'bg-success' : score >= 6 ? 'bg-warning' : 'bg-danger');

/** The LLM judge's rubric: overall score, each criterion with its comment; or a button to judge now. */
function JudgeSection({ detail }: { detail: ConversationDetail }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const judge = useMutation({
    mutationFn: () => endpoints.duplicates.judge(detail.id),
    // The preview's query is keyed by the id it was opened with (conv-… or the uuid): refresh every detail, and the table's score.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['conversation'] }), client.invalidateQueries({ queryKey: ['conversations'] })]),
    onError: (error) => {
      toast.error('The judge could not score it', { description: error.message });
      // A failed call that was still billed is in the audit trail now.
      void client.invalidateQueries({ queryKey: ['conversation'] });
    },
  });
  const mayJudge = can(me?.role ?? 'viewer', 'conversations:generate') && detail.turns.length > 0;
  if (!detail.judge) {
    if (!mayJudge) return null;
    return (
      <div className="flex items-center justify-between gap-3 rounded-md border border-border p-3 text-sm" data-testid="judge-section">
        <p className="text-muted">Not judged yet. The LLM judge rates helpfulness, empathy, topic, correctness and natural dialogue (one provider call).</p>
        <Button size="sm" loading={judge.isPending} onClick={() => judge.mutate()}>
          <Scale className="mr-1.5 h-3.5 w-3.5" aria-hidden />
          Judge now
        </Button>
      </div>
    );
  }
  const j = detail.judge;
  return (
    <section className="rounded-md border border-border p-3" data-testid="judge-section" aria-label="LLM judge">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          LLM judge: <span className="tabular-nums">{j.score.toFixed(1)}</span>/10
        </h3>
        <span className="text-xs text-muted">{j.model === 'offline' ? 'Heuristic judge (offline, $0)' : j.model ? `Judged by ${j.model}` : ''}</span>
      </div>
      <p className="mb-2 text-sm text-muted">{j.rationale}</p>
      <ul className="flex flex-col gap-2">
        {j.criteria.map((c) => (
          <li key={c.key} className="text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{c.label}</span>
              <span className="tabular-nums">{c.score}/10</span>
            </div>
            <div className="my-1 h-1.5 rounded-full bg-surface-muted">
              <div className={cn('h-1.5 rounded-full', tone(c.score))} style={{ width: `${c.score * 10}%` }} />
            </div>
            <p className="text-xs text-muted">{c.comment}</p>
          </li>
        ))}
      </ul>
      {mayJudge && (
        <Button size="sm" variant="ghost" className="mt-2" loading={judge.isPending} onClick={() => judge.mutate()}>
          Judge again
        </Button>
      )}
    </section>
  );
}

/** In the preview: the near-duplicate mark with a link to the earlier conversation, and the LLM judge's rubric. */
export function PreviewQualityExtras({ detail }: { detail: ConversationDetail }) {
  return (
    <>
      {detail.nearDuplicateOf && (
        <p className="flex flex-wrap items-center gap-2 rounded-md bg-warning-soft p-3 text-sm text-warning" role="note" data-testid="near-duplicate-note">
          Near-duplicate of an earlier conversation: <NearDuplicateLink of={detail.nearDuplicateOf} />
          <span className="text-xs">Consider rejecting one of the two, or leave near-duplicates out when you export.</span>
        </p>
      )}
      <JudgeSection detail={detail} />
    </>
  );
}

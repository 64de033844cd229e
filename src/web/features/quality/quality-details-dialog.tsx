import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';
import { QualityBadge } from './quality-badge';
import { levelClass } from './breakdown-text';

/**
 * Why a conversation scored what it did (US4.3.2): every criterion with its actual value, target,
 * score, a bar coloured by level and the explanation, and what to do about the weakest.
 */
export function QualityDetailsDialog({ conversationId, label, open, onOpenChange }: { conversationId: string; label: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { data, isLoading, error } = useQuery({ ...queries.conversation(conversationId), enabled: open });
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      className="w-[min(680px,calc(100vw-2rem))]"
      title={
        <span className="flex items-center gap-2">
          Quality of {label} {data && <QualityBadge score={data.qualityScore} />}
        </span>
      }
      description="Each criterion scores 1–10; together, weighted, they make the score. Below 6 a conversation is flagged for review."
      footer={
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Close
        </Button>
      }
    >
      {/* Clicks inside the dialog are the dialog's: they must not close the preview behind it. */}
      <div onPointerDown={(e) => e.stopPropagation()} data-testid="quality-details">
        {isLoading && <Skeleton className="h-40 w-full" />}
        {error && <p className="rounded-md bg-danger-soft p-3 text-danger">{error.message} Close this and open the conversation again.</p>}
        {data && data.qualityBreakdown.length === 0 && <p className="text-muted">Not scored yet: a score appears once the conversation is generated.</p>}
        {data && data.qualityBreakdown.length > 0 && (
          <>
            <ul className="space-y-3" aria-label="Quality criteria">
              {data.qualityBreakdown.map((c) => {
                const level = levelClass(c.score);
                return (
                  <li key={c.key} className="rounded-lg border border-border p-3" data-criterion={c.key}>
                    <div className="flex items-baseline justify-between gap-3">
                      <h3 className="font-medium text-text">{c.label}</h3>
                      <span className={cn('font-semibold tabular-nums', level.text)}>{Number.isInteger(c.score) ? c.score : c.score.toFixed(1)}/10</span>
                    </div>
                    <div className="mt-1.5 h-2 rounded-full bg-surface-muted" role="meter" aria-label={`${c.label} score`} aria-valuemin={1} aria-valuemax={10} aria-valuenow={c.score}>
                      <div className={cn('h-2 rounded-full', level.bar)} style={{ width: `${c.score * 10}%` }} />
                    </div>
                    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                      <dt className="text-muted">Actual</dt>
                      <dd className="text-text">{c.value}</dd>
                      <dt className="text-muted">Target</dt>
                      <dd className="text-text">{c.target}</dd>
                    </dl>
                    <p className="mt-1.5 text-xs text-muted">{c.explanation}</p>
                  </li>
                );
              })}
            </ul>
            {data.quality && (
              <p className="mt-4 rounded-md bg-surface-muted p-3 text-sm" data-testid="quality-recommendation">
                <span className="font-medium">Recommendation: </span>
                {data.quality.recommendation}
              </p>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

import { X } from 'lucide-react';
import type { CombinationRecommendationView } from '../../../contract/coverage';
import { Button } from '../../components/ui/button';

const conversations = (n: number) => `${n} conversation${n === 1 ? '' : 's'}`;

/** One recommended combination: "Anxious Investor + Fear + Portfolio Setup: 1 conversation", the target and why. */
export function RecommendationItem({ rec, canDismiss, onDismiss, dismissing }: { rec: CombinationRecommendationView; canDismiss: boolean; onDismiss: () => void; dismissing: boolean }) {
  const name = [rec.personaLabel, rec.emotionLabel, rec.topicLabel].filter(Boolean).join(' + ');
  return (
    <li className="flex items-start gap-3 rounded-lg border border-border p-3" data-testid="recommendation">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {name}: <span className="tabular-nums">{conversations(rec.count)}</span>
        </p>
        <p className="text-sm text-muted">
          Recommended: {rec.min === rec.target ? rec.target : `${rec.min}–${rec.target}`} conversations
          {rec.toPlan > 0 ? ` · plans ${rec.toPlan} more` : ''}
          {rec.waiting > 0 ? ` · ${rec.waiting} waiting to be generated` : ''}
        </p>
        <p className="mt-0.5 text-sm">{rec.reason}</p>
      </div>
      {canDismiss && (
        <Button variant="ghost" size="icon" onClick={onDismiss} disabled={dismissing} aria-label={`Dismiss ${rec.personaLabel} + ${rec.emotionLabel}`} title="Dismiss">
          <X className="h-4 w-4" aria-hidden />
        </Button>
      )}
    </li>
  );
}

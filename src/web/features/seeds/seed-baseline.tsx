import { useQuery } from '@tanstack/react-query';
import { Lock } from 'lucide-react';
import { belowSeedBaseline } from '../../../core/seed-template';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';

/**
 * For a conversation planned from a seed with "Use as Template" (its metadata names the seed):
 * "Seed baseline 9.2 — this one 7.9 (below seed − 1)", US10.3.2's bar.
 */
export function SeedBaseline({ seedId, score }: { seedId: string; score: number | null }) {
  const { data: seed } = useQuery(queries.conversation(seedId));
  if (!seed || seed.qualityScore === null) return null;
  const below = belowSeedBaseline(score, seed.qualityScore);
  return (
    <p
      data-testid="seed-baseline"
      className={cn('flex items-center gap-2 rounded-lg border p-2.5 text-sm', below ? 'border-danger/30 bg-danger-soft text-danger' : 'border-border text-text')}
    >
      <Lock className="h-4 w-4 shrink-0 text-primary" aria-hidden />
      <span>
        Made from seed <span className="font-mono">{seed.conversationId}</span>. Seed baseline {seed.qualityScore.toFixed(1)}
        {score === null ? ' — this one is not scored yet.' : ` — this one ${score.toFixed(1)}${below ? ' (below seed − 1: review it closely or regenerate it)' : ' (within 1 point of the seed)'}.`}
      </span>
    </p>
  );
}

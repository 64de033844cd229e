import { useQuery } from '@tanstack/react-query';
import { Lock, Upload } from 'lucide-react';
import type { SeedComparisonGroup, SeedMetrics } from '../../../contract/seeds';
import { TIERS, TIER_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';

const value = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function Gap({ gap, digits = 1, higherIsBetter = false }: { gap: number | null; digits?: number; higherIsBetter?: boolean }) {
  if (gap === null) return <span className="text-muted">—</span>;
  const tone = !higherIsBetter ? 'text-muted' : gap < -1 ? 'text-danger' : gap < 0 ? 'text-warning' : 'text-success';
  return <span className={cn('tabular-nums', tone)}>{`${gap > 0 ? '+' : ''}${gap.toFixed(digits)}`}</span>;
}

function Cells({ m }: { m: SeedMetrics }) {
  return (
    <>
      <td className="px-2 py-1.5 text-right tabular-nums">{m.count.toLocaleString()}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{value(m.averageQuality)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{value(m.averageTurns)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{value(m.averageTurnWords, 0)}</td>
    </>
  );
}

function Row({ label, group, strong }: { label: string; group: SeedComparisonGroup; strong?: boolean }) {
  return (
    <>
      <tr className={cn('border-t border-border', strong && 'font-medium')}>
        <th scope="row" rowSpan={2} className="px-2 py-1.5 text-left align-top font-medium">
          {label}
        </th>
        <td className="px-2 py-1.5 text-muted">Seeds</td>
        <Cells m={group.seeds} />
        <td rowSpan={2} className="px-2 py-1.5 text-right align-middle">
          <Gap gap={group.gap.quality} higherIsBetter />
        </td>
      </tr>
      <tr>
        <td className="px-2 py-1.5 text-muted">Generated</td>
        <Cells m={group.generated} />
      </tr>
    </>
  );
}

/**
 * Seeds against what the generator wrote (US10.3.1, US10.3.2), for people who do not read
 * tables first: one sentence on top, then the numbers per tier, then each seed's variations.
 */
export function SeedComparisonCard({ onImport }: { onImport?: () => void }) {
  const { data, error, isPending } = useQuery(queries.seedComparison());
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby="seed-comparison-title" data-testid="seed-comparison">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="seed-comparison-title" className="flex items-center gap-2 text-sm font-semibold text-text">
            <Lock className="h-4 w-4 text-primary" aria-hidden /> Seed conversations: your quality benchmark
          </h2>
          <p className="mt-1 text-sm text-text" data-testid="seed-summary">
            {isPending ? 'Comparing…' : error ? `Could not compare: ${error.message}` : data.summary}
          </p>
          <p className="mt-0.5 text-xs text-muted">Quality is the 1–10 score of every conversation. Generated conversations should score no more than 1 point below the seeds.</p>
        </div>
        {onImport && (
          <Button size="sm" onClick={onImport}>
            <Upload className="h-3.5 w-3.5" aria-hidden /> Import seeds
          </Button>
        )}
      </div>
      {data && data.overall.seeds.count > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[560px] text-xs">
            <thead className="text-muted">
              <tr>
                <th className="px-2 py-1 text-left font-medium">Tier</th>
                <th className="px-2 py-1 text-left font-medium" />
                <th className="px-2 py-1 text-right font-medium">Conversations</th>
                <th className="px-2 py-1 text-right font-medium">Avg quality</th>
                <th className="px-2 py-1 text-right font-medium">Avg turns</th>
                <th className="px-2 py-1 text-right font-medium">Words per turn</th>
                <th className="px-2 py-1 text-right font-medium" title="Generated quality minus seed quality">
                  Quality gap
                </th>
              </tr>
            </thead>
            <tbody>
              <Row label="All tiers" group={data.overall} strong />
              {/* Per tier only once there is something generated to compare: until then one row says it all. */}
              {TIERS.filter((t) => data.overall.generated.count > 0 && data.byTier[t].seeds.count + data.byTier[t].generated.count > 0).map((tier) => (
                <Row key={tier} label={TIER_LABELS[tier]} group={data.byTier[tier]} />
              ))}
            </tbody>
          </table>
          {data.seeds.some((s) => s.variations > 0) && (
            <ul className="mt-3 space-y-1 text-xs" aria-label="Variations planned from seeds">
              {data.seeds
                .filter((s) => s.variations > 0)
                .map((s) => (
                  <li key={s.id}>
                    <span className="font-mono">{s.conversationId}</span> ({value(s.qualityScore)}): {s.variations} variation{s.variations === 1 ? '' : 's'} planned, {s.generated} generated
                    {s.averageQuality !== null && `, averaging ${value(s.averageQuality)}`}
                    {s.belowBaseline > 0 && <span className="text-danger"> — {s.belowBaseline} below the seed − 1</span>}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

import { Link } from '@tanstack/react-router';
import type { CoverageReport } from '../../../contract/coverage';
import { SCOPE_STATUSES, type CoverageScope } from '../../../core/coverage';
import { ChartCard } from './chart-card';

/** Cells shade from white to blue with their count; a gap (under the minimum) is amber whatever its count. */
function shade(count: number, max: number) {
  if (count === 0 || max === 0) return undefined;
  return `color-mix(in srgb, #2563eb ${Math.round(12 + (count / max) * 60)}%, transparent)`;
}

/**
 * US3.2.1: persona × emotion with counts (Recharts has no heatmap, so a CSS grid). Every active
 * pair is shown, zeros too; gaps under the minimum are highlighted. A cell opens the conversation
 * table filtered to it (and to the statuses the dashboard counts, so the table shows that count).
 */
export function Heatmap({ report, scope }: { report: CoverageReport; scope: CoverageScope }) {
  const personas = report.byPersona.filter((p) => report.personaEmotion.some((c) => c.persona === p.key));
  const emotions = report.byEmotion.filter((e) => report.personaEmotion.some((c) => c.emotion === e.key));
  const cell = new Map(report.personaEmotion.map((c) => [`${c.persona}|${c.emotion}`, c]));
  const max = Math.max(0, ...report.personaEmotion.map((c) => c.count));
  const status = scope === 'all' ? undefined : [...SCOPE_STATUSES[scope]];
  return (
    <ChartCard
      id="heatmap"
      title="Persona × emotion"
      description={`Conversations for each persona and emotion. Amber cells have fewer than ${report.minPerCombination}: the gaps. Click a cell to see its conversations.`}
      csv={{ header: ['persona', 'persona label', 'emotion', 'emotion label', 'conversations', 'below minimum'], rows: report.personaEmotion.map((c) => [c.persona, c.personaLabel, c.emotion, c.emotionLabel, c.count, c.belowMinimum ? 'yes' : 'no']) }}
    >
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-0.5 text-sm" aria-label="Conversations per persona and emotion">
          <thead>
            <tr>
              <th className="sticky left-0 bg-surface px-2 py-1 text-left text-[11px] font-semibold tracking-wide text-muted uppercase">Persona</th>
              {emotions.map((e) => (
                <th key={e.key} scope="col" className="min-w-16 px-1 py-1 text-center text-xs font-medium text-muted">
                  {e.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {personas.map((p) => (
              <tr key={p.key}>
                <th scope="row" className="sticky left-0 bg-surface px-2 py-1 text-left text-xs font-medium whitespace-nowrap">
                  {p.label}
                </th>
                {emotions.map((e) => {
                  const c = cell.get(`${p.key}|${e.key}`);
                  if (!c) return <td key={e.key} className="rounded bg-surface-muted" aria-hidden />;
                  const name = `${p.label} × ${e.label}: ${c.count} conversation${c.count === 1 ? '' : 's'}${c.belowMinimum ? `, below the minimum of ${report.minPerCombination}` : ''}`;
                  return (
                    <td key={e.key} className="p-0">
                      <Link
                        to="/conversations"
                        search={{ persona: [p.key], emotion: [e.key], ...(status ? { status } : {}) }}
                        aria-label={name}
                        title={name}
                        data-testid={`heatmap-cell-${p.key}-${e.key}`}
                        data-gap={c.belowMinimum ? 'true' : undefined}
                        className={`flex h-9 items-center justify-center rounded tabular-nums outline-offset-1 hover:outline hover:outline-2 hover:outline-primary ${c.belowMinimum ? 'bg-warning-soft font-semibold text-warning ring-1 ring-warning/60 ring-inset' : 'text-text'}`}
                        style={c.belowMinimum ? undefined : { backgroundColor: shade(c.count, max) }}
                      >
                        {c.count}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TiersOverview } from '../../../contract/tiers';
import { useLabels } from '../../lib/queries';

/**
 * Tier 1's coverage across arcs: conversations per arc against each arc's share of the target,
 * and the persona × arc combinations with no conversation yet.
 */
export function ArcCoverage({ template }: { template: TiersOverview['template'] }) {
  const label = useLabels();
  const data = template.byArc.map((a) => ({ arc: a.label, Planned: a.count, Generated: a.generated, Target: a.target }));
  const arcLabel = (key: string) => template.byArc.find((a) => a.key === key)?.label ?? key;
  const missing = template.coverage.missing;
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="arc-distribution">
        <span className="text-muted">Distribution: </span>
        {template.distributionText || 'no template conversations yet'}
      </p>
      <div className="h-56 w-full" aria-label="Template conversations per arc against the target" role="img">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border, #e5e7eb)" />
            <XAxis dataKey="arc" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="Planned" fill="#94a3b8" radius={[3, 3, 0, 0]} />
            <Bar dataKey="Generated" fill="#4f46e5" radius={[3, 3, 0, 0]} />
            <Bar dataKey="Target" fill="#f59e0b" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="text-sm" data-testid="arc-coverage-missing">
        {template.coverage.personas.length === 0 ? (
          <span className="text-muted">No active persona yet: add personas on the Catalog page to plan template conversations for them.</span>
        ) : missing.length === 0 ? (
          <span className="text-success">Every persona has a template conversation on every enabled arc.</span>
        ) : (
          <>
            <span className="font-medium">{missing.length} persona × arc combination{missing.length === 1 ? '' : 's'} without a conversation</span>
            <span className="text-muted">
              : {missing.slice(0, 6).map((m) => `${label('persona', m.persona)} × ${arcLabel(m.arc)}`).join(', ')}
              {missing.length > 6 ? `, and ${missing.length - 6} more` : ''}.
            </span>
          </>
        )}
      </p>
    </div>
  );
}

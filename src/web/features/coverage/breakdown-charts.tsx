import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CoverageReport } from '../../../contract/coverage';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../core/statuses';
import { ChartCard } from './chart-card';

const AXIS = { fontSize: 12, fill: 'var(--text-muted)' };
export const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#64748b', '#0d9488'];
const STATUS_STYLE: Record<ConversationStatus, { label: string; colour: string }> = {
  approved: { label: 'Approved', colour: '#16a34a' },
  generated: { label: 'Needs review', colour: '#6366f1' },
  rejected: { label: 'Rejected', colour: '#dc2626' },
  generating: { label: 'Generating', colour: '#f59e0b' },
  not_generated: { label: 'Not generated', colour: '#94a3b8' },
  failed: { label: 'Failed', colour: '#7f1d1d' },
};
const STACK_ORDER: ConversationStatus[] = ['approved', 'generated', 'rejected', 'generating', 'failed', 'not_generated'];

/** US3.2.1: conversations per persona. */
export function PersonaChart({ report, scopeText }: { report: CoverageReport; scopeText: string }) {
  const data = report.byPersona.map((p) => ({ label: p.label, count: p.count }));
  return (
    <ChartCard id="personas" title="Conversations per persona" description={`${scopeText}, per persona. A short bar is a persona the dataset says little about.`} csv={{ header: ['persona', 'label', 'conversations'], rows: report.byPersona.map((p) => [p.key, p.label, p.count]) }}>
      <div className="h-72" role="img" aria-label="Bar chart of conversations per persona">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border)" />
            <XAxis type="number" allowDecimals={false} tick={AXIS} />
            <YAxis type="category" dataKey="label" width={150} tick={AXIS} interval={0} />
            <Tooltip contentStyle={{ fontSize: 12 }} />
            <Bar dataKey="count" name="Conversations" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}

/** US3.2.1: the template tier's emotional arcs as a pie. */
export function ArcPie({ report }: { report: CoverageReport }) {
  const arcs = report.byArc.filter((a) => a.key !== null && a.count > 0);
  const withoutArc = report.byArc.find((a) => a.key === null)?.count ?? 0;
  return (
    <ChartCard
      id="arcs"
      title="Emotional arcs"
      description={`How template conversations share the arcs${withoutArc ? ` (${withoutArc.toLocaleString()} scenario and edge-case conversations follow none)` : ''}.`}
      csv={{ header: ['arc', 'label', 'conversations'], rows: report.byArc.map((a) => [a.key ?? '', a.label, a.count]) }}
    >
      {arcs.length === 0 ? (
        <p className="flex h-72 items-center justify-center text-sm text-muted">No template conversation follows an arc yet.</p>
      ) : (
        <div className="h-72" role="img" aria-label="Pie chart of conversations per emotional arc">
          <ResponsiveContainer width="100%" height="100%">
            <PieChart>
              <Pie data={arcs} dataKey="count" nameKey="label" outerRadius="75%" label={({ value }) => String(value)} isAnimationActive={false}>
                {arcs.map((a, i) => (
                  <Cell key={a.key} fill={PALETTE[i % PALETTE.length]} />
                ))}
              </Pie>
              <Tooltip contentStyle={{ fontSize: 12 }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
            </PieChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

/** US3.2.1: each tier's slots stacked by status — the whole tier, planned slots too, whatever the scope. */
export function TierChart({ report }: { report: CoverageReport }) {
  const statuses = STACK_ORDER.filter((s) => report.byTier.some((t) => t.byStatus[s] > 0));
  const data = report.byTier.map((t) => ({ label: t.label, ...t.byStatus }));
  return (
    <ChartCard
      id="tiers"
      title="Tiers by status"
      description="Every slot of each tier, stacked by status: what is approved, waiting for review, rejected or not generated yet."
      csv={{ header: ['tier', 'label', ...CONVERSATION_STATUSES], rows: report.byTier.map((t) => [t.key, t.label, ...CONVERSATION_STATUSES.map((s) => t.byStatus[s])]) }}
    >
      <div className="h-72" role="img" aria-label="Stacked bar chart of each tier's conversations by status">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {statuses.map((s) => (
              <Bar key={s} dataKey={s} name={STATUS_STYLE[s].label} stackId="status" fill={STATUS_STYLE[s].colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}

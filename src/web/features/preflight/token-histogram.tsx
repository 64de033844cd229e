import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PreflightResult } from '../../../contract/preflight';

/** Conversations per token-length bin, the bins over the limit in the warning colour, and the limit as a line. */
export function TokenHistogram({ result }: { result: PreflightResult }) {
  const data = result.histogram.map((b) => ({ bin: b.from, label: `${b.from.toLocaleString()}–${b.to.toLocaleString()}`, Conversations: b.count, over: b.overLimit }));
  return (
    <div className="h-64 w-full" role="img" aria-label={`Token lengths of ${result.count} conversations against the limit of ${result.maxSeqLen} tokens`} data-testid="token-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 16, left: 0 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border, #e5e7eb)" />
          <XAxis dataKey="bin" type="number" domain={[0, 'dataMax']} tick={{ fontSize: 12 }} tickFormatter={(v: number) => v.toLocaleString()} label={{ value: 'tokens', position: 'insideBottomRight', offset: -8, fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(_v, payload) => `${(payload?.[0]?.payload as { label?: string } | undefined)?.label ?? ''} tokens`} />
          <Bar dataKey="Conversations" radius={[2, 2, 0, 0]}>
            {data.map((d) => (
              <Cell key={d.bin} fill={d.over ? '#d97706' : '#4f46e5'} />
            ))}
          </Bar>
          <ReferenceLine x={result.maxSeqLen} stroke="#dc2626" strokeDasharray="4 3" label={{ value: `limit ${result.maxSeqLen.toLocaleString()}`, position: 'insideTopRight', fontSize: 12, fill: '#dc2626' }} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

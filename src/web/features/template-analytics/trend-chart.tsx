import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../contract/template-analytics';
import { SERIES_COLOURS } from './figures';

export interface ChartSeries {
  id: string;
  label: string;
  points: TrendPoint[];
}

/** Every bucket any series has, oldest first, with each series' average (absent when it had none). */
function rows(series: ChartSeries[]) {
  const byBucket = new Map<string, Record<string, number | string>>();
  for (const s of series) {
    for (const p of s.points) {
      if (p.averageQuality === null) continue;
      const row = byBucket.get(p.bucketStart) ?? { bucket: p.bucketStart };
      row[s.id] = Number(p.averageQuality.toFixed(2));
      row[`${s.id}:count`] = p.count;
      byBucket.set(p.bucketStart, row);
    }
  }
  return [...byBucket.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)));
}

/** Average quality (0–10) over time, one line per series. */
export function QualityTrendChart({ series, height = 280, label }: { series: ChartSeries[]; height?: number; label: string }) {
  const data = rows(series);
  return (
    <div role="img" aria-label={label} data-testid="quality-trend-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="bucket" tick={{ fontSize: 12, fill: 'var(--text-muted)' }} />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12, fill: 'var(--text-muted)' }} />
          <Tooltip
            formatter={(value, name, item) => {
              const count = (item.payload as Record<string, number>)[`${String(item.dataKey)}:count`];
              return [`${Number(value).toFixed(1)} (${count} conversation${count === 1 ? '' : 's'})`, name];
            }}
            contentStyle={{ fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line key={s.id} type="monotone" dataKey={s.id} name={s.label} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

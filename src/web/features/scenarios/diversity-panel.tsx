import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DiversityReportResponse } from '../../../contract/scenarios';
import { queries } from '../../lib/endpoints';

type Count = DiversityReportResponse['byCategory'][number];

/** A long label (a document title) cut to fit the axis on one line; the tooltip shows it whole. */
const short = (label: string) => (label.length > 20 ? `${label.slice(0, 19)}…` : label);

function Bars({ title, data, testId }: { title: string; data: Count[]; testId: string }) {
  const shown = data.slice(0, 8);
  return (
    <div className="min-w-0 rounded-lg border border-border p-3" data-testid={testId}>
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">Nothing yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(60, shown.length * 26)}>
          <BarChart data={shown} layout="vertical" margin={{ left: 0, right: 12, top: 0, bottom: 0 }}>
            <XAxis type="number" allowDecimals={false} hide />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} interval={0} tickFormatter={short} />
            <Tooltip formatter={(v) => [v, 'scenarios']} />
            <Bar dataKey="count" fill="var(--primary)" radius={[0, 3, 3, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
      {data.length > shown.length && <p className="mt-1 text-xs text-muted">and {data.length - shown.length} more</p>}
    </div>
  );
}

/** The scenario diversity report (US8.2.1): where the library is thin, repetitive or unused. */
export function DiversityPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const report = useQuery(queries.scenarioDiversity());
  const r = report.data;
  if (!r || r.total === 0) return null;
  return (
    <section className="mt-6" aria-labelledby="diversity-title" data-testid="diversity-panel">
      <h2 id="diversity-title" className="text-base font-semibold">
        Scenario diversity
      </h2>
      <p className="mb-3 text-sm text-muted">How varied the active library is: what conversations of tier 2 will be spread over. Thin bars are where new scenarios help most.</p>
      <div className="mb-3 grid grid-cols-2 gap-2 lg:grid-cols-4">
        <Stat label="Active scenarios" value={r.total} />
        <Stat label="Unused (no conversation yet)" value={r.unused} testId="diversity-unused" />
        <Stat label="Distinct title words" value={`${Math.round(r.distinctWordRatio * 100)} %`} hint="Distinct words among all title words: low when titles repeat." />
        <Stat label="Near-duplicate titles" value={r.nearDuplicates.length} />
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
        <Bars title="By category" data={r.byCategory} testId="diversity-category" />
        <Bars title="By source document" data={r.byDocument} testId="diversity-document" />
        <Bars title="By persona" data={r.byPersona} testId="diversity-persona" />
        <Bars title="By emotion" data={r.byEmotion} testId="diversity-emotion" />
        <Bars title="By topic" data={r.byTopic} testId="diversity-topic" />
        <div className="rounded-lg border border-border p-3 text-sm">
          <h3 className="mb-2 font-medium">Gaps and repeats</h3>
          {r.uncoveredDocumentCategories.length > 0 ? (
            <p className="mb-2">
              No scenario comes from documents filed under <strong>{r.uncoveredDocumentCategories.join(', ')}</strong>. Draw scenarios from those documents to cover them.
            </p>
          ) : (
            <p className="mb-2 text-muted">Every document category has at least one scenario.</p>
          )}
          {r.nearDuplicates.length > 0 ? (
            <ul className="space-y-1">
              {r.nearDuplicates.slice(0, 5).map((d) => (
                <li key={`${d.a.id}-${d.b.id}`}>
                  <button type="button" className="text-primary hover:underline" onClick={() => onOpen(d.a.id)}>
                    {d.a.title}
                  </button>{' '}
                  ≈{' '}
                  <button type="button" className="text-primary hover:underline" onClick={() => onOpen(d.b.id)}>
                    {d.b.title}
                  </button>{' '}
                  <span className="text-muted">({Math.round(d.similarity * 100)} % of title words shared)</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">No two titles share most of their words.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string | number; hint?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-border p-3" title={hint}>
      <div className="text-[11px] font-semibold tracking-wide text-muted uppercase">{label}</div>
      <div className="mt-0.5 text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

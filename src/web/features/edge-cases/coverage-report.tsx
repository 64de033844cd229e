import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS } from '../../../core/edge-case-categories';
import { endpoints, queries } from '../../lib/endpoints';
import { errorText } from './api-error-text';

/** The edge-case coverage report (US8.3.1, US8.3.2): what each category has tested, and for whom. */
export function CoverageReport() {
  const report = useQuery(queries.edgeCaseCoverage());
  const data = report.data;
  return (
    <section aria-labelledby="edge-coverage" className="rounded-xl border border-border bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="edge-coverage" className="text-base font-semibold">
            Coverage
          </h2>
          <p className="text-sm text-muted">Edge-case conversations per category: planned, generated, approved, and generated but below the edge-case bar{data ? ` of ${data.edgeCaseMinScore}` : ''}.</p>
        </div>
        <a href={endpoints.edgeCases.coverageCsvUrl} download className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium shadow-sm hover:bg-surface-muted">
          <Download className="h-4 w-4" aria-hidden /> Export CSV
        </a>
      </div>
      {report.error && <p className="text-sm text-danger">{errorText(report.error)}</p>}
      {data && (
        <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
          <div className="h-64" data-testid="edge-coverage-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data.categories} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="conversations" name="Planned" fill="#94a3b8" />
                <Bar dataKey="generated" name="Generated" fill="#6366f1" />
                <Bar dataKey="approved" name="Approved" fill="#16a34a" />
                <Bar dataKey="belowBar" name="Below the bar" fill="#f59e0b" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Edge cases per persona and category">
              <thead className="text-[11px] tracking-wide text-muted uppercase">
                <tr className="border-b border-border">
                  <th className="py-1.5 pr-2 text-left">Persona</th>
                  {EDGE_CASE_CATEGORIES.map((c) => (
                    <th key={c} className="px-1 py-1.5 text-right">
                      {EDGE_CASE_CATEGORY_LABELS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.personas.length === 0 ? (
                  <tr>
                    <td colSpan={EDGE_CASE_CATEGORIES.length + 1} className="py-3 text-muted">
                      No edge-case conversation yet: generate suggested edge cases or “Generate All Tier 3”.
                    </td>
                  </tr>
                ) : (
                  data.personas.map((p) => (
                    <tr key={p.persona} className="border-b border-border last:border-0">
                      <td className="py-1.5 pr-2">{p.label}</td>
                      {EDGE_CASE_CATEGORIES.map((c) => (
                        <td key={c} className={`px-1 py-1.5 text-right tabular-nums ${p.counts[c] ? '' : 'text-muted'}`}>
                          {p.counts[c] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

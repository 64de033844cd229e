import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS } from './edge-case-categories';
import { csvRow } from './csv';

interface Counts {
  definitions: number;
  conversations: number;
  generated: number;
  approved: number;
  belowBar: number;
}

/** The coverage report's shape (the contract's EdgeCaseCoverage). */
export interface CoverageReport {
  edgeCaseMinScore: number;
  categories: (Counts & { category: string; label: string })[];
  personas: { persona: string; label: string; counts: Record<string, number>; total: number }[];
  totals: Counts;
}

/**
 * The edge-case coverage report as one CSV (US8.3.2 "Export edge case coverage report"): a
 * section per category, then the persona × category counts, so it opens as one sheet.
 */
export function edgeCaseCoverageCsv(report: CoverageReport): string {
  let out = csvRow(['section', 'name', 'definitions', 'conversations', 'generated', 'approved', `below bar (< ${report.edgeCaseMinScore})`]);
  for (const c of report.categories) out += csvRow(['category', c.label, c.definitions, c.conversations, c.generated, c.approved, c.belowBar]);
  const t = report.totals;
  out += csvRow(['category', 'All categories', t.definitions, t.conversations, t.generated, t.approved, t.belowBar]);
  out += csvRow([]);
  out += csvRow(['section', 'persona', ...EDGE_CASE_CATEGORIES.map((c) => EDGE_CASE_CATEGORY_LABELS[c]), 'total']);
  for (const p of report.personas) out += csvRow(['persona', p.label, ...EDGE_CASE_CATEGORIES.map((c) => p.counts[c] ?? 0), p.total]);
  return out;
}

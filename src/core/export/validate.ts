import { EXPORT_FORMATS } from './formats';
import { readinessWarnings } from './readiness';
import { RULE_LABELS, type ExportOptions, type ExportProblem, type ExportRecord, type ExportRule, type FormatId } from './record';

export type ValidationResult = { ok: true } | { ok: false; problems: ExportProblem[] };

const OK: ValidationResult = Object.freeze({ ok: true });

/** Whether the target of `format` would accept the record, and if not, why (plain English). */
export function validateRecord(format: FormatId, record: ExportRecord, options?: ExportOptions): ValidationResult {
  const problems = EXPORT_FORMATS[format].validate(record, options);
  return problems.length === 0 ? OK : { ok: false, problems };
}

export interface ValidationExample {
  conversationId: string;
  title: string;
  problems: ExportProblem[];
}

/** What the preview dialog shows: how many records pass, which rules fail, and a few examples. */
export interface ValidationReport {
  format: FormatId;
  total: number;
  valid: number;
  invalid: number;
  /** Conversations with at least one problem of each rule (a conversation counts once per rule). */
  byRule: Partial<Record<ExportRule, number>>;
  /** The first `maxExamples` invalid conversations, in the order they were added. */
  examples: ValidationExample[];
  maxExamples: number;
  /** What keeps records that pass from being ready for every common base model (`readinessWarnings`). */
  warnings: string[];
}

const RULE_ORDER = Object.fromEntries(Object.keys(RULE_LABELS).map((rule, i) => [rule, i])) as Record<ExportRule, number>;

export function createValidationReport(format: FormatId, maxExamples = 5, options?: ExportOptions): ValidationReport {
  return { format, total: 0, valid: 0, invalid: 0, byRule: {}, examples: [], maxExamples, warnings: readinessWarnings(format, options) };
}

export function addToReport(report: ValidationReport, record: ExportRecord, result: ValidationResult): void {
  report.total++;
  if (result.ok) {
    report.valid++;
    return;
  }
  report.invalid++;
  let seen = 0;
  for (const problem of result.problems) {
    // Rules are few; a bit per rule keeps "once per conversation" without a Set per record.
    const bit = 1 << RULE_ORDER[problem.rule];
    if (seen & bit) continue;
    seen |= bit;
    report.byRule[problem.rule] = (report.byRule[problem.rule] ?? 0) + 1;
  }
  if (report.examples.length < report.maxExamples) {
    report.examples.push({ conversationId: record.conversationId, title: record.title, problems: result.problems });
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One sentence for the dialog, e.g. "85 of 87 conversations are ready for OpenAI; 2 have
 * problems: Empty turn (2)." With a readiness warning it never says "ready": the records pass
 * the format's checks, and the warning follows.
 */
export function reportSummary(report: ValidationReport): string {
  const label = EXPORT_FORMATS[report.format].label;
  if (report.total === 0) return 'No conversations to export.';
  const warned = report.warnings.length > 0;
  const caveat = warned ? ` ${report.warnings.join(' ')}` : '';
  if (report.invalid === 0) {
    if (warned) return `${report.total === 1 ? 'The conversation passes' : `All ${report.total} conversations pass`} the ${label} checks.${caveat}`;
    return report.total === 1 ? `The conversation is ready for ${label}.` : `All ${report.total} conversations are ready for ${label}.`;
  }
  const rules = (Object.entries(report.byRule) as [ExportRule, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${RULE_LABELS[rule]} (${n})`)
    .join(', ');
  const verdict = warned ? `${report.valid === 1 ? 'passes' : 'pass'} the ${label} checks` : `${report.valid === 1 ? 'is' : 'are'} ready for ${label}`;
  return `${report.valid} of ${plural(report.total, 'conversation')} ${verdict}; ${report.invalid} ${report.invalid === 1 ? 'has' : 'have'} problems: ${rules}.${caveat}`;
}

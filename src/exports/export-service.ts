import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { ExportPreview, ExportRequest } from '../contract/exports';
import { AppError } from '../core/errors';
import { addToReport, createValidationReport, EXPORT_FORMAT_VERSION, formatLine, jsonItem, planSplit, reportSummary, validateRecord, type SplitItem } from '../core/export';
import type { Db } from '../db/client';
import { exportLogs } from '../db/schema';
import { exportBalanceOf } from './export-balance';
import { countExport, exportRecords, exportWhere } from './export-rows';
import { planExport, writeExport, type ExportPlan } from './write-export';

/** How many conversations the preview validates; the export itself checks every one. */
const PREVIEW_CHECKED = 5000;
const SAMPLE_LINES = 3;

function nothingToExport(approvedOnly: boolean): AppError {
  return new AppError({
    code: 'nothing_to_export',
    status: 422,
    message: approvedOnly ? 'None of these conversations is approved yet, so there is nothing to export.' : 'None of these conversations has text yet, so there is nothing to export.',
    hint: approvedOnly ? 'Approve conversations first, or untick "Approved only" to export the current view.' : 'Generate conversations first, or choose another selection.',
  });
}

/** The export dialog's preview: count, file names, the first lines and the validator's report. */
export async function previewExport(db: Db, request: ExportRequest, now = new Date()): Promise<ExportPreview> {
  const where = exportWhere(request.selection, request.approvedOnly, request.options.excludeNearDuplicates);
  const { count, unreviewed } = await countExport(db, where);
  if (count === 0) throw nothingToExport(request.approvedOnly);
  const nearDuplicatesLeftOut = request.options.excludeNearDuplicates ? (await countExport(db, exportWhere(request.selection, request.approvedOnly))).count - count : 0;
  const plan = planExport(request, count, now);
  const report = createValidationReport(request.format, 5, request.options);
  const sample: string[] = [];
  const written: SplitItem[] = [];
  for await (const batch of exportRecords(db, where, PREVIEW_CHECKED)) {
    for (const record of batch) {
      const result = validateRecord(request.format, record, request.options);
      addToReport(report, record, result);
      if (result.ok && request.split) written.push({ conversationId: record.conversationId, tier: record.tier });
      if (result.ok && sample.length < SAMPLE_LINES) sample.push(request.format === 'json' ? jsonItem(record, true) : formatLine(request.format, record, request.options).trimEnd());
    }
  }
  // The split depends on every exported conversation: shown only when the preview saw them all.
  const split = request.split && report.total === count ? planSplit(written, request.split.validationFraction, request.split.seed) : null;
  return {
    count,
    checked: report.total,
    unreviewedCount: unreviewed,
    nearDuplicatesLeftOut,
    fileName: plan.fileName,
    files: plan.files,
    sample,
    validation: {
      total: report.total,
      valid: report.valid,
      invalid: report.invalid,
      byRule: report.byRule as Record<string, number>,
      examples: report.examples.map((e) => ({ conversationId: e.conversationId, problems: e.problems.map((p) => ({ rule: p.rule, message: p.message })) })),
      warnings: report.warnings,
      summary: reportSummary(report),
    },
    split: split && { train: split.train, validation: split.validationCount, byTier: split.byTier },
    balance: await exportBalanceOf(db, where, request.selection),
  };
}

export interface PreparedExport {
  exportId: string;
  plan: ExportPlan;
  count: number;
  unreviewed: number;
}

/** Checks there is something to export and names the file; nothing is written yet. */
export async function prepareExport(db: Db, request: ExportRequest, now = new Date()): Promise<PreparedExport> {
  const { count, unreviewed } = await countExport(db, exportWhere(request.selection, request.approvedOnly, request.options.excludeNearDuplicates));
  if (count === 0) throw nothingToExport(request.approvedOnly);
  return { exportId: `exp-${randomUUID()}`, plan: planExport(request, count, now), count, unreviewed };
}

/**
 * Streams a prepared export to `out` and records it in the export log (US5.2.2, US9.3.3): who,
 * when, the request (so it can be re-run and its filter recreated), the file, how many
 * conversations were written, the statistics and the validator's report. An export whose
 * download broke off is logged as incomplete.
 */
export async function runExport(db: Db, prepared: PreparedExport, out: Writable, opts: { userId: string | null; systemVersion: string; now?: Date; signal?: AbortSignal; tempRoot?: string }) {
  const now = opts.now ?? new Date();
  const { request } = prepared.plan;
  const base = {
    exportId: prepared.exportId,
    userId: opts.userId,
    format: request.format,
    fileName: prepared.plan.fileName,
    filterState: { ...request } as Record<string, unknown>,
    exportedAt: now,
  };
  try {
    const outcome = await writeExport({ db, where: exportWhere(request.selection, request.approvedOnly, request.options.excludeNearDuplicates), systemVersion: opts.systemVersion, now, filterState: request.selection ?? null, signal: opts.signal, tempRoot: opts.tempRoot }, prepared.plan, out);
    await db.insert(exportLogs).values({
      ...base,
      conversationCount: outcome.written,
      metadata: {
        status: 'completed',
        formatVersion: EXPORT_FORMAT_VERSION,
        approvedOnly: request.approvedOnly,
        unreviewedCount: request.approvedOnly ? 0 : prepared.unreviewed,
        skipped: outcome.report.invalid,
        validation: { valid: outcome.report.valid, invalid: outcome.report.invalid, byRule: outcome.report.byRule },
        files: prepared.plan.files,
        statistics: outcome.metadata as unknown as Record<string, unknown>,
      },
    });
    return outcome;
  } catch (err) {
    // A download the client cancelled is "abandoned"; one that failed on our side "incomplete".
    const abandoned = opts.signal?.aborted ?? false;
    const reason = abandoned ? 'The download was cancelled or the connection closed before the file was complete.' : err instanceof Error ? err.message : String(err);
    await db
      .insert(exportLogs)
      .values({ ...base, conversationCount: 0, metadata: { status: abandoned ? 'abandoned' : 'incomplete', reason, formatVersion: EXPORT_FORMAT_VERSION, approvedOnly: request.approvedOnly, unreviewedCount: 0 } })
      .onConflictDoNothing();
    throw err;
  }
}

import fs from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import yazl from 'yazl';
import type { ExportRequest } from '../contract/exports';
import {
  addRecord,
  addToReport,
  applySplitPlan,
  createStats,
  createValidationReport,
  datasetCard,
  EXPORT_FORMATS,
  exportFileName,
  finishStats,
  formatLine,
  jsonFooter,
  jsonHeader,
  jsonItem,
  llamaFactoryRegistration,
  metadataFileName,
  metadataLine,
  planSplit,
  splitFileNames,
  validateRecord,
  type ExportMetadata,
  type ExportRecord,
  type ExportStats,
  type SplitItem,
  type ValidationReport,
} from '../core/export';
import type { Db } from '../db/client';
import { EXPORT_TEMP_PREFIX, routeLines, TempFiles, untilFinished, write } from './export-files';
import { exportRecords } from './export-rows';

export { EXPORT_TEMP_PREFIX };

/** Data files: the train file (or the only one) and the validation file of a split. */
interface DataFiles {
  train: string;
  validation: string | null;
}

/** The files an export writes: one file, or a zip of data files with the metadata and card. */
export interface ExportPlan {
  request: ExportRequest;
  fileName: string;
  archive: boolean;
  /** The files in the archive (or the one file). */
  files: string[];
  data: DataFiles;
  /** The metadata sidecars of the data files (`includeMetadata` for openai and anthropic). */
  sidecars: DataFiles | null;
}

export function planExport(request: ExportRequest, count: number, now: Date): ExportPlan {
  const format = EXPORT_FORMATS[request.format];
  const { extension } = format;
  const sidecar = request.options.includeMetadata === true && format.metadataPlacement === 'sidecar';
  const archive = Boolean(request.split || request.datasetCard || sidecar);
  const fileName = exportFileName({ date: now, count, format: request.format, extension, approvedOnly: request.approvedOnly, name: request.fileName, archive });
  if (!archive) return { request, fileName, archive, files: [fileName], data: { train: fileName, validation: null }, sidecars: null };
  const inner = fileName.replace(/\.zip$/, `.${extension}`);
  const data: DataFiles = request.split ? splitFileNames(inner, extension) : { train: inner, validation: null };
  const sidecars: DataFiles | null = sidecar ? { train: metadataFileName(data.train), validation: data.validation && metadataFileName(data.validation) } : null;
  const files = [
    data.train,
    ...(data.validation ? [data.validation] : []),
    ...(sidecars ? [sidecars.train, ...(sidecars.validation ? [sidecars.validation] : [])] : []),
    'metadata.json',
    ...(request.datasetCard ? ['README.md'] : []),
    ...(request.format === 'sharegpt' ? ['dataset_info.json'] : []),
  ];
  return { request, fileName, archive, files, data, sidecars };
}

export interface ExportOutcome {
  /** Conversations written (valid ones). */
  written: number;
  report: ValidationReport;
  metadata: ExportMetadata;
}

interface Context {
  db: Db;
  where: SQL | undefined;
  systemVersion: string;
  now: Date;
  filterState: Record<string, unknown> | null;
  /** Aborted when the client hangs up: the export stops and cleans up. */
  signal?: AbortSignal;
  /** Where temporary files go (the system's temporary folder unless given). */
  tempRoot?: string;
}

/** Where a pass writes each valid record: its line, and its metadata line for a sidecar. */
interface Sinks {
  line: (record: ExportRecord, index: number) => string;
  data: Writable;
  sidecar?: Writable | null;
  /** Told of every record written, in order (a split collects them to decide afterwards). */
  written?: (record: ExportRecord) => void;
}

interface PassOutcome {
  written: number;
  report: ValidationReport;
  stats: ExportStats;
}

/**
 * Reads the export's conversations once: validates each against the format's rules, counts it
 * into the statistics and writes the valid ones to the sinks. Invalid ones are left out and
 * reported, so no file ever carries a record its trainer would refuse. A batch's lines go out
 * as one write per file, not one per conversation.
 */
async function pass(ctx: Context, request: ExportRequest, sinks: Sinks): Promise<PassOutcome> {
  const report = createValidationReport(request.format, 5, request.options);
  const stats = createStats();
  let written = 0;
  for await (const batch of exportRecords(ctx.db, ctx.where)) {
    ctx.signal?.throwIfAborted();
    let data = '';
    let sidecar = '';
    for (const record of batch) {
      const result = validateRecord(request.format, record, request.options);
      addToReport(report, record, result);
      if (!result.ok) continue;
      addRecord(stats, record);
      data += sinks.line(record, written);
      if (sinks.sidecar) sidecar += metadataLine(record);
      sinks.written?.(record);
      written++;
    }
    if (data) await write(sinks.data, data, ctx.signal);
    if (sidecar && sinks.sidecar) await write(sinks.sidecar, sidecar, ctx.signal);
  }
  return { written, report, stats };
}

function finish(ctx: Context, request: ExportRequest, outcome: PassOutcome): ExportOutcome {
  const metadata = finishStats(outcome.stats, {
    format: request.format,
    exportedAt: ctx.now.toISOString(),
    approvedOnly: request.approvedOnly,
    filter: ctx.filterState,
    systemVersion: ctx.systemVersion,
    options: request.options,
    split: request.split ?? null,
  });
  return { written: outcome.written, report: outcome.report, metadata };
}

/** How a record becomes one line of the request's chat format. */
const lineOf = (request: ExportRequest) => (record: ExportRecord) => formatLine(request.format, record, request.options);

/**
 * The generic JSON document: statistics first, then the items. A header needs the statistics
 * before the items, so the items go to a temporary file as they are read and follow the header
 * from there — one read of the database, not two.
 */
async function writeJson(ctx: Context, request: ExportRequest, out: Writable): Promise<ExportOutcome> {
  const temp = new TempFiles(ctx.tempRoot);
  try {
    const items = temp.create('items');
    const outcome = finish(ctx, request, await pass(ctx, request, { line: (record, index) => jsonItem(record, index === 0), data: items.stream }));
    await temp.close(items);
    await write(out, jsonHeader(outcome.metadata), ctx.signal);
    for await (const chunk of fs.createReadStream(items.path)) await write(out, chunk as Buffer, ctx.signal);
    await write(out, jsonFooter(), ctx.signal);
    return outcome;
  } finally {
    await temp.remove();
  }
}

/**
 * A split needs each tier's count before it can say which conversations go to validation
 * (`planSplit`), so the lines (and sidecar lines) go to temporary files as they are read, and
 * are then routed: train straight into the zip, validation through a file of its own, since a
 * zip holds one file after the other.
 */
async function writeSplit(ctx: Context, plan: ExportPlan, zip: yazl.ZipFile, temp: TempFiles): Promise<ExportOutcome> {
  const { request, data, sidecars } = plan;
  const split = request.split!;
  const all = temp.create('all');
  const allSidecar = sidecars ? temp.create('all-metadata') : null;
  const items: SplitItem[] = [];
  const outcome = await pass(ctx, request, {
    line: lineOf(request),
    data: all.stream,
    sidecar: allSidecar?.stream,
    written: (record) => items.push({ conversationId: record.conversationId, tier: record.tier }),
  });
  await temp.close(all);
  if (allSidecar) await temp.close(allSidecar);
  const decided = planSplit(items, split.validationFraction, split.seed);
  applySplitPlan(outcome.stats, decided);

  const train = new PassThrough();
  zip.addReadStream(train, data.train);
  const validation = temp.create('validation');
  await routeLines(all.path, decided.validation, train, validation.stream, ctx.signal);
  train.end();
  await temp.close(validation);
  zip.addFile(validation.path, data.validation!);
  if (allSidecar && sidecars) {
    const trainMeta = temp.create('train-metadata');
    const validationMeta = temp.create('validation-metadata');
    await routeLines(allSidecar.path, decided.validation, trainMeta.stream, validationMeta.stream, ctx.signal);
    await temp.close(trainMeta);
    await temp.close(validationMeta);
    zip.addFile(trainMeta.path, sidecars.train);
    zip.addFile(validationMeta.path, sidecars.validation!);
  }
  return finish(ctx, request, outcome);
}

/** One data file (and its sidecar) in the zip: the data streams straight in. */
async function writeWhole(ctx: Context, plan: ExportPlan, zip: yazl.ZipFile, temp: TempFiles): Promise<ExportOutcome> {
  const { request, data, sidecars } = plan;
  const stream = new PassThrough();
  zip.addReadStream(stream, data.train);
  if (request.format === 'json') {
    const outcome = await writeJson(ctx, request, stream);
    stream.end();
    return outcome;
  }
  const sidecar = sidecars ? temp.create('metadata') : null;
  const outcome = await pass(ctx, request, { line: lineOf(request), data: stream, sidecar: sidecar?.stream });
  stream.end();
  if (sidecar && sidecars) {
    await temp.close(sidecar);
    zip.addFile(sidecar.path, sidecars.train);
  }
  return finish(ctx, request, outcome);
}

/**
 * Streams an export to `out`: one JSONL or JSON file, or — with a split, a dataset card or a
 * metadata sidecar — a zip of the data files, their sidecars, metadata.json, README.md and
 * (ShareGPT) dataset_info.json, which registers every data file the card names.
 */
export async function writeExport(ctx: Context, plan: ExportPlan, out: Writable): Promise<ExportOutcome> {
  const { request } = plan;
  if (!plan.archive) {
    const outcome =
      request.format === 'json'
        ? await writeJson(ctx, request, out)
        : finish(ctx, request, await pass(ctx, request, { line: lineOf(request), data: out }));
    out.end();
    await untilFinished(out, ctx.signal);
    return outcome;
  }

  const zip = new yazl.ZipFile();
  // yazl opens added files only when it reaches them: after a hang-up they are already removed,
  // and its complaint must end this download, not the server. Any other zip error fails it too.
  zip.on('error', (err: Error) => out.destroy(err));
  zip.outputStream.pipe(out);
  const temp = new TempFiles(ctx.tempRoot);
  try {
    const outcome = request.split ? await writeSplit(ctx, plan, zip, temp) : await writeWhole(ctx, plan, zip, temp);
    zip.addBuffer(Buffer.from(`${JSON.stringify(outcome.metadata, null, 2)}\n`), 'metadata.json');
    const files = { train: plan.data.train, validation: plan.data.validation, metadata: plan.sidecars };
    if (request.datasetCard) {
      zip.addBuffer(Buffer.from(datasetCard(outcome.metadata, { files, folder: plan.fileName.replace(/\.zip$/, '') })), 'README.md');
    }
    if (request.format === 'sharegpt') {
      zip.addBuffer(Buffer.from(`${JSON.stringify(llamaFactoryRegistration(files).info, null, 2)}\n`), 'dataset_info.json');
    }
    zip.end();
    await untilFinished(out, ctx.signal);
    return outcome;
  } finally {
    await temp.remove();
  }
}

export type { Context as ExportContext };

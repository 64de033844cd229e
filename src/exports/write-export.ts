import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { SQL } from 'drizzle-orm';
import yazl from 'yazl';
import type { ExportRequest } from '../contract/exports';
import {
  addRecord,
  addToReport,
  assignSplit,
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
  sharegptDatasetInfo,
  splitFileNames,
  validateRecord,
  type ExportMetadata,
  type ExportRecord,
  type ValidationReport,
} from '../core/export';
import type { Db } from '../db/client';
import { exportRecords } from './export-rows';

/** Temporary folders of running exports are named so; tests check none is left behind. */
export const EXPORT_TEMP_PREFIX = 'convgen-export-';

/** The files an export writes: one file, or a zip of data files with the metadata and card. */
export interface ExportPlan {
  request: ExportRequest;
  fileName: string;
  archive: boolean;
  /** The files in the archive (or the one file). */
  files: string[];
}

export function planExport(request: ExportRequest, count: number, now: Date): ExportPlan {
  const { extension } = EXPORT_FORMATS[request.format];
  const archive = Boolean(request.split || request.datasetCard);
  const fileName = exportFileName({ date: now, count, format: request.format, extension, approvedOnly: request.approvedOnly, name: request.fileName, archive });
  if (!archive) return { request, fileName, archive, files: [fileName] };
  const inner = fileName.replace(/\.zip$/, `.${extension}`);
  const data = request.split ? Object.values(splitFileNames(inner, extension)) : [inner];
  const extras = ['metadata.json', ...(request.datasetCard ? ['README.md'] : []), ...(request.format === 'sharegpt' ? ['dataset_info.json'] : [])];
  return { request, fileName, archive, files: [...data, ...extras] };
}

export interface ExportOutcome {
  /** Conversations written (valid ones). */
  written: number;
  report: ValidationReport;
  metadata: ExportMetadata;
}

/**
 * Writes a chunk, waiting when the reader is behind, so memory stays flat however big the export.
 * A reader that is gone (the download was cancelled) ends the wait through `signal`: otherwise
 * the export would wait for it forever, holding its temporary files.
 */
async function write(stream: Writable, chunk: string | Buffer, signal?: AbortSignal) {
  signal?.throwIfAborted();
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (err?: unknown) => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onAbort = () => done(signal?.reason ?? new Error('The export was cancelled.'));
    stream.on('drain', onDrain);
    stream.on('error', done);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Closes a temporary file's stream (finished or not) before its folder is removed. */
async function closeQuietly(stream: fs.WriteStream) {
  stream.destroy();
  await finished(stream).catch(() => {});
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

/** Where a pass writes: each valid record's text, and the stream for its part of the split. */
interface Emit {
  line: (record: ExportRecord, index: number) => string;
  to: (split: 'train' | 'validation' | undefined) => Writable;
}

/**
 * Reads the export's conversations once: validates each against the format's rules, counts it
 * into the statistics and writes the valid ones through `emit`. Invalid ones are left out and
 * reported, so no file ever carries a record its trainer would refuse. A batch's lines go out
 * as one write per file, not one per conversation.
 */
async function pass(ctx: Context, request: ExportRequest, emit: Emit) {
  const report = createValidationReport(request.format);
  const stats = createStats();
  let written = 0;
  for await (const batch of exportRecords(ctx.db, ctx.where)) {
    ctx.signal?.throwIfAborted();
    let train = '';
    let validation = '';
    for (const record of batch) {
      const result = validateRecord(request.format, record, request.options);
      addToReport(report, record, result);
      if (!result.ok) continue;
      const split = request.split ? assignSplit(record.conversationId, record.tier, request.split.validationFraction, request.split.seed) : undefined;
      addRecord(stats, record, split);
      if (split === 'validation') validation += emit.line(record, written);
      else train += emit.line(record, written);
      written++;
    }
    if (train) await write(emit.to('train'), train, ctx.signal);
    if (validation) await write(emit.to('validation'), validation, ctx.signal);
  }
  const metadata = finishStats(stats, {
    format: request.format,
    exportedAt: ctx.now.toISOString(),
    approvedOnly: request.approvedOnly,
    filter: ctx.filterState,
    systemVersion: ctx.systemVersion,
    options: request.options,
    split: request.split ?? null,
  });
  return { written, report, metadata };
}

/**
 * The generic JSON document: statistics first, then the items. A header needs the statistics
 * before the items, so the items go to a temporary file as they are read and follow the header
 * from there — one read of the database, not two.
 */
async function writeJson(ctx: Context, request: ExportRequest, out: Writable): Promise<ExportOutcome> {
  const tempDir = fs.mkdtempSync(path.join(ctx.tempRoot ?? os.tmpdir(), EXPORT_TEMP_PREFIX));
  const items = fs.createWriteStream(path.join(tempDir, 'items'));
  try {
    const itemsPath = path.join(tempDir, 'items');
    const outcome = await pass(ctx, request, { line: (record, index) => jsonItem(record, index === 0), to: () => items });
    items.end();
    await finished(items);
    await write(out, jsonHeader(outcome.metadata), ctx.signal);
    for await (const chunk of fs.createReadStream(itemsPath)) await write(out, chunk as Buffer, ctx.signal);
    await write(out, jsonFooter(), ctx.signal);
    return outcome;
  } finally {
    await closeQuietly(items);
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * Streams an export to `out`: one JSONL or JSON file, or — with a split or a dataset card — a
 * zip of the data files, metadata.json, README.md and (ShareGPT) dataset_info.json. The train
 * file streams straight into the zip; the validation file goes through a temporary file, since
 * a zip holds one file after the other.
 */
export async function writeExport(ctx: Context, plan: ExportPlan, out: Writable): Promise<ExportOutcome> {
  const { request } = plan;
  const line = (record: ExportRecord) => formatLine(request.format, record, request.options);
  if (!plan.archive) {
    const outcome = request.format === 'json' ? await writeJson(ctx, request, out) : await pass(ctx, request, { line, to: () => out });
    out.end();
    await finished(out);
    return outcome;
  }

  const zip = new yazl.ZipFile();
  zip.outputStream.pipe(out);
  const [main, validationName] = plan.files;
  const data = new PassThrough();
  zip.addReadStream(data, main);
  const tempDir = request.split ? fs.mkdtempSync(path.join(ctx.tempRoot ?? os.tmpdir(), EXPORT_TEMP_PREFIX)) : null;
  const validationPath = tempDir ? path.join(tempDir, 'validation') : null;
  const validation = validationPath ? fs.createWriteStream(validationPath) : null;
  try {
    let outcome: ExportOutcome;
    if (request.format === 'json') {
      outcome = await writeJson(ctx, { ...request, split: undefined }, data);
    } else {
      outcome = await pass(ctx, request, { line, to: (split) => (split === 'validation' && validation ? validation : data) });
      data.end();
    }
    if (validation && validationPath) {
      validation.end();
      await finished(validation);
      zip.addFile(validationPath, validationName);
    }
    zip.addBuffer(Buffer.from(`${JSON.stringify(outcome.metadata, null, 2)}\n`), 'metadata.json');
    if (request.datasetCard) {
      const files = { train: main, validation: request.split ? validationName : null };
      zip.addBuffer(Buffer.from(datasetCard(outcome.metadata, { files, datasetName: main.replace(/\.[a-z]+$/, '') })), 'README.md');
    }
    if (request.format === 'sharegpt') {
      zip.addBuffer(Buffer.from(`${JSON.stringify(sharegptDatasetInfo(main.replace(/\.[a-z]+$/, '').replace(/[^A-Za-z0-9_]/g, '_'), main), null, 2)}\n`), 'dataset_info.json');
    }
    zip.end();
    await finished(out);
    return outcome;
  } finally {
    if (validation) await closeQuietly(validation);
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

export type { Context as ExportContext };

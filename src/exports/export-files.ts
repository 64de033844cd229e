import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Temporary folders of running exports are named so; tests check none is left behind. */
export const EXPORT_TEMP_PREFIX = 'convgen-export-';

/**
 * Waits until `stream` has flushed everything, or rejects with the abort's reason: a client that
 * stops reading after the last write would otherwise hold the export (and its temporary files)
 * open for good.
 */
export async function untilFinished(stream: Writable, signal?: AbortSignal) {
  signal?.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    // A hang-up after the last byte was taken is no hang-up: the file is complete.
    onAbort = () => {
      if (!stream.writableFinished) reject(signal?.reason ?? new Error('The export was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([finished(stream), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Writes a chunk, waiting when the reader is behind, so memory stays flat however big the export.
 * A reader that is gone (the download was cancelled) ends the wait through `signal`: otherwise
 * the export would wait for it forever, holding its temporary files.
 */
export async function write(stream: Writable, chunk: string | Buffer, signal?: AbortSignal) {
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

export interface TempFile {
  path: string;
  stream: fs.WriteStream;
}

/**
 * The temporary files of one export, in one folder made on first use and removed by `remove`
 * (call it in a `finally`, after the zip has read them).
 */
export class TempFiles {
  private dir: string | null = null;
  private readonly open: fs.WriteStream[] = [];

  constructor(private readonly root = os.tmpdir()) {}

  create(name: string): TempFile {
    this.dir ??= fs.mkdtempSync(path.join(this.root, EXPORT_TEMP_PREFIX));
    const file = path.join(this.dir, name);
    const stream = fs.createWriteStream(file);
    this.open.push(stream);
    return { path: file, stream };
  }

  /** Ends a file and waits until it is on disk. */
  async close(file: TempFile) {
    file.stream.end();
    await finished(file.stream);
  }

  async remove() {
    // Closes streams an error left open (finished or not) before their folder goes.
    for (const stream of this.open) {
      stream.destroy();
      await finished(stream).catch(() => {});
    }
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Bytes gathered per destination before one write: few writes, flat memory. */
const FLUSH_BYTES = 1 << 20;

/**
 * Reads a JSONL file and sends line i to `validation` when `toValidation[i]` is 1, else to
 * `train`, keeping the order. Lines are whole records: JSON.stringify never writes a raw
 * newline inside one.
 */
export async function routeLines(file: string, toValidation: Uint8Array, train: Writable, validation: Writable, signal?: AbortSignal) {
  let index = 0;
  let carry: Buffer | null = null;
  const out = { train: [] as Buffer[], validation: [] as Buffer[], trainBytes: 0, validationBytes: 0 };
  const flush = async (all: boolean) => {
    if (out.train.length && (all || out.trainBytes >= FLUSH_BYTES)) {
      await write(train, Buffer.concat(out.train), signal);
      out.train = [];
      out.trainBytes = 0;
    }
    if (out.validation.length && (all || out.validationBytes >= FLUSH_BYTES)) {
      await write(validation, Buffer.concat(out.validation), signal);
      out.validation = [];
      out.validationBytes = 0;
    }
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: FLUSH_BYTES })) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      const line = buffer.subarray(start, end + 1);
      if (toValidation[index++] === 1) {
        out.validation.push(line);
        out.validationBytes += line.length;
      } else {
        out.train.push(line);
        out.trainBytes += line.length;
      }
      start = end + 1;
    }
    carry = start < buffer.length ? buffer.subarray(start) : null;
    await flush(false);
  }
  await flush(true);
  if (carry || index !== toValidation.length) {
    throw new Error(`The export's temporary file held ${index} whole lines where ${toValidation.length} were written.`);
  }
}

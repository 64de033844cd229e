import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { documentErrors } from '../core/documents/document-errors';
import { htmlToBlocks } from '../core/documents/html-blocks';
import type { ParsedDocument } from './parse-document';

/**
 * mammoth converts a whole document in one synchronous stretch (about half a second for 100
 * pages), which would hold every other request meanwhile: it runs in a worker thread. The worker
 * is a few lines of CommonJS evaluated as is, so it needs no build step, in development or in the
 * compiled CLI alike.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammoth);
mammoth.convertToHtml({ buffer: Buffer.from(workerData.bytes) }).then(
  (result) => parentPort.postMessage({ html: result.value }),
  (error) => parentPort.postMessage({ error: String(error && error.message || error) }),
);`;

const mammothPath = createRequire(import.meta.url).resolve('mammoth');

function convertInWorker(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { mammoth: mammothPath, bytes } });
    worker.once('message', (message: { html?: string; error?: string }) => {
      void worker.terminate();
      if (message.html !== undefined) resolve(message.html);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The Word reader stopped (exit code ${code}).`));
    });
  });
}

/** Word → HTML (mammoth keeps headings, lists and tables) → blocks. */
export async function parseDocx(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  let html: string;
  try {
    html = await convertInWorker(bytes);
  } catch {
    throw documentErrors.corruptDocx(name);
  }
  return { blocks: htmlToBlocks(html), pageCount: null };
}

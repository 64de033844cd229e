import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { blocksToMarkdown } from '../core/documents/blocks';
import { chunkBlocks, type DraftChunk } from '../core/documents/chunker';
import { MIME_TYPES, type DocumentKind } from '../core/documents/detect-type';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { documents, documentUploads } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';
import { parseDocument, type ParsedDocument, type ProgressReport } from './parse-document';
import { replaceChunks } from './store-chunks';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A staged upload claimed longer ago than this was abandoned by a stopped server: take it over. */
const STALE_CLAIM_MS = 10 * 60_000;

export const kindOfMime = (mime: string): DocumentKind => (Object.entries(MIME_TYPES).find(([, m]) => m === mime)?.[0] as DocumentKind | undefined) ?? 'text';

/** Parsed text as stored Markdown and its chunks under the workspace's chunk settings. */
export async function chunkParsed(db: Db, parsed: ParsedDocument): Promise<{ markdown: string; drafts: DraftChunk[] }> {
  const { chunkSize, chunkOverlap } = (await getSettings(db)).documents;
  return { markdown: blocksToMarkdown(parsed.blocks), drafts: chunkBlocks(parsed.blocks, { chunkSize, chunkOverlap }) };
}

/**
 * Parses and chunks staged uploads one at a time, in this server, without holding it: the PDF
 * reader yields between pages, and progress is written to the document as it goes. Uploads left
 * staged by a stopped server are picked up again at start.
 */
export class DocumentProcessor {
  private queue: string[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Files up to this size are parsed while the upload waits; larger ones are staged and parsed here. */
  inlineLimit = 1024 * 1024;

  constructor(
    private readonly db: Db,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  /**
   * Queues every staged upload no live process is working on. With `all` (the embedded database,
   * which only this process opens) every staged upload is, whatever its claim says.
   */
  async resume({ all = false }: { all?: boolean } = {}): Promise<number> {
    if (all) await this.db.update(documentUploads).set({ claimedAt: null });
    const rows = await this.db
      .select({ id: documentUploads.documentId })
      .from(documentUploads)
      .where(or(isNull(documentUploads.claimedAt), lt(documentUploads.claimedAt, new Date(Date.now() - STALE_CLAIM_MS))));
    for (const r of rows) this.enqueue(r.id);
    if (rows.length) this.log(`Resuming ${rows.length} document upload(s) that were being processed when convgen stopped.`);
    return rows.length;
  }

  enqueue(documentId: string) {
    if (this.stopped || this.queue.includes(documentId)) return;
    this.queue.push(documentId);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when nothing is queued or being processed (for tests and benches). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    await this.running;
  }

  private async drain() {
    while (this.queue.length && !this.stopped) {
      const id = this.queue.shift()!;
      await this.process(id).catch((error) => this.log(`Processing document ${id} failed: ${String(error)}`));
    }
  }

  private async process(documentId: string) {
    const db = this.db;
    const [claimed] = await db
      .update(documentUploads)
      .set({ claimedAt: new Date() })
      .where(and(eq(documentUploads.documentId, documentId), or(isNull(documentUploads.claimedAt), lt(documentUploads.claimedAt, new Date(Date.now() - STALE_CLAIM_MS)))))
      .returning({ bytes: documentUploads.bytes });
    if (!claimed) return;
    const [doc] = await db.select({ name: documents.sourceFilename, mime: documents.mimeType, content: documents.content }).from(documents).where(eq(documents.id, documentId));
    if (!doc) return;
    let lastWrite = 0;
    const progress: ProgressReport = async (fraction, message) => {
      // A write per page of a 200-page PDF is wasted work: a few a second is what a person sees.
      if (Date.now() - lastWrite < 250 && fraction < 1) return;
      lastWrite = Date.now();
      await db.update(documents).set({ progress: Math.min(0.9, fraction * 0.9), progressMessage: message }).where(eq(documents.id, documentId));
    };
    try {
      const parsed = await parseDocument(doc.name ?? 'upload', kindOfMime(doc.mime), new Uint8Array(claimed.bytes), progress);
      await db.update(documents).set({ progress: 0.92, progressMessage: 'Splitting into chunks' }).where(eq(documents.id, documentId));
      const { markdown, drafts } = await chunkParsed(db, parsed);
      await db.transaction(async (tx) => {
        await replaceChunks(tx, documentId, drafts);
        await tx
          .update(documents)
          .set({ content: markdown, pageCount: parsed.pageCount, contentHash: sha256(claimed.bytes), sizeBytes: claimed.bytes.length, status: 'ready', progress: 1, progressMessage: null, errorMessage: null, updatedAt: sql`now()` })
          .where(eq(documents.id, documentId));
        await tx.delete(documentUploads).where(eq(documentUploads.documentId, documentId));
      });
    } catch (error) {
      const message = error instanceof AppError ? `${error.message} ${error.hint}` : 'The file could not be processed. Upload it again; if it fails again, save it in another format (PDF or .docx) and upload that.';
      if (!(error instanceof AppError)) this.log(`Document ${documentId}: ${String(error)}`);
      // A replacement that fails leaves the document as it was, with the reason; a new one is marked failed.
      const replacing = doc.content !== '';
      await db.transaction(async (tx) => {
        await tx
          .update(documents)
          .set(replacing ? { status: 'ready', progress: 1, progressMessage: null, errorMessage: `The replacement upload failed: ${message}` } : { status: 'failed', progressMessage: null, errorMessage: message, contentHash: null, updatedAt: sql`now()` })
          .where(eq(documents.id, documentId));
        await tx.delete(documentUploads).where(eq(documentUploads.documentId, documentId));
      });
    }
  }
}

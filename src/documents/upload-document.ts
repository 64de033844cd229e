import { eq, sql } from 'drizzle-orm';
import { detectDocumentKind, MIME_TYPES, titleFromFilename } from '../core/documents/detect-type';
import type { UploadResponse } from '../contract/documents';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/client';
import { findByContentHash, getDocument } from '../db/queries/documents';
import { documents, documentUploads } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';
import { chunkParsed, sha256, type DocumentProcessor } from './document-processor';
import { parseDocument } from './parse-document';
import { openPdf } from './parse-pdf';
import { replaceChunks } from './store-chunks';

export interface UploadInput {
  filename: string;
  bytes: Uint8Array;
  category?: string;
  title?: string;
  author?: string;
  /** Replace this document's content instead of adding a new one. */
  replaceId?: string;
  userId: string | null;
}

export function unknownCategory(category: string, allowed: string[]) {
  return new AppError({
    code: 'unknown_category',
    status: 400,
    message: `"${category}" is not one of the workspace's document categories.`,
    hint: `Use one of: ${allowed.join(', ')}. An admin can add categories on the Documents page.`,
    details: { field: 'category', allowed },
  });
}

/** Checks the category against the workspace's list; none given means the last one ("General" by default). */
export async function resolveCategory(db: Db, category: string | undefined): Promise<string> {
  const allowed = (await getSettings(db)).documents.categories;
  if (!category) return allowed.includes('General') ? 'General' : allowed[allowed.length - 1];
  const match = allowed.find((c) => c.toLowerCase() === category.toLowerCase());
  if (!match) throw unknownCategory(category, allowed);
  return match;
}

/**
 * Adds (or replaces) a document from an uploaded file. Every refusal — unreadable, empty,
 * protected, duplicate, unknown category — happens before anything is written.
 */
export async function uploadDocument(db: Db, processor: DocumentProcessor, input: UploadInput): Promise<UploadResponse> {
  const kind = detectDocumentKind(input.filename, input.bytes);
  const replacing = input.replaceId ? await db.select().from(documents).where(eq(documents.id, input.replaceId)).then((r) => r[0]) : undefined;
  if (input.replaceId && !replacing) throw notFound('The document to replace');
  if (replacing?.status === 'processing') throw new AppError({ code: 'document_processing', status: 409, message: `"${replacing.title}" is still being processed.`, hint: 'Wait until it is ready, then replace it.' });
  const category = input.category || !replacing ? await resolveCategory(db, input.category) : replacing.category;
  const hash = sha256(input.bytes);
  const duplicate = await findByContentHash(db, hash, replacing?.id);
  if (duplicate) {
    throw new AppError({
      code: 'duplicate_document',
      status: 409,
      message: `This file is already in the workspace as "${duplicate.title}".`,
      hint: `Open "${duplicate.title}" instead, or upload again with replace=${duplicate.id} to replace its content with this file.`,
      details: { existingId: duplicate.id, existingTitle: duplicate.title },
    });
  }
  const title = input.title || replacing?.title || titleFromFilename(input.filename);
  const fields = {
    title,
    category,
    author: input.author !== undefined ? input.author || null : (replacing?.author ?? null),
    sourceFilename: input.filename,
    mimeType: MIME_TYPES[kind],
  };

  // Small files (a second or less of work) are parsed while the upload waits; larger ones are staged
  // and parsed in the background with progress, so the answer never waits on a long PDF.
  if (input.bytes.length <= processor.inlineLimit) {
    const parsed = await parseDocument(input.filename, kind, input.bytes);
    const { markdown, drafts } = await chunkParsed(db, parsed);
    const id = await db.transaction(async (tx) => {
      const values = { ...fields, content: markdown, contentHash: hash, sizeBytes: input.bytes.length, pageCount: parsed.pageCount, status: 'ready', progress: 1, progressMessage: null, errorMessage: null };
      const docId = replacing ? replacing.id : (await tx.insert(documents).values({ ...values, createdBy: input.userId }).returning({ id: documents.id }))[0].id;
      if (replacing) await tx.update(documents).set({ ...values, updatedAt: sql`now()` }).where(eq(documents.id, docId));
      await replaceChunks(tx, docId, drafts);
      return docId;
    });
    return { id, title, category, chunkCount: drafts.length, status: 'ready', replaced: Boolean(replacing) };
  }

  // Refuse a damaged or protected PDF now, while the user waits, rather than after staging it.
  if (kind === 'pdf') await (await openPdf(input.filename, input.bytes)).destroy();
  const id = await db.transaction(async (tx) => {
    const processing = { status: 'processing', progress: 0, progressMessage: 'Waiting to be processed', errorMessage: null };
    const docId = replacing
      ? replacing.id
      : (await tx.insert(documents).values({ ...fields, ...processing, content: '', contentHash: hash, sizeBytes: input.bytes.length, createdBy: input.userId }).returning({ id: documents.id }))[0].id;
    if (replacing) await tx.update(documents).set({ ...fields, ...processing, updatedAt: sql`now()` }).where(eq(documents.id, docId));
    await tx.insert(documentUploads).values({ documentId: docId, bytes: input.bytes });
    return docId;
  });
  processor.enqueue(id);
  const doc = await getDocument(db, id);
  return { id, title, category, chunkCount: doc.chunkCount, status: 'processing', replaced: Boolean(replacing) };
}

import { createHash } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { EXPORT_FORMAT, EXPORT_VERSION, type DocumentsExport, type ImportResponse } from '../contract/documents';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { chunks, documents, type ChunkDimensions } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';

/** Every ready document with its text, chunks and their dimensions, as one versioned JSON document. */
export async function exportDocuments(db: Db, now = new Date()): Promise<DocumentsExport> {
  const docs = await db.select().from(documents).where(eq(documents.status, 'ready')).orderBy(asc(documents.title));
  const allChunks = docs.length ? await db.select().from(chunks).where(inArray(chunks.documentId, docs.map((d) => d.id))).orderBy(asc(chunks.ordinal)) : [];
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    documents: docs.map((d) => ({
      title: d.title,
      category: d.category,
      author: d.author,
      summary: d.summary,
      sourceFilename: d.sourceFilename,
      mimeType: d.mimeType,
      content: d.content,
      contentHash: d.contentHash,
      sizeBytes: d.sizeBytes,
      pageCount: d.pageCount,
      chunks: allChunks.filter((c) => c.documentId === d.id).map((c) => ({ ordinal: c.ordinal, heading: c.heading, content: c.content, dimensions: c.dimensions, dimensionsSource: c.dimensionsSource })),
    })),
  };
}

const invalid = (index: number, field: string, message: string, hint: string) =>
  new AppError({ code: 'invalid_import', status: 400, message: `Document ${index + 1} (documents[${index}].${field}) ${message}.`, hint, details: { index, field: `documents[${index}].${field}` } });

/**
 * Imports an export, all or nothing. A document whose content hash is already in the workspace
 * (or earlier in the same file) is skipped and reported, never duplicated.
 */
export async function importDocuments(db: Db, data: DocumentsExport, userId: string | null): Promise<ImportResponse> {
  const allowed = (await getSettings(db)).documents.categories;
  const hashes = data.documents.map((d) => d.contentHash ?? createHash('sha256').update(d.content).digest('hex'));
  data.documents.forEach((d, i) => {
    if (!allowed.includes(d.category)) throw invalid(i, 'category', `has the category "${d.category}", which this workspace does not have`, `Use one of: ${allowed.join(', ')}, or add "${d.category}" to the categories on the Documents page first.`);
    const ordinals = new Set<number>();
    d.chunks.forEach((c, j) => {
      if (ordinals.has(c.ordinal)) throw invalid(i, `chunks[${j}].ordinal`, `repeats the chunk number ${c.ordinal}`, 'Give every chunk of a document its own ordinal.');
      ordinals.add(c.ordinal);
    });
  });
  const existing = hashes.length ? await db.select({ id: documents.id, hash: documents.contentHash }).from(documents).where(inArray(documents.contentHash, hashes)) : [];
  const known = new Map(existing.map((e) => [e.hash!, e.id]));
  const skipped: ImportResponse['skipped'] = [];
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (const [i, d] of data.documents.entries()) {
      const hash = hashes[i];
      const already = known.get(hash);
      if (already) {
        skipped.push({ index: i, title: d.title, existingId: already });
        continue;
      }
      const { chunks: docChunks, ...fields } = d;
      const [row] = await tx.insert(documents).values({ ...fields, contentHash: hash, status: 'ready', progress: 1, createdBy: userId }).returning({ id: documents.id });
      known.set(hash, row.id);
      ids.push(row.id);
      for (let k = 0; k < docChunks.length; k += 500) {
        await tx.insert(chunks).values(docChunks.slice(k, k + 500).map((c) => ({ ...c, dimensions: c.dimensions as ChunkDimensions, documentId: row.id, dimensionsUpdatedAt: c.dimensionsSource ? new Date() : null })));
      }
    }
  });
  return { imported: ids.length, skipped, ids };
}

import { asc, count, eq } from 'drizzle-orm';
import { notFound } from '../../core/errors';
import type { Db } from '../client';
import { chunks, documents } from '../schema';

export async function listDocuments(db: Db) {
  const rows = await db
    .select({ id: documents.id, title: documents.title, category: documents.category, author: documents.author, summary: documents.summary, createdAt: documents.createdAt, chunkCount: count(chunks.id) })
    .from(documents)
    .leftJoin(chunks, eq(chunks.documentId, documents.id))
    .groupBy(documents.id)
    .orderBy(asc(documents.title));
  return rows.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() }));
}

export async function listDocumentChunks(db: Db, documentId: string) {
  const [doc] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId));
  if (!doc) throw notFound('The document');
  return db
    .select({ id: chunks.id, ordinal: chunks.ordinal, heading: chunks.heading, content: chunks.content, dimensions: chunks.dimensions })
    .from(chunks)
    .where(eq(chunks.documentId, doc.id))
    .orderBy(asc(chunks.ordinal));
}

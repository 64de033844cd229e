import { and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DocumentChunk, DocumentDetail, DocumentListQuery, DocumentStatus } from '../../contract/documents';
import { notFound } from '../../core/errors';
import type { Db, Tx } from '../client';
import { chunks, conversations, documents } from '../schema';

const likeAny = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

const detailColumns = {
  id: documents.id,
  title: documents.title,
  category: documents.category,
  author: documents.author,
  summary: documents.summary,
  sourceFilename: documents.sourceFilename,
  mimeType: documents.mimeType,
  status: documents.status,
  progress: documents.progress,
  progressMessage: documents.progressMessage,
  errorMessage: documents.errorMessage,
  pageCount: documents.pageCount,
  sizeBytes: documents.sizeBytes,
  chunkCount: sql<number>`(select count(*) from chunks c where c.document_id = "documents"."id")::int`,
  conversationCount: sql<number>`(select count(*) from conversations v where v.document_id = "documents"."id")::int`,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

type DetailRow = { createdAt: Date; updatedAt: Date; status: string } & Omit<DocumentDetail, 'createdAt' | 'updatedAt' | 'status'>;
const present = (d: DetailRow): DocumentDetail => ({ ...d, status: d.status as DocumentStatus, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString() });

/** Documents with their chunk and conversation counts; `q` searches title, author, file name and text. */
export async function listDocuments(db: Db, query: DocumentListQuery = {}): Promise<DocumentDetail[]> {
  const where: SQL[] = [];
  if (query.q) where.push(or(ilike(documents.title, likeAny(query.q)), ilike(documents.author, likeAny(query.q)), ilike(documents.sourceFilename, likeAny(query.q)), ilike(documents.content, likeAny(query.q)))!);
  if (query.category) where.push(eq(documents.category, query.category));
  if (query.status) where.push(eq(documents.status, query.status));
  const rows = await db
    .select(detailColumns)
    .from(documents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(documents.title));
  return rows.map(present);
}

export async function getDocument(db: Db | Tx, id: string): Promise<DocumentDetail> {
  const [row] = await db.select(detailColumns).from(documents).where(eq(documents.id, id));
  if (!row) throw notFound('The document');
  return present(row);
}

/** Another document (not failed) whose upload had the same bytes. */
export async function findByContentHash(db: Db | Tx, hash: string, exceptId?: string) {
  const [row] = await db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(and(eq(documents.contentHash, hash), ne(documents.status, 'failed'), exceptId ? ne(documents.id, exceptId) : undefined));
  return row ?? null;
}

const CONVERSATIONS_PER_CHUNK = 20;

/** A document's chunks, each with its dimensions and the conversations made from it; `q` searches heading and text. */
export async function listDocumentChunks(db: Db, documentId: string, q?: string): Promise<DocumentChunk[]> {
  const [doc] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId));
  if (!doc) throw notFound('The document');
  const rows = await db
    .select({ id: chunks.id, ordinal: chunks.ordinal, heading: chunks.heading, content: chunks.content, dimensions: chunks.dimensions, dimensionsSource: chunks.dimensionsSource })
    .from(chunks)
    .where(and(eq(chunks.documentId, doc.id), q ? or(ilike(chunks.content, likeAny(q)), ilike(chunks.heading, likeAny(q))) : undefined))
    .orderBy(asc(chunks.ordinal));
  if (!rows.length) return [];
  const linked = await db
    .select({ chunkId: conversations.chunkId, id: conversations.id, conversationId: conversations.conversationId, title: conversations.title, status: conversations.status })
    .from(conversations)
    .where(inArray(conversations.chunkId, rows.map((r) => r.id)))
    .orderBy(asc(conversations.conversationId));
  const byChunk = new Map<string, typeof linked>();
  for (const c of linked) {
    const list = byChunk.get(c.chunkId!) ?? [];
    list.push(c);
    byChunk.set(c.chunkId!, list);
  }
  return rows.map((r) => {
    const list = byChunk.get(r.id) ?? [];
    return { ...r, conversationCount: list.length, conversations: list.slice(0, CONVERSATIONS_PER_CHUNK).map(({ chunkId: _c, ...c }) => c) };
  });
}

/** How many conversations were made from a document, by status. */
export async function dependentConversations(db: Db | Tx, documentId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: conversations.status, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(or(eq(conversations.documentId, documentId), inArray(conversations.chunkId, db.select({ id: chunks.id }).from(chunks).where(eq(chunks.documentId, documentId)))))
    .groupBy(conversations.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

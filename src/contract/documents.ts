import { z } from 'zod';
import { chunkDimensions } from './catalog';

export const DOCUMENT_STATUSES = ['processing', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documentDetail = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  author: z.string().nullable(),
  summary: z.string(),
  sourceFilename: z.string().nullable(),
  mimeType: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  /** 0–1 while processing. */
  progress: z.number(),
  progressMessage: z.string().nullable(),
  errorMessage: z.string().nullable(),
  pageCount: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  chunkCount: z.number(),
  conversationCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

export const documentListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: z.string().trim().max(80).optional(),
    status: z.enum(DOCUMENT_STATUSES).optional(),
  })
  .strict();
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const documentListResponse = z.object({ items: z.array(documentDetail) });

export const uploadQuery = z
  .object({
    /** Replace this document's content with the upload (a new version of the same file): its conversations keep snapshots. */
    replace: z.uuid('must be a document id').optional(),
    /** The same fields as the form's, for clients that cannot send them before the file. */
    category: z.string().trim().max(80).optional(),
    title: z.string().trim().max(300).optional(),
    author: z.string().trim().max(200).optional(),
  })
  .strict();

export const uploadResponse = z.object({ id: z.string(), title: z.string(), category: z.string(), chunkCount: z.number(), status: z.enum(DOCUMENT_STATUSES), replaced: z.boolean() });
export type UploadResponse = z.infer<typeof uploadResponse>;

export const documentPatch = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(300).optional(),
    author: z.string().trim().max(200).nullable().optional(),
    category: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type DocumentPatch = z.infer<typeof documentPatch>;

export const chunkConversation = z.object({ id: z.string(), conversationId: z.string(), title: z.string().nullable(), status: z.string() });

export const documentChunk = z.object({
  id: z.string(),
  ordinal: z.number(),
  heading: z.string().nullable(),
  content: z.string(),
  dimensions: chunkDimensions,
  dimensionsSource: z.string().nullable(),
  conversationCount: z.number(),
  /** The first conversations made from the chunk (all are counted in conversationCount). */
  conversations: z.array(chunkConversation),
});
export type DocumentChunk = z.infer<typeof documentChunk>;

export const chunkListQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();
export const documentChunkList = z.object({ items: z.array(documentChunk) });
export type DocumentChunkList = z.infer<typeof documentChunkList>;

/** What deleting or re-chunking a document does to the conversations made from it. */
export const documentImpact = z.object({
  documentId: z.string(),
  title: z.string(),
  conversations: z.number(),
  byStatus: z.record(z.string(), z.number()),
  /** Generated, approved, rejected: they stay, with a snapshot of the text they were made from. */
  keptWithSnapshot: z.number(),
  /** Not generated or failed slots (no text yet): removed on delete, moved to the new chunks on re-chunk. */
  slotsWithoutText: z.number(),
  /** Being generated right now: the document cannot be deleted until they finish. */
  generating: z.number(),
  message: z.string(),
});
export type DocumentImpact = z.infer<typeof documentImpact>;

export const deleteQuery = z.object({ confirm: z.enum(['true', 'false']).optional() }).strict();
export const deleteResponse = z.object({ deleted: z.literal(true), keptWithSnapshot: z.number(), removedSlots: z.number() });

export const rechunkResponse = z.object({ id: z.string(), chunkCount: z.number(), snapshotted: z.number(), movedSlots: z.number() });

export const EXPORT_FORMAT = 'convgen.documents';
export const EXPORT_VERSION = 1;

export const exportedChunk = z.object({
  ordinal: z.number().int().min(1),
  heading: z.string().max(2000).nullable(),
  content: z.string().min(1).max(200_000),
  dimensions: chunkDimensions.default({}),
  dimensionsSource: z.string().max(40).nullable().default(null),
});

export const exportedDocument = z.object({
  title: z.string().trim().min(1).max(300),
  category: z.string().trim().min(1).max(80),
  author: z.string().max(200).nullable().default(null),
  summary: z.string().max(5000).default(''),
  sourceFilename: z.string().max(500).nullable().default(null),
  mimeType: z.string().max(200).default('text/markdown'),
  content: z.string().min(1),
  contentHash: z.string().max(128).nullable().default(null),
  sizeBytes: z.number().int().min(0).nullable().default(null),
  pageCount: z.number().int().min(0).nullable().default(null),
  chunks: z.array(exportedChunk).max(100_000),
});

export const documentsExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  documents: z.array(exportedDocument),
});
export type DocumentsExport = z.infer<typeof documentsExport>;

export const importResponse = z.object({
  imported: z.number(),
  /** Documents whose content is already in the workspace (same content hash): skipped, not duplicated. */
  skipped: z.array(z.object({ index: z.number(), title: z.string(), existingId: z.string() })),
  ids: z.array(z.string()),
});
export type ImportResponse = z.infer<typeof importResponse>;

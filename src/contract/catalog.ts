import { z } from 'zod';

export const catalogValue = z.object({ key: z.string(), label: z.string(), description: z.string(), attributes: z.record(z.string(), z.unknown()) });
export type CatalogValue = z.infer<typeof catalogValue>;

export const catalogResponse = z.object({
  persona: z.array(catalogValue),
  emotion: z.array(catalogValue),
  topic: z.array(catalogValue),
  intent: z.array(catalogValue),
  tone: z.array(catalogValue),
  arcs: z.array(z.object({ key: z.string(), label: z.string(), description: z.string(), startEmotion: z.string(), endEmotion: z.string(), enabled: z.boolean() })),
});
export type Catalog = z.infer<typeof catalogResponse>;

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  author: z.string().nullable(),
  summary: z.string(),
  createdAt: z.string(),
  chunkCount: z.number(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentList = z.object({ items: z.array(documentSummary) });
export type DocumentList = z.infer<typeof documentList>;

export const chunkDimensions = z
  .object({
    expertise_level: z.string().optional(),
    emotional_valence: z.string().optional(),
    confidence: z.number().optional(),
    key_terms: z.array(z.string()).optional(),
    summary: z.string().optional(),
  })
  .catchall(z.unknown());

export const chunk = z.object({ id: z.string(), ordinal: z.number(), heading: z.string().nullable(), content: z.string(), dimensions: chunkDimensions });
export type Chunk = z.infer<typeof chunk>;

export const chunkList = z.object({ items: z.array(chunk) });
export type ChunkList = z.infer<typeof chunkList>;

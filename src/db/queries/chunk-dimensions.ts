import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ChunkDetail, DimensionSelector } from '../../contract/chunk-dimensions';
import type { DimensionSource, DimensionsPatch } from '../../core/chunk-dimensions';
import { notFound } from '../../core/errors';
import type { Db } from '../client';
import { chunks, documents } from '../schema';

/** The chunks a dimension run covers, as a WHERE on `chunks`. Hand-edited ones only when asked. */
export function dimensionSelectionWhere(selector: DimensionSelector, opts: { includeManual?: boolean } = {}): SQL | undefined {
  const c = chunks;
  return and(
    selector.documentIds ? inArray(c.documentId, selector.documentIds) : undefined,
    selector.chunkIds ? inArray(c.id, selector.chunkIds) : undefined,
    // Missing: nothing derived, edited or imported yet (an imported chunk may carry dimensions with no source).
    selector.onlyMissing ? sql`${c.dimensions} = '{}'::jsonb` : undefined,
    opts.includeManual || selector.overwriteManual ? undefined : or(isNull(c.dimensionsSource), ne(c.dimensionsSource, 'manual')),
  );
}

/** How many chunks a selector covers, their text length (for the cost), and how many hand edits it leaves alone. */
export async function countDimensionSelection(db: Db, selector: DimensionSelector): Promise<{ count: number; contentChars: number; skippedManual: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*) filter (where ${dimensionSelectionWhere(selector) ?? sql`true`})::int`,
      contentChars: sql<number>`coalesce(sum(length(${chunks.content})) filter (where ${dimensionSelectionWhere(selector) ?? sql`true`}), 0)::int`,
      skippedManual: sql<number>`count(*) filter (where ${chunks.dimensionsSource} = 'manual')::int`,
    })
    .from(chunks)
    .where(dimensionSelectionWhere(selector, { includeManual: true }));
  return { count: row.count, contentChars: row.contentChars, skippedManual: selector.overwriteManual ? 0 : row.skippedManual };
}

/** What the analysis prompt needs about one chunk. */
export async function loadChunkForAnalysis(db: Db, chunkId: string) {
  const [row] = await db
    .select({ id: chunks.id, heading: chunks.heading, content: chunks.content, documentTitle: documents.title, category: documents.category })
    .from(chunks)
    .innerJoin(documents, eq(documents.id, chunks.documentId))
    .where(eq(chunks.id, chunkId));
  if (!row) throw notFound('The chunk', 'It was deleted or re-chunked after the run started; nothing needs doing.');
  return row;
}

function present(row: typeof chunks.$inferSelect): ChunkDetail {
  return {
    id: row.id,
    documentId: row.documentId,
    ordinal: row.ordinal,
    heading: row.heading,
    content: row.content,
    dimensions: row.dimensions,
    dimensionsSource: (row.dimensionsSource as DimensionSource | null) ?? null,
    dimensionsUpdatedAt: row.dimensionsUpdatedAt?.toISOString() ?? null,
  };
}

export async function getChunk(db: Db, chunkId: string): Promise<ChunkDetail> {
  const [row] = await db.select().from(chunks).where(eq(chunks.id, chunkId));
  if (!row) throw notFound('The chunk');
  return present(row);
}

/**
 * A hand edit of some dimensions: the given fields replace the stored ones, the others stay,
 * and the chunk is marked `manual` so no later analysis overwrites it unless asked to.
 */
export async function editChunkDimensions(db: Db, chunkId: string, patch: DimensionsPatch): Promise<ChunkDetail> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(chunks).where(eq(chunks.id, chunkId)).for('update');
    if (!row) throw notFound('The chunk');
    const [updated] = await tx
      .update(chunks)
      .set({ dimensions: { ...row.dimensions, ...patch }, dimensionsSource: 'manual', dimensionsUpdatedAt: new Date() })
      .where(eq(chunks.id, chunkId))
      .returning();
    return present(updated);
  });
}

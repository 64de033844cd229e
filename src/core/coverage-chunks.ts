/** A chunk is high-confidence when its analysis scored above this (0–10): US10.2.2's "confidence > 8". */
export const HIGH_CONFIDENCE_ABOVE = 8;
/** Below this a chunk's analysis is a guess: conversations drawn from it get a warning. */
export const LOW_CONFIDENCE_BELOW = 6;
/** How many chunks each list (fewest, most, priority, low confidence) shows. */
export const CHUNK_LIST_LIMIT = 10;

export const HIGH_CONFIDENCE_KEY = 'chunks:high_confidence';

export interface ChunkCountRow {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  category: string;
  ordinal: number;
  heading: string | null;
  /** The chunk's analysed confidence, or null when it has none (not analysed, or not a number). */
  confidence: number | null;
  expertise: string | null;
  /** Conversations in scope drawn from this chunk. */
  count: number;
}

export interface ChunkEntry extends ChunkCountRow {
  /** "Budget basics §3 — Why it matters" */
  label: string;
  /** High expertise (advanced) and high confidence: the material to draw from first. */
  priority: boolean;
  lowConfidence: boolean;
}

export interface ChunkCoverage {
  chunks: number;
  usedChunks: number;
  /** Conversations in scope drawn from a chunk that still exists. */
  grounded: number;
  highConfidence: number;
  lowConfidence: number;
  unknownConfidence: number;
  /** highConfidence / grounded, 0–1; null with nothing grounded. */
  highConfidenceShare: number | null;
  fewest: ChunkEntry[];
  most: ChunkEntry[];
  priority: ChunkEntry[];
  priorityCount: number;
  lowConfidenceChunks: ChunkEntry[];
  warnings: string[];
}

export interface ChunkRecommendation {
  key: string;
  title: string;
  reason: string;
  /** High-confidence chunks with fewer conversations than the minimum: one new slot each. */
  toPlan: number;
}

const isHigh = (c: { confidence: number | null }) => c.confidence !== null && c.confidence > HIGH_CONFIDENCE_ABOVE;
const isLow = (c: { confidence: number | null }) => c.confidence !== null && c.confidence < LOW_CONFIDENCE_BELOW;
const percent = (share: number) => `${Math.round(share * 100)} %`;

function entry(c: ChunkCountRow): ChunkEntry {
  return { ...c, label: `${c.documentTitle} §${c.ordinal}${c.heading ? ` — ${c.heading}` : ''}`, priority: isHigh(c) && c.expertise === 'advanced', lowConfidence: isLow(c) };
}

const byPlace = (a: ChunkCountRow, b: ChunkCountRow) => a.documentTitle.localeCompare(b.documentTitle) || a.ordinal - b.ordinal;

/** Coverage by source chunk (US3.2.1) and its quality (US10.2.2): which chunks are used least and most, and how sure their analysis was. */
export function chunkCoverage(rows: readonly ChunkCountRow[]): ChunkCoverage {
  const grounded = rows.reduce((s, c) => s + c.count, 0);
  const sum = (pick: (c: ChunkCountRow) => boolean) => rows.filter(pick).reduce((s, c) => s + c.count, 0);
  const highConfidence = sum(isHigh);
  const lowConfidence = sum(isLow);
  const unknownConfidence = sum((c) => c.confidence === null);
  const all = rows.map(entry);
  const priority = all.filter((c) => c.priority);
  const lowUsed = all.filter((c) => c.lowConfidence && c.count > 0);
  const warnings: string[] = [];
  if (lowConfidence > 0) {
    warnings.push(
      `${lowConfidence.toLocaleString('en-US')} conversation${lowConfidence === 1 ? ' comes' : 's come'} from ${lowUsed.length} low-confidence chunk${lowUsed.length === 1 ? '' : 's'} (confidence below ${LOW_CONFIDENCE_BELOW}): review them closely, or derive those chunks' dimensions again.`,
    );
  }
  if (unknownConfidence > 0) warnings.push(`${unknownConfidence.toLocaleString('en-US')} conversations come from chunks with no confidence yet: derive dimensions on the Documents page to know how reliable they are.`);
  return {
    chunks: rows.length,
    usedChunks: rows.filter((c) => c.count > 0).length,
    grounded,
    highConfidence,
    lowConfidence,
    unknownConfidence,
    highConfidenceShare: grounded ? highConfidence / grounded : null,
    fewest: [...all].sort((a, b) => a.count - b.count || byPlace(a, b)).slice(0, CHUNK_LIST_LIMIT),
    most: all.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || byPlace(a, b)).slice(0, CHUNK_LIST_LIMIT),
    priority: [...priority].sort((a, b) => a.count - b.count || byPlace(a, b)).slice(0, CHUNK_LIST_LIMIT),
    priorityCount: priority.length,
    lowConfidenceChunks: lowUsed.sort((a, b) => b.count - a.count || byPlace(a, b)).slice(0, CHUNK_LIST_LIMIT),
    warnings,
  };
}

/** The high-confidence chunks with fewer conversations than `min`: what "Generate from chunks with confidence > 8" plans from. */
export function underusedHighConfidence(rows: readonly ChunkCountRow[], min: number): ChunkCountRow[] {
  return rows.filter((c) => isHigh(c) && c.count < min);
}

/** "Generate from chunks with confidence > 8", when some such chunk has fewer conversations than the minimum. */
export function chunkRecommendation(rows: readonly ChunkCountRow[], coverage: ChunkCoverage, min: number, dismissed: ReadonlySet<string>): ChunkRecommendation | null {
  if (dismissed.has(HIGH_CONFIDENCE_KEY)) return null;
  const under = underusedHighConfidence(rows, min);
  if (!under.length) return null;
  const high = rows.filter(isHigh).length;
  const share = coverage.highConfidenceShare === null ? 'No conversation is drawn from a chunk yet' : `${percent(coverage.highConfidenceShare)} of conversations come from high-confidence chunks`;
  return {
    key: HIGH_CONFIDENCE_KEY,
    title: `Generate from chunks with confidence > ${HIGH_CONFIDENCE_ABOVE}`,
    reason: `${share}. ${under.length} of the ${high} chunks with confidence above ${HIGH_CONFIDENCE_ABOVE} have fewer than ${min} conversations: one more from each.`,
    toPlan: under.length,
  };
}

/** Conversations per document category; conversations with no source document get their own row. */
export function categoryEntries(rows: readonly { category: string | null; n: number }[]): { key: string | null; label: string; count: number }[] {
  const merged = new Map<string | null, number>();
  for (const r of rows) merged.set(r.category, (merged.get(r.category) ?? 0) + r.n);
  return [...merged.entries()]
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, label: key ?? 'No source document', count }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : b.count - a.count || a.label.localeCompare(b.label)));
}

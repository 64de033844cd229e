import { SCENARIO_CATEGORIES } from './scenario-categories';

/** What the diversity report needs to know about one scenario. */
export interface DiversityScenario {
  id: string;
  title: string;
  category: string;
  documentId: string | null;
  documentTitle: string | null;
  documentCategory: string | null;
  persona: string | null;
  emotion: string | null;
  topic: string | null;
  /** Conversations planned or made from it. */
  conversations: number;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface NearDuplicate {
  a: { id: string; title: string };
  b: { id: string; title: string };
  /** Share of title words the two have in common (Jaccard), 0–1. */
  similarity: number;
}

export interface DiversityReport {
  total: number;
  unused: number;
  byCategory: Count[];
  byDocument: Count[];
  byPersona: Count[];
  byEmotion: Count[];
  byTopic: Count[];
  /** Distinct title words divided by all title words: near 1 when titles vary, low when they repeat. */
  distinctWordRatio: number;
  nearDuplicates: NearDuplicate[];
  /** Categories of uploaded documents that no scenario is drawn from. */
  uncoveredDocumentCategories: string[];
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'for', 'in', 'on', 'with', 'into', 'at', 'by', 'from', 'as', 'is', 'copy']);

/** A title's words, lower-cased, without small words: what two titles are compared by. */
export function titleWords(title: string): string[] {
  return (title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !SMALL_WORDS.has(w));
}

/** Words two sets share divided by the words either has (Jaccard); 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Two titles sharing at least this share of their words read as the same scenario. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
/** The report lists this many near-duplicate pairs at most, most similar first. */
export const MAX_NEAR_DUPLICATES = 20;

function countBy(items: DiversityScenario[], keyOf: (s: DiversityScenario) => string | null, labelOf: (key: string) => string = (k) => k, seed: string[] = []): Count[] {
  const counts = new Map<string, number>(seed.map((k) => [k, 0]));
  for (const s of items) {
    const key = keyOf(s) ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, count]) => ({ key, label: key === '' ? 'None' : labelOf(key), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * How varied a scenario library is: counts by category, source document and dimension, how many
 * scenarios no conversation uses, how much titles repeat, which pairs look like duplicates, and which
 * document categories have no scenario. Archived scenarios are left out by the caller.
 */
export function scenarioDiversity(items: DiversityScenario[], opts: { documentCategories: string[]; labels?: (dimension: 'persona' | 'emotion' | 'topic' | 'category', key: string) => string }): DiversityReport {
  const label = opts.labels ?? ((_d, k) => k);
  const titleSets = items.map((s) => new Set(titleWords(s.title)));
  const allWords = items.flatMap((s) => titleWords(s.title));
  const nearDuplicates: NearDuplicate[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const similarity = jaccard(titleSets[i], titleSets[j]);
      if (similarity >= NEAR_DUPLICATE_SIMILARITY) nearDuplicates.push({ a: { id: items[i].id, title: items[i].title }, b: { id: items[j].id, title: items[j].title }, similarity: Math.round(similarity * 100) / 100 });
    }
  }
  const covered = new Set(items.map((s) => s.documentCategory).filter((c): c is string => !!c));
  const documents = new Map(items.filter((s) => s.documentId).map((s) => [s.documentId as string, s.documentTitle ?? 'Untitled']));
  return {
    total: items.length,
    unused: items.filter((s) => s.conversations === 0).length,
    byCategory: countBy(items, (s) => s.category, (k) => label('category', k), [...SCENARIO_CATEGORIES]),
    byDocument: countBy(items, (s) => s.documentId, (k) => documents.get(k) ?? k).map((c) => (c.key === '' ? { ...c, label: 'Written by hand (no source)' } : c)),
    byPersona: countBy(items, (s) => s.persona, (k) => label('persona', k)),
    byEmotion: countBy(items, (s) => s.emotion, (k) => label('emotion', k)),
    byTopic: countBy(items, (s) => s.topic, (k) => label('topic', k)),
    distinctWordRatio: allWords.length ? Math.round((new Set(allWords).size / allWords.length) * 100) / 100 : 1,
    nearDuplicates: nearDuplicates.sort((a, b) => b.similarity - a.similarity).slice(0, MAX_NEAR_DUPLICATES),
    uncoveredDocumentCategories: [...new Set(opts.documentCategories)].filter((c) => !covered.has(c)).sort(),
  };
}

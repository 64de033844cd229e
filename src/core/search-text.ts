/**
 * The text the table's search box matches: id, title and the labels of every dimension,
 * lower-cased once at write time so the query can use a trigram index.
 */
export function buildSearchText(...parts: (string | null | undefined)[]): string {
  const words = new Set<string>();
  for (const part of parts) {
    for (const word of (part ?? '').toLowerCase().split(/\s+/)) if (word) words.add(word);
  }
  return [...words].join(' ');
}

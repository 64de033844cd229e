/**
 * The text the table's search box matches: id, title and the labels of every dimension,
 * lower-cased once at write time so the query can use a trigram index. Always rebuilt from
 * the current values, so an old title stops matching once it is replaced.
 */
export function buildSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim().toLowerCase())
    .filter(Boolean)
    .join(' · ');
}

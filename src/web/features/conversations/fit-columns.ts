/**
 * Which of the table's columns fit the width it has. A reviewer must always see a row's id, its
 * status, its quality and (outside the preview) its Generate button; the descriptive columns give
 * way one by one, least needed first, instead of pushing those off-screen.
 */

/** The narrowest each column can be and still read well, padding included (px). */
export const COLUMN_MIN_WIDTH: Record<string, number> = {
  select: 44,
  conversationId: 128,
  status: 140,
  qualityScore: 88,
  persona: 160,
  emotion: 120,
  topic: 170,
  intent: 150,
  tone: 150,
  tier: 100,
  generatedAt: 150,
  tokens: 88,
  actions: 136,
};

/**
 * Columns whose content has one size: they get exactly their width, and the descriptive columns
 * share what is left (the table's layout is fixed, so a long label truncates instead of pushing
 * the table wider than its box).
 */
export const FIXED_WIDTH_COLUMNS = new Set(['select', 'conversationId', 'status', 'qualityScore', 'tier', 'generatedAt', 'tokens', 'actions']);

/** The columns that give way to narrow widths, the first to go first. The rest always stay. */
export const COLLAPSE_ORDER = ['tokens', 'generatedAt', 'tone', 'intent', 'tier', 'emotion', 'topic', 'persona'] as const;

/**
 * The columns to hide, beyond those the user hid, so the visible ones fit `available` px.
 * `shown` lists the columns the user has not hidden, in any order.
 */
export function columnsToCollapse(available: number, shown: readonly string[]): string[] {
  const width = (ids: readonly string[]) => ids.reduce((sum, id) => sum + (COLUMN_MIN_WIDTH[id] ?? 120), 0);
  const visible = new Set(shown);
  const collapsed: string[] = [];
  for (const id of COLLAPSE_ORDER) {
    if (width([...visible]) <= available) break;
    if (!visible.has(id)) continue;
    visible.delete(id);
    collapsed.push(id);
  }
  return collapsed;
}

import { DIMENSIONS, type Dimension } from '../../../core/tiers';

/** The Catalog page's URL state: which dimension's tab is open. */
export function validateCatalogSearch(raw: Record<string, unknown>): { tab?: Dimension } {
  return typeof raw.tab === 'string' && (DIMENSIONS as readonly string[]).includes(raw.tab) ? { tab: raw.tab as Dimension } : {};
}

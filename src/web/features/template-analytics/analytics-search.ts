import { z } from 'zod';
import { templateAnalyticsQuery, TREND_BUCKETS } from '../../../contract/template-analytics';
import type { TemplateAnalyticsParams } from '../../lib/endpoints';
import { searchValidator, type SearchOf } from '../../lib/search-params';

/** Most entries the comparison view sets side by side, and the fewest it needs. */
export const COMPARE_MAX = 4;
export const COMPARE_MIN = 2;
export const PLOT_MAX = 8;

const keyList = (pattern: RegExp, max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(pattern)).min(1).max(max));

/**
 * The analytics page's URL state (`/templates/analytics?sort=quality&tier=template&compare=a,b@2`):
 * the API's filters and sort, the templates plotted on the trend chart and the templates (`key`)
 * or versions (`key@2`) set side by side. Keys, not ids, so a shared link reads.
 */
const analyticsPageSearch = z.object({
  tier: templateAnalyticsQuery.shape.tier,
  minQuality: templateAnalyticsQuery.shape.minQuality,
  sort: templateAnalyticsQuery.shape.sort,
  order: templateAnalyticsQuery.shape.order,
  plot: keyList(/^[A-Za-z0-9_.-]{1,64}$/, PLOT_MAX).optional(),
  compare: keyList(/^[A-Za-z0-9_.-]{1,64}(@\d{1,6})?$/, COMPARE_MAX).optional(),
  bucket: z.enum(TREND_BUCKETS).default('day'),
});
export type AnalyticsSearch = SearchOf<typeof analyticsPageSearch.shape>;
export type SetAnalyticsSearch = (patch: Partial<AnalyticsSearch>) => void;

/** Each key parsed on its own: a bad value in a shared link is dropped, not fatal. */
export const validateAnalyticsSearch = searchValidator(analyticsPageSearch);

export function analyticsApiQuery(search: AnalyticsSearch): TemplateAnalyticsParams {
  return { tier: search.tier, minQuality: search.minQuality, sort: search.sort, order: search.order };
}

/** One compared entry: a template's totals, or one of its versions. */
export interface CompareEntry {
  key: string;
  version: number | null;
}

export function parseCompareEntry(value: string): CompareEntry {
  const [key, version] = value.split('@');
  return { key, version: version === undefined ? null : Number(version) };
}

export const compareValue = (entry: CompareEntry) => (entry.version === null ? entry.key : `${entry.key}@${entry.version}`);

/** Adds or removes an entry; past the maximum the oldest choice stays and the new one is refused. */
export function toggleCompare(current: string[] | undefined, value: string): string[] | undefined {
  const list = current ?? [];
  const next = list.includes(value) ? list.filter((v) => v !== value) : list.length >= COMPARE_MAX ? list : [...list, value];
  return next.length ? next : undefined;
}

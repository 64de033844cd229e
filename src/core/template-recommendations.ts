import { TIERS, type Tier } from './tiers';

/**
 * Ranking and recommendations for template analytics (US7.1.2). Pure: the figures come in (from
 * the template usage query), the sorted list, the top and bottom performers and the advice go out.
 */

/** One template's (or version's) figures, as the usage query reports them. */
export interface UsageFigures {
  planned: number;
  generated: number;
  approved: number;
  rejected: number;
  averageQuality: number | null;
  approvalRate: number | null;
}

export interface VersionFigures {
  version: number;
  usage: UsageFigures;
}

export interface TemplateFigures {
  templateId: string;
  key: string;
  name: string;
  tier: string;
  active: boolean;
  currentVersion: number;
  usage: UsageFigures;
  versions: VersionFigures[];
}

export const ANALYTICS_SORTS = ['usage', 'quality', 'approval'] as const;
export type AnalyticsSort = (typeof ANALYTICS_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * The smallest sample a figure must rest on before it ranks a template or drives advice. A
 * quality average over fewer than 20 conversations, or an approval rate over fewer than 20 reviews,
 * moves by several points with one more result (one rejection in 10 reviews is 10 points), so a
 * ranking on it would mostly be noise. 20 is also small enough to reach within one batch run.
 */
export const MIN_SCORED = 20;
export const MIN_REVIEWED = 20;
/**
 * How far a version must fall behind its predecessor to be called underperforming: half a point
 * of average quality (scores are given to one decimal; smaller gaps come and go between batches),
 * or ten points of approval rate.
 */
export const MIN_QUALITY_DROP = 0.5;
export const MIN_APPROVAL_DROP = 0.1;
/** How many templates the top and bottom performer cards show. */
export const PERFORMERS = 3;

export const TIER_NUMBERS: Record<Tier, number> = { template: 1, scenario: 2, edge_case: 3 };

export const reviewedCount = (u: UsageFigures) => u.approved + u.rejected;
const hasQualityEvidence = (u: UsageFigures) => u.averageQuality !== null && u.generated >= MIN_SCORED;
const hasApprovalEvidence = (u: UsageFigures) => u.approvalRate !== null && reviewedCount(u) >= MIN_REVIEWED;

function metric(u: UsageFigures, sort: AnalyticsSort): number | null {
  if (sort === 'usage') return u.generated;
  if (sort === 'quality') return u.averageQuality;
  return u.approvalRate;
}

/**
 * Sorts by usage (conversations generated), average quality or approval rate. Templates with no
 * figure for the sort (never scored, never reviewed) go last in either direction: they are not
 * "the worst", they are unknown. Ties fall back to usage, then the name, so the order is stable.
 */
export function sortTemplates<T extends Pick<TemplateFigures, 'name' | 'usage'>>(items: T[], sort: AnalyticsSort, order: SortOrder): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = metric(a.usage, sort);
    const y = metric(b.usage, sort);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * (x - y);
    if (a.usage.generated !== b.usage.generated) return b.usage.generated - a.usage.generated;
    return a.name.localeCompare(b.name);
  });
}

export function filterTemplates<T extends Pick<TemplateFigures, 'tier' | 'usage'>>(items: T[], filter: { tier?: string; minQuality?: number }): T[] {
  return items.filter((t) => {
    if (filter.tier && t.tier !== filter.tier) return false;
    if (filter.minQuality !== undefined && (t.usage.averageQuality === null || t.usage.averageQuality < filter.minQuality)) return false;
    return true;
  });
}

/** Better first: higher quality, then higher approval, then more evidence, then by name. */
function comparePerformance(a: TemplateFigures, b: TemplateFigures): number {
  const qa = a.usage.averageQuality ?? 0;
  const qb = b.usage.averageQuality ?? 0;
  if (qa !== qb) return qb - qa;
  const ra = a.usage.approvalRate ?? -1;
  const rb = b.usage.approvalRate ?? -1;
  if (ra !== rb) return rb - ra;
  if (a.usage.generated !== b.usage.generated) return b.usage.generated - a.usage.generated;
  return a.name.localeCompare(b.name);
}

/**
 * The best and worst templates by average quality, among those scored on at least MIN_SCORED
 * conversations, worst first in the bottom list. The two lists never share a template: with fewer
 * than twice `count` candidates, they split them, the top taking the odd one.
 */
export function performers<T extends TemplateFigures>(items: T[], count = PERFORMERS): { top: T[]; bottom: T[] } {
  const ranked = items.filter((t) => hasQualityEvidence(t.usage)).sort(comparePerformance);
  const top = ranked.slice(0, Math.min(count, Math.ceil(ranked.length / 2)));
  const bottom = ranked.slice(top.length).slice(-count).reverse();
  return { top, bottom };
}

export interface VersionSide {
  version: number;
  averageQuality: number | null;
  approvalRate: number | null;
  generated: number;
  reviewed: number;
}

export type Recommendation =
  | {
      kind: 'best_in_tier';
      templateId: string;
      message: string;
      evidence: { tier: Tier; approvalRate: number; reviewed: number; averageQuality: number | null; runnerUp: { templateId: string; name: string; approvalRate: number; reviewed: number } };
    }
  | {
      kind: 'version_underperforms';
      templateId: string;
      version: number;
      previousVersion: number;
      message: string;
      evidence: { metric: 'quality' | 'approval'; current: VersionSide; previous: VersionSide };
    };

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const oneDecimal = (n: number) => n.toFixed(1);

/**
 * "Use Template X for Tier 1 (highest approval rate: 92%)": for each tier, the active template
 * with the highest approval rate, when at least two active templates of the tier have MIN_REVIEWED
 * reviews (one alone is not "the highest" of anything). An exact tie on approval is broken by
 * average quality; a tie on both names no winner, so no advice.
 */
export function bestPerTier(items: TemplateFigures[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const tier of TIERS) {
    const candidates = items
      .filter((t) => t.tier === tier && t.active && hasApprovalEvidence(t.usage))
      .sort((a, b) => (b.usage.approvalRate ?? 0) - (a.usage.approvalRate ?? 0) || (b.usage.averageQuality ?? -1) - (a.usage.averageQuality ?? -1));
    if (candidates.length < 2) continue;
    const [best, runnerUp] = candidates;
    if (best.usage.approvalRate === runnerUp.usage.approvalRate && best.usage.averageQuality === runnerUp.usage.averageQuality) continue;
    const rate = best.usage.approvalRate ?? 0;
    out.push({
      kind: 'best_in_tier',
      templateId: best.templateId,
      message: `Use ${best.name} for Tier ${TIER_NUMBERS[tier]} (highest approval rate: ${percent(rate)})`,
      evidence: {
        tier,
        approvalRate: rate,
        reviewed: reviewedCount(best.usage),
        averageQuality: best.usage.averageQuality,
        runnerUp: { templateId: runnerUp.templateId, name: runnerUp.name, approvalRate: runnerUp.usage.approvalRate ?? 0, reviewed: reviewedCount(runnerUp.usage) },
      },
    });
  }
  return out;
}

const side = (v: VersionFigures): VersionSide => ({ version: v.version, averageQuality: v.usage.averageQuality, approvalRate: v.usage.approvalRate, generated: v.usage.generated, reviewed: reviewedCount(v.usage) });

/**
 * "Version 3 of X underperforms version 2 (average 7.1 vs 8.4 over 24 and 31 conversations): roll
 * back?" Only the active version is judged (an older one that did worse has been replaced
 * already), against the nearest earlier version with enough evidence. Quality is compared first;
 * approval only when quality shows no drop.
 */
export function underperformingVersions(items: TemplateFigures[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const t of items) {
    const current = t.versions.find((v) => v.version === t.currentVersion);
    if (!current) continue;
    const earlier = t.versions.filter((v) => v.version < current.version).sort((a, b) => b.version - a.version);
    const base = { kind: 'version_underperforms' as const, templateId: t.templateId, version: current.version };
    const qualityBase = hasQualityEvidence(current.usage) ? earlier.find((v) => hasQualityEvidence(v.usage)) : undefined;
    if (qualityBase && (qualityBase.usage.averageQuality ?? 0) - (current.usage.averageQuality ?? 0) >= MIN_QUALITY_DROP - 1e-9) {
      out.push({
        ...base,
        previousVersion: qualityBase.version,
        message: `Version ${current.version} of ${t.name} underperforms version ${qualityBase.version} (average ${oneDecimal(current.usage.averageQuality ?? 0)} vs ${oneDecimal(qualityBase.usage.averageQuality ?? 0)} over ${current.usage.generated} and ${qualityBase.usage.generated} conversations): roll back?`,
        evidence: { metric: 'quality', current: side(current), previous: side(qualityBase) },
      });
      continue;
    }
    const approvalBase = hasApprovalEvidence(current.usage) ? earlier.find((v) => hasApprovalEvidence(v.usage)) : undefined;
    if (approvalBase && (approvalBase.usage.approvalRate ?? 0) - (current.usage.approvalRate ?? 0) >= MIN_APPROVAL_DROP - 1e-9) {
      out.push({
        ...base,
        previousVersion: approvalBase.version,
        message: `Version ${current.version} of ${t.name} underperforms version ${approvalBase.version} (approval ${percent(current.usage.approvalRate ?? 0)} vs ${percent(approvalBase.usage.approvalRate ?? 0)} over ${reviewedCount(current.usage)} and ${reviewedCount(approvalBase.usage)} reviewed conversations): roll back?`,
        evidence: { metric: 'approval', current: side(current), previous: side(approvalBase) },
      });
    }
  }
  return out;
}

/** Every recommendation: version regressions first (they ask for action), then the best per tier. */
export function recommend(items: TemplateFigures[]): Recommendation[] {
  return [...underperformingVersions(items), ...bestPerTier(items)];
}

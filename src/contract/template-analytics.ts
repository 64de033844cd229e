import { z } from 'zod';
import { ANALYTICS_SORTS } from '../core/template-recommendations';
import { TIERS } from '../core/tiers';

/**
 * Template usage analytics (US7.1.2): usage, quality and approval per template and per version,
 * the top and bottom performers, recommendations, quality over time, and the CSV of it all.
 */

export const SORT_ORDERS = ['asc', 'desc'] as const;
export const TREND_BUCKETS = ['day', 'week'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** The filters the list and its CSV share. */
export const templateAnalyticsQuery = z
  .object({
    tier: z.enum(TIERS, { message: `must be one of ${TIERS.join(', ')}` }).optional(),
    /** Only templates whose average quality is at least this (0–10); unscored templates drop out. */
    minQuality: z.coerce.number({ message: 'must be a number from 0 to 10' }).min(0, 'must be from 0 to 10').max(10, 'must be from 0 to 10').optional(),
    sort: z.enum(ANALYTICS_SORTS, { message: `must be one of ${ANALYTICS_SORTS.join(', ')}` }).default('usage'),
    order: z.enum(SORT_ORDERS, { message: 'must be asc or desc' }).default('desc'),
  })
  .strict();
export type TemplateAnalyticsQuery = z.infer<typeof templateAnalyticsQuery>;

const templateIdList = z
  .string()
  .max(2000)
  .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))])
  .pipe(z.array(z.uuid('must be template ids, comma-separated')).min(1, 'must name at least one template').max(8, 'may name at most 8 templates'));

export const templateTrendQuery = z
  .object({
    templateIds: templateIdList,
    bucket: z.enum(TREND_BUCKETS, { message: 'must be day or week' }).default('day'),
    /** Also one series per version of each template. */
    byVersion: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
  })
  .strict();
export type TemplateTrendQuery = z.input<typeof templateTrendQuery>;

export const usageFigures = z.object({
  /** Conversations planned with it, any status. */
  planned: z.number(),
  /** Conversations with text (generated, approved or rejected): the usage count. */
  generated: z.number(),
  approved: z.number(),
  rejected: z.number(),
  averageQuality: z.number().nullable(),
  /** approved / (approved + rejected); null before any review. */
  approvalRate: z.number().nullable(),
  lastGeneratedAt: z.string().nullable(),
});
export type UsageFiguresView = z.infer<typeof usageFigures>;

export const versionAnalytics = z.object({
  version: z.number(),
  usage: usageFigures,
  /** Null for a version conversations name that is no longer stored. */
  createdAt: z.string().nullable(),
  notes: z.string().nullable(),
});
export type VersionAnalytics = z.infer<typeof versionAnalytics>;

export const templateAnalyticsItem = z.object({
  templateId: z.string(),
  key: z.string(),
  name: z.string(),
  tier: z.enum(TIERS),
  arcKey: z.string().nullable(),
  active: z.boolean(),
  /** The active version. */
  currentVersion: z.number(),
  usage: usageFigures,
  /** Newest first. */
  versions: z.array(versionAnalytics),
});
export type TemplateAnalyticsItem = z.infer<typeof templateAnalyticsItem>;

export const performer = templateAnalyticsItem.omit({ versions: true });
export type Performer = z.infer<typeof performer>;

const versionSide = z.object({ version: z.number(), averageQuality: z.number().nullable(), approvalRate: z.number().nullable(), generated: z.number(), reviewed: z.number() });

export const recommendation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('best_in_tier'),
    templateId: z.string(),
    message: z.string(),
    evidence: z.object({
      tier: z.enum(TIERS),
      approvalRate: z.number(),
      reviewed: z.number(),
      averageQuality: z.number().nullable(),
      runnerUp: z.object({ templateId: z.string(), name: z.string(), approvalRate: z.number(), reviewed: z.number() }),
    }),
  }),
  z.object({
    kind: z.literal('version_underperforms'),
    templateId: z.string(),
    version: z.number(),
    previousVersion: z.number(),
    message: z.string(),
    evidence: z.object({ metric: z.enum(['quality', 'approval']), current: versionSide, previous: versionSide }),
  }),
]);
export type RecommendationView = z.infer<typeof recommendation>;

export const templateAnalytics = z.object({
  items: z.array(templateAnalyticsItem),
  /** Best and worst by average quality among the listed templates with enough scored conversations. */
  top: z.array(performer),
  bottom: z.array(performer),
  /** Over every template of the tier filter (the quality threshold narrows the view, not the advice). */
  recommendations: z.array(recommendation),
  /** The smallest samples rankings and advice rest on. */
  evidence: z.object({ minScored: z.number(), minReviewed: z.number(), minQualityDrop: z.number(), minApprovalDrop: z.number() }),
  /** Templates in the workspace, before filters; and whether any conversation was generated with one. */
  totalTemplates: z.number(),
  anyGenerated: z.boolean(),
});
export type TemplateAnalytics = z.infer<typeof templateAnalytics>;

export const trendPoint = z.object({
  /** The bucket's first day (UTC), as 2026-05-04. */
  bucketStart: z.string(),
  averageQuality: z.number().nullable(),
  count: z.number(),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const templateTrend = z.object({
  bucket: z.enum(TREND_BUCKETS),
  series: z.array(
    z.object({
      templateId: z.string(),
      key: z.string(),
      name: z.string(),
      /** Null for the template's series over all its versions. */
      version: z.number().nullable(),
      points: z.array(trendPoint),
    }),
  ),
});
export type TemplateTrend = z.infer<typeof templateTrend>;

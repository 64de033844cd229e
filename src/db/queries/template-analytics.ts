import { asc, inArray, sql } from 'drizzle-orm';
import type { TemplateAnalytics, TemplateAnalyticsItem, TemplateAnalyticsQuery, TemplateTrend, TrendBucket, UsageFiguresView } from '../../contract/template-analytics';
import { AppError } from '../../core/errors';
import { filterTemplates, MIN_APPROVAL_DROP, MIN_QUALITY_DROP, MIN_REVIEWED, MIN_SCORED, performers, recommend, sortTemplates } from '../../core/template-recommendations';
import type { Tier } from '../../core/tiers';
import { queryRows, type Db } from '../client';
import { templates, templateVersions } from '../schema';
import { templateUsage, type TemplateUsage } from './template-stats';

const NO_USAGE: UsageFiguresView = { planned: 0, generated: 0, approved: 0, rejected: 0, averageQuality: null, approvalRate: null, lastGeneratedAt: null };

const figures = (u: TemplateUsage | undefined): UsageFiguresView =>
  u ? { planned: u.planned, generated: u.generated, approved: u.approved, rejected: u.rejected, averageQuality: u.averageQuality, approvalRate: u.approvalRate, lastGeneratedAt: u.lastGeneratedAt } : NO_USAGE;

/**
 * Every template with its figures and its versions' figures, read from templateUsage (the one
 * source of these numbers), with each version's date and note. Versions with no conversation yet
 * are listed with zero usage; a version conversations name but no longer stored is listed too.
 */
export async function listTemplateFigures(db: Db): Promise<TemplateAnalyticsItem[]> {
  const [rows, versionRows, usage] = await Promise.all([
    db.select().from(templates).orderBy(asc(templates.name)),
    db.select({ templateId: templateVersions.templateId, version: templateVersions.version, createdAt: templateVersions.createdAt, notes: templateVersions.notes }).from(templateVersions),
    templateUsage(db),
  ]);
  const stored = new Map<string, Map<number, { createdAt: Date; notes: string | null }>>();
  for (const v of versionRows) {
    const list = stored.get(v.templateId) ?? new Map();
    list.set(v.version, { createdAt: v.createdAt, notes: v.notes });
    stored.set(v.templateId, list);
  }
  return rows.map((t) => {
    const used = new Map((usage.byVersion.get(t.id) ?? []).map((u) => [u.version ?? 0, u]));
    const known = stored.get(t.id) ?? new Map();
    const numbers = [...new Set([...known.keys(), ...used.keys()])].sort((a, b) => b - a);
    return {
      templateId: t.id,
      key: t.key,
      name: t.name,
      tier: t.tier as Tier,
      arcKey: t.arcKey,
      active: t.active,
      currentVersion: t.currentVersion,
      usage: figures(usage.byTemplate.get(t.id)),
      versions: numbers.map((version) => ({ version, usage: figures(used.get(version)), createdAt: known.get(version)?.createdAt.toISOString() ?? null, notes: known.get(version)?.notes ?? null })),
    };
  });
}

/** The analytics page's answer: filtered and sorted templates, performers and advice. */
export async function getTemplateAnalytics(db: Db, query: TemplateAnalyticsQuery): Promise<TemplateAnalytics> {
  const all = await listTemplateFigures(db);
  const items = sortTemplates(filterTemplates(all, query), query.sort, query.order);
  const { top, bottom } = performers(items);
  const withoutVersions = ({ versions: _versions, ...rest }: TemplateAnalyticsItem) => rest;
  const ofTier = new Set(filterTemplates(all, { tier: query.tier }).map((t) => t.templateId));
  return {
    items,
    top: top.map(withoutVersions),
    bottom: bottom.map(withoutVersions),
    recommendations: recommend(all).filter((r) => ofTier.has(r.templateId)),
    evidence: { minScored: MIN_SCORED, minReviewed: MIN_REVIEWED, minQualityDrop: MIN_QUALITY_DROP, minApprovalDrop: MIN_APPROVAL_DROP },
    totalTemplates: all.length,
    anyGenerated: all.some((t) => t.usage.generated > 0),
  };
}

type TrendRow = { template_id: string; version: number | null; bucket: string; average_quality: number | null; count: number; by_template: number };

/**
 * Average quality per day or week of generation, per template (and per version when asked), in
 * one pass over the chosen templates' generated conversations. Buckets are UTC days and ISO weeks
 * (from Monday); a bucket with no conversation is absent, not zero.
 */
export async function getTemplateTrend(db: Db, query: { templateIds: string[]; bucket: TrendBucket; byVersion: boolean }): Promise<TemplateTrend> {
  const found = await db.select({ id: templates.id, key: templates.key, name: templates.name }).from(templates).where(inArray(templates.id, query.templateIds));
  const missing = query.templateIds.filter((id) => !found.some((t) => t.id === id));
  if (missing.length) {
    throw new AppError({ code: 'not_found', status: 404, message: `No template has the id ${missing.join(', ')}.`, hint: 'Pick templates from the analytics list; a deleted template has no trend.', details: { field: 'templateIds', missing } });
  }
  const unit = query.bucket === 'week' ? sql.raw(`'week'`) : sql.raw(`'day'`);
  // grouping() may name only grouped columns: without versions, the version column is a constant.
  const sets = query.byVersion ? sql`(c.template_id, bucket), (c.template_id, c.template_version, bucket)` : sql`(c.template_id, bucket)`;
  const versionColumns = query.byVersion ? sql`c.template_version as version, grouping(c.template_version) as by_template` : sql`null::int as version, 1 as by_template`;
  const rows = await queryRows<TrendRow>(db, sql`
    select c.template_id, ${versionColumns},
           to_char(date_trunc(${unit}, c.generated_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket,
           avg(c.quality_score)::float8 as average_quality,
           count(*)::int as count
    from conversations c
    where c.template_id in (${sql.join(query.templateIds.map((id) => sql`${id}::uuid`), sql`, `)})
      and c.status in ('generated', 'approved', 'rejected')
      and c.generated_at is not null
    group by grouping sets (${sets})
    order by bucket`);
  const series = new Map<string, TemplateTrend['series'][number]>();
  for (const t of found) series.set(`${t.id}:`, { templateId: t.id, key: t.key, name: t.name, version: null, points: [] });
  for (const row of rows) {
    const version = Number(row.by_template) === 1 ? null : row.version === null ? null : Number(row.version);
    if (Number(row.by_template) === 0 && version === null) continue;
    const id = `${row.template_id}:${version ?? ''}`;
    if (!series.has(id)) {
      const t = found.find((f) => f.id === row.template_id)!;
      series.set(id, { templateId: t.id, key: t.key, name: t.name, version, points: [] });
    }
    series.get(id)!.points.push({ bucketStart: row.bucket, averageQuality: row.average_quality === null ? null : Number(row.average_quality), count: Number(row.count) });
  }
  // The caller's order of templates, each followed by its versions, oldest first.
  const order = new Map(query.templateIds.map((id, i) => [id, i]));
  const list = [...series.values()].sort((a, b) => (order.get(a.templateId) ?? 0) - (order.get(b.templateId) ?? 0) || (a.version ?? -1) - (b.version ?? -1));
  return { bucket: query.bucket, series: list };
}

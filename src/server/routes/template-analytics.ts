import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { templateAnalytics, templateAnalyticsQuery, templateTrend, templateTrendQuery, type TemplateAnalyticsItem, type UsageFiguresView } from '../../contract/template-analytics';
import { csvRow } from '../../core/csv';
import { getTemplateAnalytics, getTemplateTrend } from '../../db/queries/template-analytics';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { sendCsv } from '../send-csv';

const CSV_COLUMNS = ['row', 'templateId', 'key', 'name', 'tier', 'arcKey', 'active', 'currentVersion', 'version', 'versionCreatedAt', 'planned', 'generated', 'approved', 'rejected', 'averageQuality', 'approvalRate', 'lastGeneratedAt'];

const usageCells = (u: UsageFiguresView) => [u.planned, u.generated, u.approved, u.rejected, u.averageQuality === null ? null : u.averageQuality.toFixed(2), u.approvalRate === null ? null : u.approvalRate.toFixed(4), u.lastGeneratedAt];

/** One row for the template's totals, then one per version, newest first. */
function csvRows(t: TemplateAnalyticsItem): string[] {
  const about = [t.templateId, t.key, t.name, t.tier, t.arcKey, t.active, t.currentVersion];
  return [csvRow(['template', ...about, null, null, ...usageCells(t.usage)]), ...t.versions.map((v) => csvRow(['version', ...about, v.version, v.createdAt, ...usageCells(v.usage)]))];
}

/** Template usage analytics (US7.1.2): figures per template and version, trend, CSV. */
export function templateAnalyticsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/templates/analytics',
    {
      schema: {
        tags: ['templates'],
        summary: 'Usage, average quality and approval rate per template and per version, sortable and filtered by tier or quality, with the top and bottom performers and recommendations',
        querystring: templateAnalyticsQuery,
        response: { 200: templateAnalytics },
      },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async (request) => getTemplateAnalytics(db, request.query),
  );

  r.get(
    '/api/templates/analytics/trend',
    {
      schema: {
        tags: ['templates'],
        summary: 'Average quality per day or week of generation for up to 8 templates (and their versions with byVersion=true)',
        querystring: templateTrendQuery,
        response: { 200: templateTrend },
      },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async (request) => getTemplateTrend(db, request.query),
  );

  r.get(
    '/api/templates/analytics.csv',
    {
      schema: { tags: ['templates'], summary: 'The template analytics as CSV (same filters and order): one row per template, then one per version', querystring: templateAnalyticsQuery },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async (request, reply) => {
      const { items } = await getTemplateAnalytics(db, request.query);
      return sendCsv(reply, 'template-analytics', [csvRow(CSV_COLUMNS), ...items.flatMap(csvRows)].join(''));
    },
  );
}

import { and, asc, desc, eq, ilike, inArray, or, sql, count, type SQL } from 'drizzle-orm';
import type { TemplateDetail, TemplateListQuery, TemplateSummary, TemplateTestResult, TemplateUsageFigures, TemplateVersionEntry } from '../../contract/templates';
import { notFound } from '../../core/errors';
import type { QualityResult } from '../../core/quality';
import type { Tier } from '../../core/tiers';
import type { Db, Tx } from '../client';
import { conversations, templates, templateTests, templateVersions, user } from '../schema';
import { templateUsage, type TemplateUsage } from './template-stats';

const figures = (u: TemplateUsage | undefined): TemplateUsageFigures => ({ generated: u?.generated ?? 0, averageQuality: u?.averageQuality ?? null, approvalRate: u?.approvalRate ?? null });

type TemplateRow = typeof templates.$inferSelect;

function summaryOf(row: TemplateRow, latest: number, usage: TemplateUsage | undefined): TemplateSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    tier: row.tier as Tier,
    arcKey: row.arcKey,
    active: row.active,
    currentVersion: row.currentVersion,
    latestVersion: Math.max(latest, row.currentVersion),
    hasDraft: latest > row.currentVersion,
    applicablePersonas: row.applicablePersonas,
    applicableEmotions: row.applicableEmotions,
    updatedAt: row.updatedAt.toISOString(),
    usage: figures(usage),
  };
}

/** The newest version number of each template, in one grouped query. */
async function latestVersions(db: Db | Tx, ids?: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ templateId: templateVersions.templateId, latest: sql<number>`max(${templateVersions.version})::int` })
    .from(templateVersions)
    .where(ids ? inArray(templateVersions.templateId, ids) : undefined)
    .groupBy(templateVersions.templateId);
  return new Map(rows.map((r) => [r.templateId, Number(r.latest)]));
}

/**
 * The Templates list: three queries whatever the number of templates or versions (the
 * templates, the newest version of each, and the usage figures), never one per template.
 */
export async function listTemplates(db: Db, query: { tier?: Tier; q?: string; active?: boolean } = {}): Promise<TemplateSummary[]> {
  const filters: (SQL | undefined)[] = [
    query.tier ? eq(templates.tier, query.tier) : undefined,
    query.active === undefined ? undefined : eq(templates.active, query.active),
    query.q ? or(ilike(templates.name, `%${query.q}%`), ilike(templates.key, `%${query.q}%`), ilike(templates.description, `%${query.q}%`)) : undefined,
  ];
  const [rows, latest, usage] = await Promise.all([
    db.select().from(templates).where(and(...filters)).orderBy(asc(templates.tier), asc(templates.name)),
    latestVersions(db),
    templateUsage(db),
  ]);
  return rows.map((row) => summaryOf(row, latest.get(row.id) ?? row.currentVersion, usage.byTemplate.get(row.id)));
}
export type { TemplateListQuery };

export async function findTemplate(db: Db | Tx, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  if (!row) throw notFound('The template', 'Open the Templates page (or GET /api/templates) to see the templates there are.');
  return row;
}

const versionColumns = {
  version: templateVersions.version,
  body: templateVersions.body,
  notes: templateVersions.notes,
  createdAt: templateVersions.createdAt,
  authorId: user.id,
  authorName: user.name,
};

/** One template with its active body, its draft (a newer saved version) and how many conversations use it. */
export async function getTemplateDetail(db: Db | Tx, id: string): Promise<TemplateDetail> {
  const row = await findTemplate(db, id);
  const [versions, usage, [{ used }]] = await Promise.all([
    db
      .select(versionColumns)
      .from(templateVersions)
      .leftJoin(user, eq(user.id, templateVersions.createdBy))
      .where(and(eq(templateVersions.templateId, id), or(eq(templateVersions.version, row.currentVersion), sql`${templateVersions.version} = (select max(version) from template_versions where template_id = ${id})`)))
      .orderBy(desc(templateVersions.version)),
    templateUsage(db as Db, [id]),
    db.select({ used: count() }).from(conversations).where(eq(conversations.templateId, id)),
  ]);
  const active = versions.find((v) => v.version === row.currentVersion);
  const newest = versions[0];
  const latest = newest?.version ?? row.currentVersion;
  return {
    ...summaryOf(row, latest, usage.byTemplate.get(id)),
    body: active?.body ?? '',
    draft:
      newest && newest.version > row.currentVersion
        ? { version: newest.version, body: newest.body, notes: newest.notes, createdAt: newest.createdAt.toISOString(), createdBy: newest.authorId ? { id: newest.authorId, name: newest.authorName ?? '' } : null }
        : null,
    conversationCount: Number(used),
  };
}

/** Every version of a template, newest first, with its author, whether a test of it succeeded, and its usage. */
export async function listTemplateVersions(db: Db, id: string): Promise<TemplateVersionEntry[]> {
  const row = await findTemplate(db, id);
  const [versions, usage, tested] = await Promise.all([
    db.select(versionColumns).from(templateVersions).leftJoin(user, eq(user.id, templateVersions.createdBy)).where(eq(templateVersions.templateId, id)).orderBy(desc(templateVersions.version)),
    templateUsage(db, [id]),
    db.selectDistinct({ version: templateTests.version }).from(templateTests).where(and(eq(templateTests.templateId, id), eq(templateTests.status, 'succeeded'))),
  ]);
  const byVersion = new Map((usage.byVersion.get(id) ?? []).map((u) => [u.version, u]));
  const testedVersions = new Set(tested.map((t) => t.version));
  return versions.map((v) => ({
    version: v.version,
    body: v.body,
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.authorId ? { id: v.authorId, name: v.authorName ?? '' } : null,
    active: row.active && v.version === row.currentVersion,
    tested: testedVersions.has(v.version),
    usage: figures(byVersion.get(v.version)),
  }));
}

export async function findVersion(db: Db | Tx, templateId: string, version: number) {
  const [row] = await db.select().from(templateVersions).where(and(eq(templateVersions.templateId, templateId), eq(templateVersions.version, version)));
  return row ?? null;
}

export async function hasSucceededTest(db: Db | Tx, templateId: string, version: number): Promise<boolean> {
  const [row] = await db.select({ id: templateTests.id }).from(templateTests).where(and(eq(templateTests.templateId, templateId), eq(templateTests.version, version), eq(templateTests.status, 'succeeded'))).limit(1);
  return Boolean(row);
}

type TestRow = typeof templateTests.$inferSelect & { authorName: string | null };

export function presentTest(row: TestRow, baseline: { quality: number | null; version: number; count: number }): TemplateTestResult {
  const slot = row.slot as unknown as TemplateTestResult['slot'];
  return {
    id: row.id,
    templateId: row.templateId,
    version: row.version,
    status: row.status === 'succeeded' ? 'succeeded' : 'failed',
    slot,
    prompt: row.prompt,
    conversation: { title: String((row.qualityBreakdown as { title?: string } | null)?.title ?? ''), turns: row.turns },
    qualityScore: row.qualityScore,
    qualityBreakdown: row.qualityBreakdown ? (qualityOfTest(row.qualityBreakdown) as unknown as QualityResult) : null,
    baselineQuality: baseline.quality,
    baselineVersion: baseline.version,
    baselineCount: baseline.count,
    provider: row.provider,
    model: row.model,
    durationMs: row.durationMs,
    costUsd: row.costUsd,
    errorMessage: row.errorMessage,
    keptConversationId: row.keptConversationId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy ? { id: row.createdBy, name: row.authorName ?? '' } : null,
  };
}

/**
 * The stored breakdown without what rides along with it for "Keep in dataset": the conversation's
 * title and grounding travel in the breakdown column, as the test table has no columns for them.
 */
function qualityOfTest(breakdown: Record<string, unknown>) {
  const { title: _title, grounding: _grounding, ...rest } = breakdown;
  return rest;
}

/** The active version's average quality so far: what a test is compared with. */
export async function baselineOf(db: Db, templateId: string, activeVersion: number) {
  const usage = await templateUsage(db, [templateId]);
  const version = (usage.byVersion.get(templateId) ?? []).find((u) => u.version === activeVersion);
  return { quality: version?.averageQuality ?? null, version: activeVersion, count: version?.generated ?? 0 };
}

const testColumns = { test: templateTests, authorName: user.name };

export async function getTemplateTest(db: Db | Tx, templateId: string, testId: string): Promise<TestRow> {
  const [row] = await db.select(testColumns).from(templateTests).leftJoin(user, eq(user.id, templateTests.createdBy)).where(and(eq(templateTests.id, testId), eq(templateTests.templateId, templateId)));
  if (!row) throw notFound('The template test', 'Run "Test template" again; tests are listed under GET /api/templates/:id/tests.');
  return { ...row.test, authorName: row.authorName };
}

/** The recent tests of a template, newest first. */
export async function listTemplateTests(db: Db, templateId: string, limit = 20): Promise<TemplateTestResult[]> {
  const template = await findTemplate(db, templateId);
  const rows = await db.select(testColumns).from(templateTests).leftJoin(user, eq(user.id, templateTests.createdBy)).where(eq(templateTests.templateId, templateId)).orderBy(desc(templateTests.createdAt)).limit(limit);
  const baseline = await baselineOf(db, templateId, template.currentVersion);
  return rows.map((r) => presentTest({ ...r.test, authorName: r.authorName }, baseline));
}

import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client';

/** How one template (or one version of it) has done: what the list, analytics and test baseline read. */
export interface TemplateUsage {
  templateId: string;
  /** Null in the per-template totals; the version in the per-version rows. */
  version: number | null;
  /** Conversations planned with it (any status). */
  planned: number;
  /** Conversations with text made with it (generated, approved or rejected). */
  generated: number;
  approved: number;
  rejected: number;
  /** Mean quality score of the scored conversations, or null when none is scored. */
  averageQuality: number | null;
  /** approved / (approved + rejected), or null before any review. */
  approvalRate: number | null;
  lastGeneratedAt: string | null;
}

type UsageRow = {
  template_id: string;
  version: number | null;
  planned: number;
  generated: number;
  approved: number;
  rejected: number;
  average_quality: number | null;
  last_generated_at: string | Date | null;
};

const toUsage = (r: UsageRow): TemplateUsage => {
  const approved = Number(r.approved);
  const rejected = Number(r.rejected);
  return {
    templateId: r.template_id,
    version: r.version === null ? null : Number(r.version),
    planned: Number(r.planned),
    generated: Number(r.generated),
    approved,
    rejected,
    averageQuality: r.average_quality === null ? null : Number(r.average_quality),
    approvalRate: approved + rejected > 0 ? approved / (approved + rejected) : null,
    lastGeneratedAt: r.last_generated_at === null ? null : new Date(r.last_generated_at).toISOString(),
  };
};

/**
 * Usage, quality and approval per template and per template version, in one pass over the
 * conversations (grouping sets): the Templates list, the analytics page and the "Test template"
 * baseline all read these figures, so they always agree.
 */
export async function templateUsage(db: Db, templateIds?: string[]): Promise<{ byTemplate: Map<string, TemplateUsage>; byVersion: Map<string, TemplateUsage[]> }> {
  const only = templateIds?.length ? sql`and c.template_id in (${sql.join(templateIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const rows = await queryRows<UsageRow & { by_template: number }>(db, sql`
    select c.template_id, c.template_version as version,
           count(*)::int as planned,
           count(*) filter (where c.status in ('generated', 'approved', 'rejected'))::int as generated,
           count(*) filter (where c.status = 'approved')::int as approved,
           count(*) filter (where c.status = 'rejected')::int as rejected,
           avg(c.quality_score) filter (where c.status in ('generated', 'approved', 'rejected'))::float8 as average_quality,
           max(c.generated_at) as last_generated_at,
           grouping(c.template_version) as by_template
    from conversations c
    where c.template_id is not null ${only}
    group by grouping sets ((c.template_id), (c.template_id, c.template_version))`);
  const byTemplate = new Map<string, TemplateUsage>();
  const byVersion = new Map<string, TemplateUsage[]>();
  for (const row of rows) {
    if (Number(row.by_template) === 1) {
      byTemplate.set(row.template_id, toUsage({ ...row, version: null }));
    } else if (row.version !== null) {
      // Planned slots not generated yet carry no version: they count in the template's totals only.
      const list = byVersion.get(row.template_id) ?? [];
      list.push(toUsage(row));
      byVersion.set(row.template_id, list);
    }
  }
  for (const list of byVersion.values()) list.sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  return { byTemplate, byVersion };
}

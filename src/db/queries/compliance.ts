import { sql } from 'drizzle-orm';
import { MAX_LISTED_VIOLATIONS, type ComplianceReport } from '../../contract/audit';
import { queryRows, type Db } from '../client';

type Coverage = ComplianceReport['reviewCoverage'];
type Attribution = ComplianceReport['exportAttribution'];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The export log's own count of unreviewed conversations; a missing or odd value counts as none. */
const unreviewedCount = sql.raw(`case when jsonb_typeof(e.metadata->'unreviewedCount') = 'number' then (e.metadata->>'unreviewedCount')::float8 else 0 end`);
const approvedOnly = sql.raw(`case when jsonb_typeof(e.metadata->'approvedOnly') = 'boolean' then (e.metadata->>'approvedOnly')::boolean end`);

interface ExportRowSql {
  id: string;
  export_id: string;
  exported_at: string;
  format: string;
  file_name: string;
  conversation_count: number;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
}

const exportColumns = sql`e.id, e.export_id, ${iso('e.created_at')} as exported_at, e.format, e.file_name, e.conversation_count, u.id as user_id, u.name as user_name, u.email as user_email`;

const presentExport = (r: ExportRowSql) => ({
  id: r.id,
  exportId: r.export_id,
  exportedAt: r.exported_at,
  format: r.format,
  fileName: r.file_name,
  conversationCount: Number(r.conversation_count),
  user: r.user_id ? { id: r.user_id, name: r.user_name ?? '', email: r.user_email ?? '' } : null,
});

/** The wording of the review check: what holds, or what does not and what to do about it. */
export function describeCoverage(c: Pick<Coverage, 'withText' | 'awaitingReview' | 'neverReviewed' | 'withoutTrail' | 'unreviewedExportCount'>): Pick<Coverage, 'ok' | 'summary' | 'hint'> {
  const unreviewed = c.awaitingReview + c.withoutTrail;
  const ok = unreviewed === 0 && c.unreviewedExportCount === 0;
  if (ok) {
    return {
      ok,
      summary:
        c.withText === 0
          ? 'No conversation has been generated yet, so there is nothing to review.'
          : `${c.withText === 1 ? 'The only generated conversation was' : `All ${plural(c.withText, 'generated conversation')} were`} reviewed by at least one user, and no export contained unreviewed conversations.`,
      hint: '',
    };
  }
  const parts: string[] = [];
  if (unreviewed > 0) {
    const again = c.awaitingReview - c.neverReviewed;
    const details = [
      c.neverReviewed ? `${c.neverReviewed.toLocaleString('en-US')} never reviewed` : '',
      again ? `${again.toLocaleString('en-US')} waiting for a new review after an undo or a regeneration` : '',
      c.withoutTrail ? `${c.withoutTrail.toLocaleString('en-US')} approved or rejected without a review record` : '',
    ]
      .filter(Boolean)
      .join(', ');
    parts.push(`${unreviewed.toLocaleString('en-US')} of ${plural(c.withText, 'generated conversation')} ${unreviewed === 1 ? 'has' : 'have'} not been reviewed by anyone${details ? ` (${details})` : ''}.`);
  }
  if (c.unreviewedExportCount > 0) parts.push(`${plural(c.unreviewedExportCount, 'export')} contained unreviewed conversations.`);
  const hints: string[] = [];
  if (c.awaitingReview > 0) hints.push('Open Conversations, filter Status: Generated, and approve or reject them.');
  if (c.withoutTrail > 0) hints.push('Conversations approved or rejected without a review record had their status set outside convgen: review them again so the decision has a name and a time.');
  if (c.unreviewedExportCount > 0) hints.push('Exports should use "Approved only"; re-export the listed ones that way, and replace the files already handed out.');
  return { ok, summary: parts.join(' '), hint: hints.join(' ') };
}

export function describeAttribution(total: number, unattributed: number): Pick<Attribution, 'ok' | 'summary' | 'hint'> {
  if (total === 0) return { ok: true, summary: 'No exports yet. Every export will be logged with the user who made it.', hint: '' };
  if (unattributed === 0) return { ok: true, summary: `All ${plural(total, 'export')} ${total === 1 ? 'is' : 'are'} logged with the user who made ${total === 1 ? 'it' : 'them'}.`, hint: '' };
  return {
    ok: false,
    summary: `${unattributed.toLocaleString('en-US')} of ${plural(total, 'export')} ${unattributed === 1 ? 'has' : 'have'} no user attribution: the user's account was deleted since, or an API token without a user made ${unattributed === 1 ? 'it' : 'them'}.`,
    hint: 'Keep accounts of people who exported data (change their role to viewer instead of deleting them), and give every script its own user and token.',
  };
}

/**
 * The two compliance checks (US9.3.2 "All conversations reviewed by at least one user", US9.3.3
 * "All exports logged with user attribution"). Seed conversations are written by people, not
 * generated, so they are outside the review check.
 */
export async function getComplianceReport(db: Db, now = new Date()): Promise<ComplianceReport> {
  const reviewStats = sql`(select conversation_id, count(*) filter (where action <> 'judge')::int as events, count(*) filter (where action in ('approve', 'reject'))::int as decisions from review_logs group by conversation_id)`;
  const byStatusRows = await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from conversations where not is_seed group by status`);
  const [counts] = await queryRows<{ with_text: number; reviewed: number; awaiting: number; never: number; without_trail: number }>(
    db,
    sql`select count(*) filter (where c.status in ('generated', 'approved', 'rejected'))::int as with_text,
               count(*) filter (where c.status in ('approved', 'rejected') and coalesce(r.decisions, 0) > 0)::int as reviewed,
               count(*) filter (where c.status = 'generated')::int as awaiting,
               count(*) filter (where c.status = 'generated' and coalesce(r.events, 0) = 0)::int as never,
               count(*) filter (where c.status in ('approved', 'rejected') and coalesce(r.decisions, 0) = 0)::int as without_trail
        from conversations c left join ${reviewStats} r on r.conversation_id = c.id
        where not c.is_seed`,
  );
  const unreviewed = await queryRows<{ id: string; conversation_id: string; status: string; generated_at: string | null; events: number; decisions: number }>(
    db,
    sql`select c.id, c.conversation_id, c.status, ${iso('c.generated_at')} as generated_at, coalesce(r.events, 0)::int as events, coalesce(r.decisions, 0)::int as decisions
        from conversations c left join ${reviewStats} r on r.conversation_id = c.id
        where not c.is_seed and (c.status = 'generated' or (c.status in ('approved', 'rejected') and coalesce(r.decisions, 0) = 0))
        order by c.generated_at asc nulls first, c.conversation_id
        limit ${MAX_LISTED_VIOLATIONS}`,
  );
  const unreviewedExports = await queryRows<ExportRowSql & { unreviewed_count: number; approved_only: boolean | null }>(
    db,
    sql`select ${exportColumns}, ${unreviewedCount} as unreviewed_count, ${approvedOnly} as approved_only
        from export_logs e left join "user" u on u.id = e.user_id
        where ${unreviewedCount} > 0
        order by e.created_at desc, e.id limit ${MAX_LISTED_VIOLATIONS}`,
  );
  const unattributed = await queryRows<ExportRowSql>(
    db,
    sql`select ${exportColumns} from export_logs e left join "user" u on u.id = e.user_id
        where e.user_id is null order by e.created_at desc, e.id limit ${MAX_LISTED_VIOLATIONS}`,
  );
  const [exportCounts] = await queryRows<{ total: number; unreviewed: number; unattributed: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where ${unreviewedCount} > 0)::int as unreviewed, count(*) filter (where e.user_id is null)::int as unattributed from export_logs e`,
  );

  const coverageCounts = {
    withText: counts.with_text,
    reviewed: counts.reviewed,
    awaitingReview: counts.awaiting,
    neverReviewed: counts.never,
    withoutTrail: counts.without_trail,
    unreviewedExportCount: exportCounts.unreviewed,
  };
  return {
    generatedAt: now.toISOString(),
    reviewCoverage: {
      ...describeCoverage(coverageCounts),
      ...coverageCounts,
      byStatus: Object.fromEntries(byStatusRows.map((r) => [r.status, r.n])),
      unreviewed: unreviewed.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        status: r.status,
        generatedAt: r.generated_at,
        reason: r.status !== 'generated' ? 'no_review_record' : r.events === 0 ? 'never_reviewed' : 'needs_review_again',
      })),
      unreviewedExports: unreviewedExports.map((r) => ({ ...presentExport(r), unreviewedCount: Number(r.unreviewed_count), approvedOnly: r.approved_only })),
    },
    exportAttribution: {
      ...describeAttribution(exportCounts.total, exportCounts.unattributed),
      totalExports: exportCounts.total,
      unattributed: unattributed.map(presentExport),
      unattributedCount: exportCounts.unattributed,
    },
  };
}

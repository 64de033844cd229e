import { REVIEW_EVENT_ACTIONS, type ReviewEventAction } from '../../../contract/audit';
import { dateBoundary } from '../errors/error-log-search';

export const AUDIT_TABS = ['reviews', 'activity', 'compliance'] as const;
export type AuditTab = (typeof AUDIT_TABS)[number];

/**
 * The audit page's URL state (`/audit?tab=activity&from=2026-05-01`). Each key is parsed on its
 * own: a bad value in a shared link is dropped, not fatal. The date range is shared by the review
 * log and the activity report.
 */
export interface AuditSearch {
  tab?: AuditTab;
  /** Human ids, comma-separated. */
  conversationId?: string;
  reviewerId?: string;
  action?: ReviewEventAction;
  /** Local calendar dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONVERSATIONS = /^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,199}$/;
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

/** Spaces and stray commas typed in the box become the canonical "conv-00001,conv-00002". */
export function normalizeConversationList(value: string): string {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(',');
}

export function validateAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  const tab = text(raw.tab);
  if ((AUDIT_TABS as readonly string[]).includes(tab) && tab !== 'reviews') out.tab = tab as AuditTab;
  const conversations = normalizeConversationList(text(raw.conversationId));
  if (CONVERSATIONS.test(conversations)) out.conversationId = conversations;
  const reviewer = text(raw.reviewerId);
  if (USER_ID.test(reviewer)) out.reviewerId = reviewer;
  const action = text(raw.action);
  if ((REVIEW_EVENT_ACTIONS as readonly string[]).includes(action)) out.action = action as ReviewEventAction;
  for (const key of ['from', 'to'] as const) {
    const v = text(raw[key]);
    if (DATE.test(v) && !Number.isNaN(new Date(`${v}T00:00:00`).getTime())) out[key] = v;
  }
  // A range the wrong way round would show nothing; keep only its start.
  if (out.from && out.to && out.from > out.to) delete out.to;
  const page = Number(text(raw.page));
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

function range(search: AuditSearch): Record<string, string> {
  const q: Record<string, string> = {};
  if (search.from) q.from = dateBoundary(search.from, 'start');
  if (search.to) q.to = dateBoundary(search.to, 'end');
  return q;
}

/** The query for GET /api/audit/reviews (paged) or its CSV. */
export function reviewLogApiQuery(search: AuditSearch, opts: { paged: boolean }): Record<string, string | number> {
  const q: Record<string, string | number> = { ...range(search) };
  if (search.conversationId) q.conversationId = search.conversationId;
  if (search.reviewerId) q.reviewerId = search.reviewerId;
  if (search.action) q.action = search.action;
  if (opts.paged) {
    q.page = search.page ?? 1;
    q.pageSize = AUDIT_PAGE_SIZE;
  }
  return q;
}

/** The query for GET /api/reports/activity and its CSV. */
export const activityApiQuery = (search: AuditSearch) => range(search);

export function activeReviewFilters(search: AuditSearch): number {
  return (['conversationId', 'reviewerId', 'action', 'from', 'to'] as const).filter((k) => search[k]).length;
}

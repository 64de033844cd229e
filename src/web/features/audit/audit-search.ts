import { z } from 'zod';
import { auditSearch } from '../../../contract/audit';
import type { ActivityQuery } from '../../../contract/audit';
import type { ReviewLogParams } from '../../lib/endpoints';
import { dateBoundary, orderedDates, searchValidator, type SearchOf } from '../../lib/search-params';

export const AUDIT_TABS = ['reviews', 'activity', 'compliance'] as const;
export type AuditTab = (typeof AUDIT_TABS)[number];

/**
 * The audit page's URL state (`/audit?tab=activity&from=2026-05-01`): the contract's review-log
 * filters, plus the open tab. The date range is shared by the review log and the activity report.
 */
const auditPageSearch = auditSearch.extend({ tab: z.enum(AUDIT_TABS).default('reviews') });
export type AuditSearch = SearchOf<typeof auditPageSearch.shape>;

export const AUDIT_PAGE_SIZE = 50;

/** Each key parsed on its own: a bad value in a shared link is dropped, not fatal. */
export const validateAuditSearch = searchValidator(auditPageSearch, orderedDates);

/** Spaces and stray commas typed in the box become the list "conv-00001,conv-00002" stands for. */
export function parseConversationList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

function range(search: AuditSearch): ActivityQuery {
  const q: ActivityQuery = {};
  if (search.from) q.from = dateBoundary(search.from, 'start');
  if (search.to) q.to = dateBoundary(search.to, 'end');
  return q;
}

/** The query for GET /api/audit/reviews (paged) or its CSV. */
export function reviewLogApiQuery(search: AuditSearch, opts: { paged: boolean }): ReviewLogParams {
  const q: ReviewLogParams = { ...range(search) };
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

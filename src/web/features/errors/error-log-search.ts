import { errorLogSearch } from '../../../contract/generation-logs';
import type { GenerationLogParams } from '../../lib/endpoints';
import { dateBoundary, orderedDates, searchValidator, type SearchOf } from '../../lib/search-params';

/** The error log page's URL state (`/errors?errorKind=auth&from=2026-05-01`), as the contract defines it. */
export type ErrorLogSearch = SearchOf<typeof errorLogSearch.shape>;

export const ERROR_LOG_PAGE_SIZE = 50;

/** Each key parsed on its own: a bad value in a shared link is dropped, not fatal. */
export const validateErrorLogSearch = searchValidator(errorLogSearch, orderedDates);

/** The query for GET /api/generation-logs (and its CSV) that shows this view: failed calls only. */
export function errorLogApiQuery(search: ErrorLogSearch, opts: { paged: boolean }): GenerationLogParams {
  const q: GenerationLogParams = { status: 'error' };
  if (search.conversationId) q.conversationId = search.conversationId;
  if (search.runId) q.runId = search.runId;
  if (search.templateId) q.templateId = search.templateId;
  if (search.errorKind) q.errorKind = search.errorKind;
  if (search.from) q.from = dateBoundary(search.from, 'start');
  if (search.to) q.to = dateBoundary(search.to, 'end');
  if (opts.paged) {
    q.page = search.page ?? 1;
    q.pageSize = ERROR_LOG_PAGE_SIZE;
  }
  return q;
}

export function activeErrorFilters(search: ErrorLogSearch): number {
  return (['conversationId', 'runId', 'templateId', 'errorKind', 'from', 'to'] as const).filter((k) => search[k]).length;
}

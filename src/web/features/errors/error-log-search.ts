/**
 * The error log page's URL state (`/errors?errorKind=auth&from=2026-05-01`) and the API query it
 * stands for. Each key is parsed on its own: a bad value in a shared link is dropped, not fatal.
 */
export interface ErrorLogSearch {
  conversationId?: string;
  runId?: string;
  templateId?: string;
  /** Error kinds as recorded (comma-separated in the URL). */
  errorKind?: string;
  /** Local calendar dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export const ERROR_LOG_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = /^[a-z0-9_]{1,64}(,[a-z0-9_]{1,64}){0,19}$/;
const CONVERSATION = /^[A-Za-z0-9_-]{1,64}$/;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

export function validateErrorLogSearch(raw: Record<string, unknown>): ErrorLogSearch {
  const out: ErrorLogSearch = {};
  const conversationId = text(raw.conversationId);
  if (CONVERSATION.test(conversationId)) out.conversationId = conversationId;
  for (const key of ['runId', 'templateId'] as const) {
    const v = text(raw[key]);
    if (UUID.test(v)) out[key] = v.toLowerCase();
  }
  const kinds = text(raw.errorKind).toLowerCase();
  if (KINDS.test(kinds)) out.errorKind = kinds;
  for (const key of ['from', 'to'] as const) {
    const v = text(raw[key]);
    if (DATE.test(v) && !Number.isNaN(new Date(`${v}T00:00:00`).getTime())) out[key] = v;
  }
  const page = Number(text(raw.page));
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

/** A local date's first or last instant as ISO, so "to 2026-05-01" includes that whole day. */
export function dateBoundary(date: string, edge: 'start' | 'end'): string {
  const d = new Date(`${date}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return d.toISOString();
}

/** The query for GET /api/generation-logs (and its CSV) that shows this view: failed calls only. */
export function errorLogApiQuery(search: ErrorLogSearch, opts: { paged: boolean }): Record<string, string | number> {
  const q: Record<string, string | number> = { status: 'error' };
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

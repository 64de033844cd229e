export interface ExportHistorySearch {
  userId?: string;
  from?: string;
  to?: string;
  minCount?: number;
  sort?: 'date' | 'user';
  page?: number;
}

/** The history's URL state: each key checked on its own, so a bad value in a link is dropped. */
export function validateExportHistorySearch(raw: Record<string, unknown>): ExportHistorySearch {
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const count = Number(raw.minCount);
  const page = Number(raw.page);
  return {
    userId: typeof raw.userId === 'string' && raw.userId.length <= 64 ? raw.userId : undefined,
    from: date(raw.from),
    to: date(raw.to),
    minCount: Number.isInteger(count) && count > 0 ? count : undefined,
    sort: raw.sort === 'user' ? 'user' : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

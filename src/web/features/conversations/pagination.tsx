import { ChevronLeft, ChevronRight } from 'lucide-react';
import { PAGE_SIZES } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';

/** Page numbers around the current one, with the first and last always shown: 1 … 4 5 6 … 20. */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const set = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...set].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageSize, total, onPage, onPageSize }: { page: number; pageSize: number; total: number; onPage: (p: number) => void; onPageSize: (s: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3" aria-label="Pagination">
      <div className="flex items-center gap-3 text-sm text-muted">
        <span>
          {from}–{to} of <strong className="text-text">{total.toLocaleString()}</strong>
        </span>
        <label className="flex items-center gap-1.5">
          Rows per page
          <select
            className="h-8 rounded-md border border-border bg-surface px-2 text-sm text-text"
            value={pageSize}
            onChange={(e) => onPageSize(Number(e.target.value))}
            aria-label="Rows per page"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center gap-1">
        <Button size="sm" variant="ghost" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeft className="h-4 w-4" aria-hidden /> Previous
        </Button>
        {pageWindow(page, pages).map((p, i) =>
          p === 'gap' ? (
            <span key={`gap-${i}`} className="px-1 text-muted">
              …
            </span>
          ) : (
            <Button key={p} size="sm" variant={p === page ? 'primary' : 'ghost'} onClick={() => onPage(p)} aria-label={`Page ${p}`} aria-current={p === page ? 'page' : undefined} className="min-w-8 justify-center">
              {p}
            </Button>
          ),
        )}
        <Button size="sm" variant="ghost" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label="Next page">
          Next <ChevronRight className="h-4 w-4" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}

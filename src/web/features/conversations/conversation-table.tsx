import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConversationSummary, SortableColumn } from '../../../contract/conversations';
import { Checkbox } from '../../components/ui/checkbox';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { HIDEABLE_COLUMNS } from './column-menu';
import { buildColumns, SORTABLE_IDS } from './columns';
import { COLUMN_MIN_WIDTH, columnsToCollapse, FIXED_WIDTH_COLUMNS } from './fit-columns';

interface Props {
  rows: ConversationSummary[] | undefined;
  loading: boolean;
  sort: SortableColumn;
  dir: 'asc' | 'desc';
  onSort: (column: SortableColumn) => void;
  openId: string | undefined;
  onOpen: (id: string) => void;
  columnVisibility: VisibilityState;
  pageSize: number;
  empty: React.ReactNode;
  /** Whether a row's checkbox is ticked; the selection itself belongs to the page. */
  isSelected: (id: string) => boolean;
  /** The header checkbox: every row on the page ticked, some, or none. */
  headerState: boolean | 'indeterminate';
  onToggleRow: (row: RowRef, visible: RowRef[]) => void;
  onToggleVisible: (visible: RowRef[]) => void;
}

/** What selecting a row records of it. */
type RowRef = Pick<ConversationSummary, 'id' | 'conversationId' | 'status'>;

const asSelected = (c: ConversationSummary): RowRef => ({ id: c.id, conversationId: c.conversationId, status: c.status });

/**
 * Columns that stay put when the table scrolls sideways (only when the user has asked for more
 * columns than fit): the selection, the id and the status on the left, Generate on the right.
 * Their cells take the row's background so scrolled text never shows through.
 */
const STICKY_CLASS = 'sticky z-[1] bg-inherit';
const W = COLUMN_MIN_WIDTH;
const STICKY_OFFSET: Record<string, React.CSSProperties> = {
  select: { left: 0 },
  conversationId: { left: W.select },
  status: { left: W.select! + W.conversationId! },
  actions: { right: 0 },
};
/** Class and offset of a sticky column's cells; nothing for the others. */
const sticky = (id: string) => (id in STICKY_OFFSET ? { className: STICKY_CLASS, style: STICKY_OFFSET[id] } : { className: undefined, style: undefined });
const LABEL = Object.fromEntries(HIDEABLE_COLUMNS);

/** The width the table has to show its rows in, followed as the window or the preview changes. */
function useAvailableWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Up and down move between rows, so the keyboard alone can walk the table. */
function moveFocus(from: HTMLElement, step: 1 | -1) {
  const next = (step === 1 ? from.nextElementSibling : from.previousElementSibling) as HTMLElement | null;
  next?.focus();
}

/** The conversation table: server-side sorted and paged; rows open the preview. */
export function ConversationTable({ rows, loading, sort, dir, onSort, openId, onOpen, columnVisibility, pageSize, empty, isSelected, headerState, onToggleRow, onToggleVisible }: Props) {
  const columns = useMemo(() => buildColumns(), []);
  const { ref: box, width } = useAvailableWidth();
  // What the user kept, less what does not fit this width (least needed first).
  const shown = ['select', ...columns.map((c) => c.id!).filter((id) => columnVisibility[id] !== false)];
  const collapsed = width === null ? [] : columnsToCollapse(width, shown);
  const fitted = { ...columnVisibility, ...Object.fromEntries(collapsed.map((id) => [id, false])) };
  const table = useReactTable({
    data: rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { columnVisibility: fitted },
    getRowId: (row) => row.id,
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const visible = useMemo(() => (rows ?? []).map(asSelected), [rows]);

  return (
    <>
    <div ref={box} className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm" style={{ minWidth: shown.filter((id) => !collapsed.includes(id)).reduce((sum, id) => sum + (W[id] ?? 120), 0) }} aria-label="Conversations" aria-busy={loading}>
        <thead className="sticky top-0 z-10 bg-surface-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" style={{ ...sticky('select').style, width: W.select }} className={cn('border-b border-border py-2.5 pr-1 pl-4', sticky('select').className)}>
                <Checkbox
                  checked={headerState}
                  onCheckedChange={() => onToggleVisible(visible)}
                  label={headerState === true ? 'Deselect the rows on this page' : 'Select the rows on this page'}
                />
              </th>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sortable = SORTABLE_IDS.has(id);
                const active = sort === id;
                const Icon = active ? (dir === 'asc' ? ArrowUp : ArrowDown) : ArrowUpDown;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    style={{ ...sticky(id).style, ...(FIXED_WIDTH_COLUMNS.has(id) ? { width: W[id] } : {}) }}
                    className={cn('border-b border-border px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-muted uppercase', sticky(id).className)}
                  >
                    {sortable ? (
                      <button type="button" onClick={() => onSort(id as SortableColumn)} className={cn('inline-flex items-center gap-1 rounded hover:text-text', active && 'text-text')}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <Icon className={cn('h-3.5 w-3.5', !active && 'opacity-40')} aria-hidden />
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading && !rows
            ? Array.from({ length: Math.min(pageSize, 12) }, (_, i) => (
                <tr key={i} className="border-b border-border">
                  <td className="py-3 pr-1 pl-4">
                    <Skeleton className="h-4 w-4" />
                  </td>
                  {visibleColumns.map((c) => (
                    <td key={c.id} className="px-3 py-3">
                      <Skeleton className={c.id === 'actions' ? 'h-7 w-20' : 'w-24'} />
                    </td>
                  ))}
                </tr>
              ))
            : table.getRowModel().rows.map((row) => {
                const summary = row.original;
                const selected = isSelected(summary.id);
                return (
                <tr
                  key={row.id}
                  data-row={summary.conversationId}
                  // The shell's "Skip to content" lands on the open row, or else the first.
                  data-skip-target={openId === summary.conversationId ? 'first' : 'row'}
                  data-selected={selected || undefined}
                  tabIndex={0}
                  aria-selected={selected}
                  aria-current={openId === summary.conversationId ? 'true' : undefined}
                  onClick={() => onOpen(summary.conversationId)}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.key === 'Enter') onOpen(summary.conversationId);
                    else if (e.key === ' ') {
                      e.preventDefault();
                      onToggleRow(asSelected(summary), visible);
                    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                      e.preventDefault();
                      moveFocus(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
                    }
                  }}
                  className={cn(
                    'cursor-pointer border-b border-border bg-surface transition-colors hover:bg-surface-muted',
                    selected && 'bg-primary-soft hover:bg-primary-soft',
                    openId === summary.conversationId && 'bg-selected shadow-[inset_3px_0_0_var(--primary)] hover:bg-selected',
                  )}
                >
                  <td style={sticky('select').style} className={cn('py-2 pr-1 pl-4', sticky('select').className)}>
                    <Checkbox checked={selected} onCheckedChange={() => onToggleRow(asSelected(summary), visible)} label={`Select ${summary.conversationId}`} />
                  </td>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} data-column={cell.column.id} style={sticky(cell.column.id).style} className={cn('px-3 py-2', cell.column.id === 'actions' && 'text-right', sticky(cell.column.id).className)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                );
              })}
        </tbody>
      </table>
      {rows && rows.length === 0 && !loading && empty}
      </div>
      {collapsed.length > 0 && rows?.length ? (
        <p className="border-t border-border px-4 py-1.5 text-xs text-muted" data-testid="collapsed-columns">
          Hidden to fit this width: {collapsed.map((id) => LABEL[id] ?? id).join(', ')}. Widen the window, close the preview or hide other columns under Columns to see them.
        </p>
      ) : null}
    </>
  );
}

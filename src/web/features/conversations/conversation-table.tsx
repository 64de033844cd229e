import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useMemo } from 'react';
import type { ConversationSummary, SortableColumn } from '../../../contract/conversations';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { useCatalog } from '../../lib/queries';
import { buildColumns, SORTABLE_IDS } from './columns';

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
}

/** The conversation table: server-side sorted and paged; rows open the preview. */
export function ConversationTable({ rows, loading, sort, dir, onSort, openId, onOpen, columnVisibility, pageSize, empty }: Props) {
  const { data: catalog } = useCatalog();
  const columns = useMemo(() => buildColumns(catalog), [catalog]);
  const table = useReactTable({
    data: rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { columnVisibility },
    getRowId: (row) => row.id,
  });
  const visibleColumns = table.getVisibleLeafColumns();

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[900px] border-collapse text-sm" aria-label="Conversations" aria-busy={loading}>
        <thead className="sticky top-0 z-10 bg-surface-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
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
                    className="border-b border-border px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-muted uppercase"
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
                  {visibleColumns.map((c) => (
                    <td key={c.id} className="px-3 py-3">
                      <Skeleton className={c.id === 'actions' ? 'h-7 w-20' : 'w-24'} />
                    </td>
                  ))}
                </tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-row={row.original.conversationId}
                  tabIndex={0}
                  aria-selected={openId === row.original.conversationId}
                  onClick={() => onOpen(row.original.conversationId)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') onOpen(row.original.conversationId);
                  }}
                  className={cn('cursor-pointer border-b border-border transition-colors hover:bg-surface-muted/70', openId === row.original.conversationId && 'bg-selected hover:bg-selected')}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cn('px-3 py-2', cell.column.id === 'actions' && 'text-right')}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
      {rows && rows.length === 0 && !loading && empty}
    </div>
  );
}

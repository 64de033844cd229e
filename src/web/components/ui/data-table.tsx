import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { cn } from '../../lib/cn';
import { Skeleton } from './skeleton';

declare module '@tanstack/react-table' {
  // The type parameters must match TanStack Table's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers align right, ticks centre; headers follow their cells. */
    align?: 'left' | 'right' | 'center';
    /** Classes for this column's cells (width, truncation, font). */
    className?: string;
    /** Classes for this column's header only. */
    headerClassName?: string;
    /** This column names the row for screen readers: its cells are `<th scope="row">`. */
    rowHeader?: boolean;
  }
}

/**
 * The looks a table takes: `panel` for a page's main list in a bordered panel (shaded, upper-case
 * header), `listing` for a smaller list inside a card or check, `plain` inside a settings card
 * (its first column flush with the card's text), `compact` for figures in a dialog.
 */
export type DataTableVariant = 'panel' | 'listing' | 'plain' | 'compact';

const VARIANTS: Record<DataTableVariant, { table: string; head: string; headRow?: string; th: string; td: string; row: string }> = {
  panel: {
    table: 'w-full text-sm',
    head: 'bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase',
    th: 'border-b border-border px-3 py-2.5 whitespace-nowrap',
    td: 'px-3 py-2',
    row: 'border-b border-border last:border-b-0',
  },
  listing: {
    table: 'w-full text-sm',
    head: 'bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase',
    th: 'border-b border-border px-3 py-1.5 whitespace-nowrap',
    td: 'px-3 py-1.5',
    row: 'border-b border-border last:border-b-0',
  },
  plain: {
    table: 'w-full text-sm',
    head: 'text-left text-xs text-muted',
    headRow: 'border-b border-border',
    th: 'px-3 py-1.5 font-medium first:pl-0',
    td: 'px-3 py-1.5 first:pl-0',
    row: 'border-b border-border last:border-0',
  },
  compact: {
    table: 'w-full text-xs',
    head: 'text-left text-muted',
    th: 'py-1 pr-3 font-medium last:pr-0',
    td: 'py-1 pr-3 last:pr-0',
    row: '',
  },
};

const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | boolean | undefined };

export interface DataTableProps<T> {
  /** Undefined while loading. */
  data: T[] | undefined;
  /** Display columns: an id, a header and a cell reading `row.original`. */
  columns: ColumnDef<T>[];
  /** Names the table for screen readers. */
  label: string;
  getRowId: (row: T) => string;
  variant?: DataTableVariant;
  /** Placeholder rows while the first data loads. */
  loading?: boolean;
  skeletonRows?: number;
  /** Shown under the header when the data has loaded and is empty. */
  empty?: ReactNode;
  /** Opens a row: the row becomes clickable and keyboard-focusable (Enter or Space). */
  onRowClick?: (row: T) => void;
  /** Attributes for a row (data-* for tests and styles, extra classes). */
  rowProps?: (row: T) => RowAttributes;
  /** Screen-reader-only headers, for a table whose columns speak for themselves. */
  hideHeader?: boolean;
  className?: string;
  /** The scrolling box around the table (overflow-x-auto by default). */
  scrollClassName?: string;
}

/**
 * Every list in the app but the conversation table: TanStack Table rows and columns in one of
 * a few looks, with loading placeholders, an empty state, clickable rows and row headers.
 */
export function DataTable<T>({ data, columns, label, getRowId, variant = 'panel', loading, skeletonRows = 4, empty, onRowClick, rowProps, hideHeader, className, scrollClassName }: DataTableProps<T>) {
  const table = useReactTable<T>({ data: data ?? [], columns, getCoreRowModel: getCoreRowModel(), getRowId });
  const look = VARIANTS[variant];
  const columnCount = table.getVisibleLeafColumns().length;
  const open = onRowClick
    ? (row: T) => ({
        tabIndex: 0,
        onClick: () => onRowClick(row),
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
          e.preventDefault();
          onRowClick(row);
        },
      })
    : undefined;

  return (
    <>
      <div className={cn('overflow-x-auto', scrollClassName)}>
        <table className={cn(look.table, className)} aria-label={label} aria-busy={loading || undefined}>
          <thead className={cn(look.head, hideHeader && 'sr-only')}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className={look.headRow}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  return (
                    <th key={header.id} scope="col" className={cn(look.th, meta?.align && ALIGN[meta.align], meta?.headerClassName)}>
                      {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {loading &&
              !data &&
              Array.from({ length: skeletonRows }, (_, i) => (
                <tr key={i}>
                  <td colSpan={columnCount} className="px-3 py-3">
                    <Skeleton className="w-full" />
                  </td>
                </tr>
              ))}
            {table.getRowModel().rows.map((row) => {
              const attributes = rowProps?.(row.original);
              return (
                <tr
                  key={row.id}
                  {...attributes}
                  {...open?.(row.original)}
                  className={cn(look.row, onRowClick && 'cursor-pointer hover:bg-surface-muted/70', attributes?.className)}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    const Cell = meta?.rowHeader ? 'th' : 'td';
                    return (
                      <Cell key={cell.id} scope={meta?.rowHeader ? 'row' : undefined} className={cn(look.td, meta?.rowHeader && 'text-left font-normal', meta?.align && ALIGN[meta.align], meta?.className)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Cell>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data && data.length === 0 && empty}
    </>
  );
}

import type { SelectorFilter } from '../../../contract/runs';
import { LIST_KEYS, type ViewState } from '../conversations/view-state';

/** What a bulk action needs to know about a selected row, to list it and to refuse early. */
export interface SelectedRow {
  id: string;
  conversationId: string;
  status: string;
}

/**
 * The table's selection (US6.2.1): either rows picked one by one (kept across pages and
 * filters), or "every conversation matching this filter" — which can be 100,000 rows, so it is
 * sent to the server as the filter, never as a list of ids.
 */
export type Selection = { kind: 'rows'; rows: Record<string, SelectedRow> } | { kind: 'filter'; filter: SelectorFilter; total: number };

export const EMPTY_SELECTION: Selection = { kind: 'rows', rows: {} };

export function selectedCount(selection: Selection): number {
  return selection.kind === 'filter' ? selection.total : Object.keys(selection.rows).length;
}

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'filter' || id in selection.rows;
}

/**
 * Checks or unchecks one row. Unchecking a row of a whole-filter selection falls back to the
 * rows on screen minus that one: a filter cannot name exceptions.
 */
export function toggleRow(selection: Selection, row: SelectedRow, visible: SelectedRow[]): Selection {
  if (selection.kind === 'filter') return { kind: 'rows', rows: Object.fromEntries(visible.filter((r) => r.id !== row.id).map((r) => [r.id, r])) };
  const rows = { ...selection.rows };
  if (rows[row.id]) delete rows[row.id];
  else rows[row.id] = row;
  return { kind: 'rows', rows };
}

/** The header checkbox: all visible rows in, or (if they all are) all of them out. */
export function toggleVisible(selection: Selection, visible: SelectedRow[]): Selection {
  if (selection.kind === 'filter') return EMPTY_SELECTION;
  const allIn = visible.length > 0 && visible.every((r) => r.id in selection.rows);
  const rows = { ...selection.rows };
  for (const r of visible) {
    if (allIn) delete rows[r.id];
    else rows[r.id] = r;
  }
  return { kind: 'rows', rows };
}

export function visibleState(selection: Selection, visible: SelectedRow[]): boolean | 'indeterminate' {
  if (selection.kind === 'filter') return visible.length > 0;
  const n = visible.filter((r) => r.id in selection.rows).length;
  return n === 0 ? false : n === visible.length ? true : 'indeterminate';
}

/** The list filters of a view, as the API's selector filter (no sort, page or preview). */
export function filterOfView(view: ViewState): SelectorFilter {
  const filter: SelectorFilter = {};
  for (const key of LIST_KEYS) {
    const value = view[key];
    if (value?.length) (filter as Record<string, unknown>)[key] = value;
  }
  if (view.qualityMin !== undefined) filter.qualityMin = view.qualityMin;
  if (view.qualityMax !== undefined) filter.qualityMax = view.qualityMax;
  if (view.confidenceMin !== undefined) filter.confidenceMin = view.confidenceMin;
  if (view.q) filter.q = view.q;
  if (view.seed) filter.seed = view.seed;
  if (view.tokensMin !== undefined || view.tokensMax !== undefined) Object.assign(filter, { tokenModel: view.tokenModel, tokensMin: view.tokensMin, tokensMax: view.tokensMax });
  return filter;
}

/** The selection as a bulk endpoint's `selection` / a run's selector. */
export function selectorOf(selection: Selection): { conversationIds: string[] } | { filter: SelectorFilter } | { all: true } {
  if (selection.kind === 'rows') return { conversationIds: Object.keys(selection.rows) };
  return Object.keys(selection.filter).length ? { filter: selection.filter } : { all: true };
}

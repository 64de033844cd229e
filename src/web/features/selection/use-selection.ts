import { useCallback, useEffect, useState } from 'react';
import type { SelectorFilter } from '../../../contract/runs';
import { EMPTY_SELECTION, toggleRow, toggleVisible, type Selection, type SelectedRow } from './selection';

const STORAGE_KEY = 'convgen.selection';

function restore(): Selection {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Selection) : EMPTY_SELECTION;
  } catch {
    return EMPTY_SELECTION;
  }
}

/**
 * The conversations table's selection, kept for this browser tab: it survives page changes,
 * filter changes and a reload, and is cleared by "Clear selection" or after a bulk action.
 */
export function useSelection(filterKey: string) {
  const [selection, setSelection] = useState<Selection>(restore);
  useEffect(() => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(selection));
  }, [selection]);
  // "Everything matching the filter" means the filter it was made under; another filter ends it.
  useEffect(() => {
    setSelection((s) => (s.kind === 'filter' && JSON.stringify(s.filter) !== filterKey ? EMPTY_SELECTION : s));
  }, [filterKey]);

  return {
    selection,
    toggleRow: useCallback((row: SelectedRow, visible: SelectedRow[]) => setSelection((s) => toggleRow(s, row, visible)), []),
    toggleVisible: useCallback((visible: SelectedRow[]) => setSelection((s) => toggleVisible(s, visible)), []),
    selectAllMatching: useCallback((filter: SelectorFilter, total: number) => setSelection({ kind: 'filter', filter, total }), []),
    clear: useCallback(() => setSelection(EMPTY_SELECTION), []),
  };
}

export type SelectionControls = ReturnType<typeof useSelection>;

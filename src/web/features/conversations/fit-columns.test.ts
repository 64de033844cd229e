import { describe, expect, it } from 'vitest';
import { COLUMN_MIN_WIDTH, columnsToCollapse } from './fit-columns';

const ALL = ['select', 'conversationId', 'status', 'qualityScore', 'persona', 'emotion', 'topic', 'intent', 'tone', 'tier', 'generatedAt', 'actions'];
const total = (ids: string[]) => ids.reduce((sum, id) => sum + COLUMN_MIN_WIDTH[id]!, 0);

describe('columnsToCollapse', () => {
  it('hides nothing when every column fits', () => {
    expect(columnsToCollapse(total(ALL), ALL)).toEqual([]);
  });

  it('drops the least needed columns first, only as many as it must', () => {
    expect(columnsToCollapse(total(ALL) - 1, ALL)).toEqual(['generatedAt']);
    expect(columnsToCollapse(total(ALL) - COLUMN_MIN_WIDTH.generatedAt! - 1, ALL)).toEqual(['generatedAt', 'tone']);
  });

  it('never hides the id, status, quality, selection or actions, however narrow', () => {
    const collapsed = columnsToCollapse(100, ALL);
    for (const kept of ['select', 'conversationId', 'status', 'qualityScore', 'actions']) expect(collapsed).not.toContain(kept);
    expect(collapsed).toHaveLength(7);
  });

  it('counts only the columns the user kept, and never reports one the user already hid', () => {
    const shown = ALL.filter((id) => id !== 'generatedAt' && id !== 'tone');
    expect(columnsToCollapse(total(shown), shown)).toEqual([]);
    expect(columnsToCollapse(total(shown) - 1, shown)).toEqual(['intent']);
  });

  it('keeps what a reviewer needs beside the preview at 1280 px (745 px for the table, no actions column)', () => {
    const besidePreview = ALL.filter((id) => !['intent', 'tone', 'generatedAt', 'actions'].includes(id));
    const collapsed = columnsToCollapse(745, besidePreview);
    const kept = besidePreview.filter((id) => !collapsed.includes(id));
    expect(kept).toEqual(['select', 'conversationId', 'status', 'qualityScore', 'persona', 'topic']);
  });
});

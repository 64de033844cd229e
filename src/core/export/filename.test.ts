import { describe, expect, it } from 'vitest';
import { exportFileName, sanitizeFileName, splitFileNames } from './filename';

const date = new Date('2026-11-26T15:04:05Z');

describe('exportFileName', () => {
  it('describes the export: date, approval, count, format', () => {
    expect(exportFileName({ date, count: 87, format: 'openai', extension: 'jsonl', approvedOnly: true })).toBe(
      'training-data-2026-11-26-approved-87-conversations-openai.jsonl',
    );
    expect(exportFileName({ date, count: 1, format: 'json', extension: 'json', approvedOnly: false })).toBe(
      'training-data-2026-11-26-selected-1-conversation-json.json',
    );
  });

  it('is a .zip when the export is several files', () => {
    expect(exportFileName({ date, count: 87, format: 'sharegpt', extension: 'jsonl', approvedOnly: true, archive: true })).toBe(
      'training-data-2026-11-26-approved-87-conversations-sharegpt.zip',
    );
  });

  it('makes a user-given name safe and gives it the right extension', () => {
    const base = { date, count: 3, format: 'hf' as const, extension: 'jsonl' as const, approvedOnly: true };
    expect(exportFileName({ ...base, name: 'Q4 données/../../etc passwd.json' })).toBe('Q4-donnees-.-.-etc-passwd.jsonl');
    expect(exportFileName({ ...base, name: 'my_set.v2.jsonl' })).toBe('my_set.v2.jsonl');
    expect(exportFileName({ ...base, name: '.hidden' })).toBe('hidden.jsonl');
    expect(exportFileName({ ...base, name: '🙂🙂' })).toBe('training-data-2026-11-26-approved-3-conversations-hf.jsonl');
    expect(exportFileName({ ...base, name: 'x'.repeat(300), archive: true })).toBe(`${'x'.repeat(96)}.zip`);
    expect(exportFileName({ ...base, name: 'a'.repeat(300) }).length).toBe(100);
  });

  it('names the files of a split inside the archive', () => {
    expect(splitFileNames('advisor.zip', 'jsonl')).toEqual({ train: 'advisor-train.jsonl', validation: 'advisor-validation.jsonl' });
  });
});

describe('sanitizeFileName', () => {
  it('keeps letters, digits, - _ . only', () => {
    expect(sanitizeFileName('Ça va? <b>"x"</b> ✓')).toBe('Ca-va-b-x-b');
    expect(sanitizeFileName('..\\..\\win')).toBe('win');
  });
});

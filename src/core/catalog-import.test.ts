import { describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseCatalogJson } from './catalog-import';
import { AppError } from './errors';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('parseCatalogCsv', () => {
  it('reads rows with optional columns, quoted commas and a BOM', () => {
    const rows = parseCatalogCsv('\uFEFFDimension,Label,Guidance,Active\npersona,Night Nurse,"Short, clinical sentences",yes\n\ntopic,Shift Handover,,\n');
    expect(rows).toEqual([
      { dimension: 'persona', key: undefined, label: 'Night Nurse', description: undefined, guidance: 'Short, clinical sentences', active: true, where: 'line 2', position: { line: 2 } },
      { dimension: 'topic', key: undefined, label: 'Shift Handover', description: undefined, guidance: undefined, active: undefined, where: 'line 4', position: { line: 4 } },
    ]);
  });

  it('names the line and field of the first problem', () => {
    const err = errorOf(() => parseCatalogCsv('dimension,label\npersona,Nurse\nmood,Calm\ntopic,\n'));
    expect(err.message).toBe('Line 3, dimension: "mood" is not a dimension; use one of persona, emotion, topic, intent, tone.');
    expect(err.details).toEqual({ line: 3, field: 'dimension' });
    expect(errorOf(() => parseCatalogCsv('dimension,label\ntopic,\n')).details).toEqual({ line: 2, field: 'label' });
    expect(errorOf(() => parseCatalogCsv('dimension,label,active\ntone,Calm,maybe\n')).details).toEqual({ line: 2, field: 'active' });
    expect(errorOf(() => parseCatalogCsv('dimension,label,key\ntone,Calm,Not A Key\n')).details).toEqual({ line: 2, field: 'key' });
  });

  it('refuses a missing column, an unknown column, a broken quote and a repeated value', () => {
    expect(errorOf(() => parseCatalogCsv('dimension,name\npersona,Nurse\n')).details).toEqual({ line: 1, field: 'label' });
    expect(errorOf(() => parseCatalogCsv('dimension,label,colour\npersona,Nurse,red\n')).details).toEqual({ line: 2, field: 'colour' });
    expect(errorOf(() => parseCatalogCsv('dimension,label\npersona,"Nurse\n')).details).toMatchObject({ line: 2 });
    const repeat = errorOf(() => parseCatalogCsv('dimension,label\npersona,Nurse\npersona,nurse\n'));
    expect(repeat.details).toEqual({ line: 3, field: 'label' });
    expect(repeat.message).toContain('line 2');
    expect(errorOf(() => parseCatalogCsv('dimension,label\n')).code).toBe('invalid_catalog_import');
  });
});

describe('parseCatalogJson', () => {
  it('reads items and names the index and field of the first problem', () => {
    expect(parseCatalogJson([{ dimension: 'emotion', label: 'Awe', active: false }])[0]).toMatchObject({ dimension: 'emotion', label: 'Awe', active: false, position: { index: 0 } });
    const err = errorOf(() => parseCatalogJson([{ dimension: 'emotion', label: 'Awe' }, { dimension: 'emotion', label: 42 }]));
    expect(err.message).toBe('Item 2, label: must be text.');
    expect(err.details).toEqual({ index: 1, field: 'label' });
    expect(errorOf(() => parseCatalogJson(['persona'])).details).toEqual({ index: 0 });
    expect(errorOf(() => parseCatalogJson([{ dimension: 'tone', label: 'x'.repeat(81) }])).details).toEqual({ index: 0, field: 'label' });
  });
});

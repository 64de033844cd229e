import { parse } from 'csv-parse/sync';
import { AppError } from './errors';
import { DIMENSIONS, type Dimension } from './tiers';

/** One value of a catalog import, checked, with where it came from for later errors. */
export interface CatalogImportRow {
  dimension: Dimension;
  key?: string;
  label: string;
  description?: string;
  guidance?: string;
  active?: boolean;
  /** "line 4" (CSV) or "item 3" (JSON, counted from 1), for messages. */
  where: string;
  /** The CSV line or the JSON index (from 0), for `details`. */
  position: { line: number } | { index: number };
}

export const IMPORT_COLUMNS = ['dimension', 'key', 'label', 'description', 'guidance', 'active'] as const;
const LIMITS = { key: 60, label: 80, description: 1000, guidance: 4000 } as const;
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const HINT = 'Correct that line or item and import the file again; nothing was imported.';
export const IMPORT_EXAMPLE = 'dimension,key,label,description,guidance,active\npersona,,First-Time Buyer,Buying a home for the first time,Asks basic questions and worries about hidden costs.,true';

function problem(where: string, position: CatalogImportRow['position'], field: string | undefined, message: string): AppError {
  return new AppError({
    code: 'invalid_catalog_import',
    status: 400,
    message: `${where[0].toUpperCase()}${where.slice(1)}${field ? `, ${field}` : ''}: ${message}`,
    hint: HINT,
    details: { ...position, ...(field ? { field } : {}) },
  });
}

function parseActive(value: unknown): boolean | undefined | 'bad' {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(text)) return true;
  if (['false', 'no', '0', 'n'].includes(text)) return false;
  return 'bad';
}

/** Checks one raw record (a CSV row or a JSON item) into a row, or throws naming its place and field. */
function checkRecord(raw: Record<string, unknown>, where: string, position: CatalogImportRow['position']): CatalogImportRow {
  const fail = (field: string | undefined, message: string) => problem(where, position, field, message);
  for (const name of Object.keys(raw)) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) throw fail(name, `"${name}" is not a catalog field; use ${IMPORT_COLUMNS.join(', ')}.`);
  }
  const text = (field: keyof typeof LIMITS | 'dimension'): string | undefined => {
    const value = raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw fail(field, 'must be text.');
    const trimmed = value.trim();
    if (field !== 'dimension' && trimmed.length > LIMITS[field]) throw fail(field, `must be at most ${LIMITS[field]} characters (it has ${trimmed.length}).`);
    // An empty cell leaves an existing value's field as it is.
    return trimmed || undefined;
  };
  const dimension = text('dimension');
  if (!dimension) throw fail('dimension', `is missing; it must be one of ${DIMENSIONS.join(', ')}.`);
  if (!(DIMENSIONS as readonly string[]).includes(dimension)) throw fail('dimension', `"${dimension}" is not a dimension; use one of ${DIMENSIONS.join(', ')}.`);
  const label = text('label');
  if (!label) throw fail('label', 'is empty; every value needs a label.');
  const key = text('key') || undefined;
  if (key && !KEY_PATTERN.test(key)) throw fail('key', `"${key}" must be lower-case letters, digits and underscores, starting with a letter (or leave it empty to derive it from the label).`);
  const active = parseActive(raw.active);
  if (active === 'bad') throw fail('active', `"${String(raw.active)}" must be true or false.`);
  return { dimension: dimension as Dimension, key, label, description: text('description'), guidance: text('guidance'), active, where, position };
}

/** Two rows for the same value of a dimension would silently overwrite each other. */
function refuseRepeats(rows: CatalogImportRow[]) {
  const seen = new Map<string, CatalogImportRow>();
  for (const row of rows) {
    for (const id of [row.key ? `${row.dimension}:key:${row.key}` : null, `${row.dimension}:label:${row.label.toLowerCase().replace(/\s+/g, ' ')}`]) {
      if (!id) continue;
      const first = seen.get(id);
      if (first) throw problem(row.where, row.position, id.includes(':key:') ? 'key' : 'label', `repeats the ${row.dimension} "${row.key ?? row.label}" of ${first.where}.`);
      seen.set(id, row);
    }
  }
}

export function parseCatalogCsv(csv: string): CatalogImportRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), info: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    const line = e.lines ?? 1;
    throw problem(`line ${line}`, { line }, undefined, `the CSV cannot be read (${e.message.replace(/^[A-Z_]+: /, '')}).`);
  }
  if (!records.length) throw new AppError({ code: 'invalid_catalog_import', status: 400, message: 'The CSV has no values: it needs a header line and one line per value.', hint: `Start from this example:\n${IMPORT_EXAMPLE}`, details: { line: 1 } });
  const header = Object.keys(records[0].record);
  for (const required of ['dimension', 'label']) {
    if (!header.includes(required)) throw problem('line 1', { line: 1 }, required, `the header has no "${required}" column; it needs at least dimension and label.`);
  }
  const rows = records.map(({ record, info }) => checkRecord(record, `line ${info.lines}`, { line: info.lines }));
  refuseRepeats(rows);
  return rows;
}

export function parseCatalogJson(items: unknown[]): CatalogImportRow[] {
  if (!items.length) throw new AppError({ code: 'invalid_catalog_import', status: 400, message: 'The JSON has no values.', hint: 'Send a list of { dimension, label, key?, description?, guidance?, active? } objects.', details: { index: 0 } });
  const rows = items.map((item, index) => {
    const where = `item ${index + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw problem(where, { index }, undefined, 'must be an object with dimension and label.');
    return checkRecord(item as Record<string, unknown>, where, { index });
  });
  refuseRepeats(rows);
  return rows;
}

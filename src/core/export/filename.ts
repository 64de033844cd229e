import type { FormatId } from './record';

export const MAX_FILE_NAME_LENGTH = 100;

export interface ExportFileNameInput {
  /** When the export runs (core takes no clock); the name uses its UTC date. */
  date: Date;
  count: number;
  format: FormatId;
  extension: 'jsonl' | 'json';
  approvedOnly: boolean;
  /** A name the user typed; sanitized, and replaced by the descriptive name when nothing is left. */
  name?: string | null;
  /** Several files (train and validation, README, dataset_info.json): the download is a .zip. */
  archive?: boolean;
}

const KNOWN_EXTENSION = /\.(jsonl|json|zip)$/i;

/**
 * Keeps ASCII letters, digits, "-", "_" and "."; accented letters lose their accents, anything
 * else becomes "-". No leading dots (hidden files) or trailing separators.
 */
export function sanitizeFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-_.]+/, '')
    .replace(/[-_.]+$/, '');
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'undated' : date.toISOString().slice(0, 10);
}

/**
 * The download's file name, e.g. `training-data-2026-11-26-approved-87-conversations-openai.jsonl`,
 * or the user's name made safe, always ending in the right extension and at most 100 characters.
 */
export function exportFileName(input: ExportFileNameInput): string {
  const extension = `.${input.archive ? 'zip' : input.extension}`;
  const room = MAX_FILE_NAME_LENGTH - extension.length;
  const given = input.name ? sanitizeFileName(input.name.trim().replace(KNOWN_EXTENSION, '')) : '';
  let base = given;
  if (!base) {
    const what = input.approvedOnly ? 'approved' : 'selected';
    const noun = input.count === 1 ? 'conversation' : 'conversations';
    base = `training-data-${isoDate(input.date)}-${what}-${input.count}-${noun}-${input.format}`;
  }
  base = base.slice(0, room).replace(/[-_.]+$/, '');
  return `${base}${extension}`;
}

/**
 * The sidecar of a data file (`includeMetadata` for formats whose targets refuse extra keys):
 * `<base>-metadata.jsonl`, line N describing line N of the data file.
 */
export function metadataFileName(dataFileName: string): string {
  return `${dataFileName.replace(KNOWN_EXTENSION, '')}-metadata.jsonl`;
}

/** Names of the files inside the archive: `<base>-train.jsonl`, `<base>-validation.jsonl`. */
export function splitFileNames(fileName: string, extension: 'jsonl' | 'json'): { train: string; validation: string } {
  const base = fileName.replace(KNOWN_EXTENSION, '');
  return { train: `${base}-train.${extension}`, validation: `${base}-validation.${extension}` };
}

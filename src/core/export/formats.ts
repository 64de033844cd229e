import { anthropicFormat } from './anthropic';
import { lineMetadata } from './checks';
import { hfFormat } from './hf';
import { jsonFormat } from './json';
import { openaiFormat } from './openai';
import { FORMAT_IDS, type ExportFormat, type ExportOptions, type ExportRecord, type FormatId } from './record';
import { sharegptFormat } from './sharegpt';

export { FORMAT_IDS };

export const EXPORT_FORMATS: Record<FormatId, ExportFormat> = {
  openai: openaiFormat,
  anthropic: anthropicFormat,
  sharegpt: sharegptFormat,
  hf: hfFormat,
  json: jsonFormat,
};

// JSON allows U+2028 and U+2029 raw, but readers that split on every line break (Python's
// str.splitlines) would cut the line there; escaped, they read back the same.
const SEPARATORS_ALL = /[\u2028\u2029]/g;
const escapeSeparator = (c: string) => (c === '\u2028' ? '\\u2028' : '\\u2029');

/**
 * One JSONL line, newline included: the one `JSON.stringify` per record. For the `json` format
 * use `jsonHeader` / `jsonItem` / `jsonFooter` instead, since it is a single document.
 */
export function formatLine(format: FormatId, record: ExportRecord, options?: ExportOptions): string {
  return jsonLine(EXPORT_FORMATS[format].toLine(record, options));
}

/** One line of a metadata sidecar file: the record's `LineMetadata`, newline included. */
export function metadataLine(record: ExportRecord): string {
  return jsonLine(lineMetadata(record));
}

function jsonLine(value: object): string {
  const text = JSON.stringify(value);
  // indexOf is near free on the usual one-byte (Latin-1) strings; a regex scan cost a quarter of the time.
  const clean = text.indexOf('\u2028') === -1 && text.indexOf('\u2029') === -1;
  return `${clean ? text : text.replace(SEPARATORS_ALL, escapeSeparator)}\n`;
}

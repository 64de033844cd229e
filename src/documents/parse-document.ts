import type { Block } from '../core/documents/blocks';
import { textLength } from '../core/documents/blocks';
import type { DocumentKind } from '../core/documents/detect-type';
import { documentErrors } from '../core/documents/document-errors';
import { htmlToBlocks } from '../core/documents/html-blocks';
import { markdownToBlocks, textToBlocks } from '../core/documents/markdown-blocks';
import { parseDocx } from './parse-docx';
import { parsePdf } from './parse-pdf';

export interface ParsedDocument {
  blocks: Block[];
  pageCount: number | null;
}

/** Progress from 0 to 1 with what is being done; may write it somewhere (awaited). */
export type ProgressReport = (fraction: number, message: string) => void | Promise<void>;

/** Reads any supported file into blocks; refuses one with no text (AppError). */
export async function parseDocument(name: string, kind: DocumentKind, bytes: Uint8Array, onProgress: ProgressReport = () => {}): Promise<ParsedDocument> {
  const text = () => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let parsed: ParsedDocument;
  switch (kind) {
    case 'pdf':
      parsed = await parsePdf(name, bytes, onProgress);
      break;
    case 'docx':
      parsed = await parseDocx(name, bytes);
      break;
    case 'html':
      parsed = { blocks: htmlToBlocks(text()), pageCount: null };
      break;
    case 'markdown':
      parsed = { blocks: markdownToBlocks(text()), pageCount: null };
      break;
    case 'text':
      parsed = { blocks: textToBlocks(text()), pageCount: null };
      break;
  }
  if (textLength(parsed.blocks) === 0) throw documentErrors.empty(name);
  return parsed;
}

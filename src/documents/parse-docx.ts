import mammoth from 'mammoth';
import { documentErrors } from '../core/documents/document-errors';
import { htmlToBlocks } from '../core/documents/html-blocks';
import type { ParsedDocument } from './parse-document';

/** Word → HTML (mammoth keeps headings, lists and tables) → blocks. */
export async function parseDocx(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw documentErrors.corruptDocx(name);
  }
  return { blocks: htmlToBlocks(html), pageCount: null };
}

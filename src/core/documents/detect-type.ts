import { documentErrors } from './document-errors';

export type DocumentKind = 'pdf' | 'docx' | 'markdown' | 'html' | 'text';

export const MIME_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  html: 'text/html',
  text: 'text/plain',
};

const EXTENSIONS: Record<string, DocumentKind> = { pdf: 'pdf', docx: 'docx', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', txt: 'text', text: 'text' };

const startsWith = (bytes: Uint8Array, ascii: string) => ascii.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

/** What the first bytes say the file is, whatever its name. */
function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'text' | 'binary' {
  // Some PDF writers put a few bytes before the header; readers accept it within the first 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return 'zip';
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return 'binary';
  try {
    // A multi-byte character cut at the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : sample.subarray(0, Math.max(0, sample.length - 4)));
    return 'text';
  } catch {
    return 'binary';
  }
}

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The kind of an uploaded file, from its extension and its first bytes together: a file whose
 * content is not what its name says (a zip renamed .pdf) is refused, not parsed as garbage.
 */
export function detectDocumentKind(name: string, bytes: Uint8Array): DocumentKind {
  if (bytes.length === 0) throw documentErrors.empty(name);
  const ext = extensionOf(name);
  const content = sniff(bytes);
  const declared = EXTENSIONS[ext];
  const described = { pdf: 'a PDF', zip: 'a zip archive', text: 'a text file', binary: 'a binary file' }[content];
  if (declared === 'pdf') {
    if (content !== 'pdf') throw documentErrors.unsupported(name, `its name ends in .pdf but it is not a PDF (it is ${described})`);
    return 'pdf';
  }
  if (declared === 'docx') {
    if (content !== 'zip') throw documentErrors.unsupported(name, `its name ends in .docx but it is not a Word document (it is ${described})`);
    return 'docx';
  }
  if (declared) {
    if (content !== 'text') throw documentErrors.unsupported(name, `its name ends in .${ext} but it is ${described}, not text`);
    return declared;
  }
  if (ext) throw documentErrors.unsupported(name, `.${ext} files are not supported`);
  // No extension: go by the content.
  if (content === 'pdf') return 'pdf';
  if (content === 'text') return /^\s*(<!doctype html|<html)/i.test(Buffer.from(bytes.subarray(0, 512)).toString('utf8')) ? 'html' : 'text';
  throw documentErrors.unsupported(name, `it has no file extension and is ${described}`);
}

/** A title from a file name: "q3-pricing_playbook.pdf" → "q3 pricing playbook". */
export function titleFromFilename(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ').trim();
  return base || 'Untitled document';
}

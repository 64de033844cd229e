import { getDocumentProxy } from 'unpdf';
import { documentErrors } from '../core/documents/document-errors';
import { pdfPagesToBlocks, type PdfTextItem } from '../core/documents/pdf-layout';
import type { ParsedDocument, ProgressReport } from './parse-document';

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Opens a PDF, turning pdf.js's exceptions into errors the user can act on. */
export async function openPdf(name: string, bytes: Uint8Array): Promise<PdfProxy> {
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name_ = (error as { name?: string }).name;
    if (name_ === 'PasswordException') throw documentErrors.encryptedPdf(name);
    throw documentErrors.corruptPdf(name);
  }
}

/** Lets other requests run between pages, so a long PDF never holds the server for more than a page. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function parsePdf(name: string, bytes: Uint8Array, onProgress: ProgressReport): Promise<ParsedDocument> {
  const pdf = await openPdf(name, bytes);
  try {
    const pages: PdfTextItem[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      let items: PdfTextItem[];
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        items = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: item.transform[4], y: item.transform[5], height: item.height || Math.abs(item.transform[3]) }] : []));
        page.cleanup();
      } catch {
        throw documentErrors.corruptPdf(name);
      }
      pages.push(items);
      await onProgress(n / pdf.numPages, `Reading page ${n} of ${pdf.numPages}`);
      await yieldToEventLoop();
    }
    const letters = pages.reduce((sum, items) => sum + items.reduce((s, i) => s + i.str.replace(/\s+/g, '').length, 0), 0);
    // A few stray characters (a page number, a stamp) on image pages still means scanned.
    if (letters < Math.max(20, pdf.numPages * 5)) throw documentErrors.noTextLayer(name, pdf.numPages);
    return { blocks: pdfPagesToBlocks(pages), pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

import { AppError } from '../errors';

export const SUPPORTED_FORMATS = 'PDF (.pdf), Word (.docx), Markdown (.md), HTML (.html) and plain text (.txt)';

const refuse = (code: string, message: string, hint: string, status = 400, details?: Record<string, unknown>) => new AppError({ code, message, hint, status, details });

export const documentErrors = {
  empty: (name: string) => refuse('empty_document', `"${name}" has no text in it.`, 'Check that you picked the right file and that it is not empty, then upload it again.'),
  unsupported: (name: string, why: string) => refuse('unsupported_type', `"${name}" cannot be read: ${why}.`, `Upload one of: ${SUPPORTED_FORMATS}. Save other formats (such as .doc or .pptx) as PDF or .docx first.`, 415),
  corruptPdf: (name: string) => refuse('corrupt_pdf', `"${name}" is damaged: it could not be read as a PDF.`, 'Open it in a PDF viewer to check it, save or print it as a new PDF, and upload that.'),
  encryptedPdf: (name: string) => refuse('encrypted_pdf', `"${name}" is protected by a password.`, 'Open it with its password, save a copy without protection (or print it to PDF), and upload that copy.'),
  noTextLayer: (name: string, pages: number) =>
    refuse('no_text_layer', `This PDF has no selectable text: "${name}" (${pages} page${pages === 1 ? '' : 's'}) looks like scanned images.`, 'Run it through OCR (text recognition, e.g. "Recognize text" in Acrobat or ocrmypdf) and upload the result, or upload the original Word or text file.'),
  corruptDocx: (name: string) => refuse('corrupt_docx', `"${name}" could not be read as a Word document.`, 'Open it in Word or LibreOffice, save it again as .docx, and upload that.'),
  tooLarge: (maxMb: number) => refuse('file_too_large', `The file is larger than the ${maxMb} MB limit.`, `Split it into smaller files, or ask an admin to raise "Largest upload" (documents.maxUploadMb) in Settings.`, 413, { maxUploadMb: maxMb }),
};

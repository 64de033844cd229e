import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeImageOnlyPdf, makePdf, prose } from '../../test/support/make-documents';
import { parseDocument } from './parse-document';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/documents', name)));

describe('parseDocument: PDF', () => {
  it('reads headings by font size and paragraphs, reporting progress per page', async () => {
    const pdf = await makePdf(
      [
        { heading: 'Discovery calls', paragraphs: [prose(1), prose(2)] },
        { heading: 'Pricing', paragraphs: [prose(3)] },
      ],
      { sectionsPerPage: 1 },
    );
    const progress: string[] = [];
    const parsed = await parseDocument('guide.pdf', 'pdf', pdf, (_f, message) => {
      progress.push(message);
    });
    expect(parsed.pageCount).toBe(2);
    expect(progress).toEqual(['Reading page 1 of 2', 'Reading page 2 of 2']);
    expect(parsed.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Discovery calls' },
      { kind: 'paragraph', text: prose(1) },
      { kind: 'paragraph', text: prose(2) },
      { kind: 'heading', level: 1, text: 'Pricing' },
      { kind: 'paragraph', text: prose(3) },
    ]);
  });

  it('refuses a password-protected PDF', async () => {
    await expect(parseDocument('secret.pdf', 'pdf', fixture('encrypted.pdf'))).rejects.toMatchObject({ code: 'encrypted_pdf', status: 400 });
  });

  it('refuses a damaged PDF', async () => {
    await expect(parseDocument('bad.pdf', 'pdf', new TextEncoder().encode('%PDF-1.4\nnot really a pdf'))).rejects.toMatchObject({ code: 'corrupt_pdf' });
  });

  it('refuses a PDF with no text layer, suggesting OCR', async () => {
    const error = await parseDocument('scan.pdf', 'pdf', await makeImageOnlyPdf(3)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no_text_layer', message: expect.stringContaining('This PDF has no selectable text'), hint: expect.stringContaining('OCR') });
  });
});

describe('parseDocument: Word', () => {
  it('reads headings, paragraphs, bullets and tables', async () => {
    const docx = await makeDocx([{ heading: 'Onboarding', paragraphs: ['Welcome the client.'], bullets: ['Send the contract', 'Book the kickoff'], table: [['Week', 'Goal'], ['1', 'Kickoff']] }]);
    const parsed = await parseDocument('onboarding.docx', 'docx', docx);
    expect(parsed.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Onboarding' },
      { kind: 'paragraph', text: 'Welcome the client.' },
      { kind: 'list', ordered: false, items: ['Send the contract', 'Book the kickoff'] },
      { kind: 'table', header: ['Week', 'Goal'], rows: [['1', 'Kickoff']] },
    ]);
  });

  it('refuses an empty Word document and a zip that is not one', async () => {
    await expect(parseDocument('empty.docx', 'docx', await makeDocx([]))).rejects.toMatchObject({ code: 'empty_document' });
    await expect(parseDocument('fake.docx', 'docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toMatchObject({ code: 'corrupt_docx' });
  });
});

describe('parseDocument: text formats', () => {
  it('reads Markdown, HTML and text, and refuses whitespace only', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect((await parseDocument('a.md', 'markdown', enc('\uFEFF# Hi\n\nText.'))).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Hi' },
      { kind: 'paragraph', text: 'Text.' },
    ]);
    expect((await parseDocument('a.html', 'html', enc('<h3>Hi</h3><p>x</p>'))).blocks[0]).toEqual({ kind: 'heading', level: 3, text: 'Hi' });
    await expect(parseDocument('a.txt', 'text', enc('  \n\n  '))).rejects.toMatchObject({ code: 'empty_document' });
  });
});

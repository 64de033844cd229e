import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface PdfSection {
  heading: string;
  paragraphs: string[];
}

/** A PDF with real text: a 20-pt heading and 11-pt paragraphs per section, wrapped to the page. */
export async function makePdf(sections: PdfSection[], opts: { sectionsPerPage?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([600, 800]);
  let y = 750;
  const perPage = opts.sectionsPerPage ?? Infinity;
  sections.forEach((section, i) => {
    if (i > 0 && (i % perPage === 0 || y < 200)) {
      page = doc.addPage([600, 800]);
      y = 750;
    }
    page.drawText(section.heading, { x: 50, y, size: 20, font: bold });
    y -= 34;
    for (const para of section.paragraphs) {
      const words = para.split(' ');
      let line = '';
      for (const word of words) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, 11) > 500) {
          if (y < 60) {
            page = doc.addPage([600, 800]);
            y = 750;
          }
          page.drawText(line, { x: 50, y, size: 11, font });
          y -= 14;
          line = word;
        } else line = next;
      }
      if (line) {
        page.drawText(line, { x: 50, y, size: 11, font });
        y -= 14;
      }
      y -= 12;
    }
  });
  return doc.save();
}

/** A PDF whose pages carry no text at all, as a scanner makes them (here: just drawn shapes). */
export async function makeImageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([600, 800]).drawRectangle({ x: 50, y: 50, width: 500, height: 700, borderWidth: 2 });
  return doc.save();
}

export interface DocxSection {
  heading: string;
  paragraphs: string[];
  bullets?: string[];
  table?: string[][];
}

/** A Word document; with `pageBreaks`, each section starts a new page. */
export async function makeDocx(sections: DocxSection[], opts: { pageBreaks?: boolean } = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const [i, s] of sections.entries()) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore: Boolean(opts.pageBreaks && i > 0) }));
    for (const p of s.paragraphs) children.push(new Paragraph({ text: p }));
    for (const b of s.bullets ?? []) children.push(new Paragraph({ text: b, bullet: { level: 0 } }));
    if (s.table) children.push(new Table({ rows: s.table.map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Sentences that read like a playbook, numbered so each paragraph is distinct. */
export function prose(seed: number, sentences = 5): string {
  const bits = ['Pricing follows the value the client sees', 'A discovery call opens with the client’s own words', 'Every proposal names one outcome and one risk', 'Follow-up happens within two working days', 'Objections are questions about fit, not price'];
  return Array.from({ length: sentences }, (_, i) => `${bits[(seed + i) % bits.length]} in case ${seed}-${i}.`).join(' ');
}

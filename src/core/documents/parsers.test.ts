import { describe, expect, it } from 'vitest';
import { blocksToMarkdown, type Block } from './blocks';
import { detectDocumentKind, titleFromFilename } from './detect-type';
import { htmlToBlocks } from './html-blocks';
import { markdownToBlocks, textToBlocks } from './markdown-blocks';
import { pdfPagesToBlocks, type PdfTextItem } from './pdf-layout';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('markdown', () => {
  it('reads headings, paragraphs, lists, tables and code', () => {
    const blocks = markdownToBlocks('# Title\n\nFirst para\ncontinues.\n\n## Sub\n\n- a\n- b\n\n1. one\n2. two\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n```\ncode here\n```\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'First para\ncontinues.' },
      { kind: 'heading', level: 2, text: 'Sub' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['one', 'two'] },
      { kind: 'table', header: ['A', 'B'], rows: [['1', '2']] },
      { kind: 'code', text: 'code here' },
    ]);
  });

  it('round-trips blocks through the stored Markdown (what re-chunking reads)', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Plans' },
      { kind: 'paragraph', text: '# not a heading, just text' },
      { kind: 'list', ordered: false, items: ['x', 'y'] },
      { kind: 'table', header: ['Plan', 'Note'], rows: [['Pro', 'a | b']] },
    ];
    expect(markdownToBlocks(blocksToMarkdown(blocks))).toEqual(blocks);
  });
});

describe('plain text', () => {
  it('splits paragraphs on blank lines and reads dash lines as a list', () => {
    expect(textToBlocks('Line one\nline two\n\n- x\n- y\n\n\nLast')).toEqual([
      { kind: 'paragraph', text: 'Line one line two' },
      { kind: 'list', ordered: false, items: ['x', 'y'] },
      { kind: 'paragraph', text: 'Last' },
    ]);
  });
});

describe('html', () => {
  it('reads the structure and skips scripts, styles and navigation', () => {
    const html = `<html><head><title>t</title><style>p{}</style></head><body><nav>Menu</nav><h1>Guide</h1><p>Hello <b>bold</b> world.</p>
      <div>Loose text<p>Inner para</p></div><ul><li>One</li><li>Two <i>2</i></li></ul><ol><li>First</li></ol>
      <table><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr></table><pre>x = 1\ny = 2</pre><script>alert(1)</script></body></html>`;
    expect(htmlToBlocks(html)).toEqual([
      { kind: 'heading', level: 1, text: 'Guide' },
      { kind: 'paragraph', text: 'Hello bold world.' },
      { kind: 'paragraph', text: 'Loose text' },
      { kind: 'paragraph', text: 'Inner para' },
      { kind: 'list', ordered: false, items: ['One', 'Two 2'] },
      { kind: 'list', ordered: true, items: ['First'] },
      { kind: 'table', header: ['K', 'V'], rows: [['a', '1']] },
      { kind: 'code', text: 'x = 1\ny = 2' },
    ]);
  });

  it('reads non-Latin text', () => {
    expect(htmlToBlocks('<h2>価格</h2><p>これは文です。</p>')).toEqual([
      { kind: 'heading', level: 2, text: '価格' },
      { kind: 'paragraph', text: 'これは文です。' },
    ]);
  });
});

describe('pdf layout', () => {
  const item = (str: string, y: number, height = 11, x = 50): PdfTextItem => ({ str, x, y, height });

  it('finds headings by font size, paragraphs by vertical gaps, and lists by bullets', () => {
    const page1 = [
      item('Big Title', 760, 24),
      item('Section', 720, 16),
      item('First paragraph starts here and', 690),
      item('continues on this line.', 676),
      item('Second paragraph after a gap.', 640),
      item('• point one', 610),
      item('• point two', 596),
      item('1', 30),
    ];
    expect(pdfPagesToBlocks([page1])).toEqual([
      { kind: 'heading', level: 1, text: 'Big Title' },
      { kind: 'heading', level: 2, text: 'Section' },
      { kind: 'paragraph', text: 'First paragraph starts here and continues on this line.' },
      { kind: 'paragraph', text: 'Second paragraph after a gap.' },
      { kind: 'list', ordered: false, items: ['point one', 'point two'] },
    ]);
  });

  it('joins items on one baseline, rejoins hyphenated words, and continues a sentence across pages', () => {
    const page1 = [item('The start', 700), item('right', 686, 11, 100), item('Left', 686.5, 11, 50), item('goes on.', 672)];
    const page2 = [item('on here.', 760)];
    const blocks = pdfPagesToBlocks([[item('The propo-', 700), item('sal is sent', 686)], page2]);
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'The proposal is sent on here.' }]);
    expect(pdfPagesToBlocks([page1])[0]).toEqual({ kind: 'paragraph', text: 'The start Left right goes on.' });
  });
});

describe('file type detection', () => {
  it('goes by extension and content together', () => {
    expect(detectDocumentKind('a.pdf', bytes('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectDocumentKind('a.docx', bytes('PK\x03\x04rest'))).toBe('docx');
    expect(detectDocumentKind('notes.md', bytes('# hi'))).toBe('markdown');
    expect(detectDocumentKind('page.HTM', bytes('<p>x</p>'))).toBe('html');
    expect(detectDocumentKind('readme', bytes('<!DOCTYPE html><html>'))).toBe('html');
    expect(detectDocumentKind('readme', bytes('just text'))).toBe('text');
  });

  it.each([
    ['archive.pdf', 'PK\x03\x04zip', 'not a PDF'],
    ['doc.docx', '%PDF-1.4', 'not a Word document'],
    ['notes.txt', 'a\u0000b', 'not text'],
    ['slides.pptx', 'PK\x03\x04', '.pptx files are not supported'],
  ])('refuses %s (%s)', (name, content, words) => {
    expect(() => detectDocumentKind(name, bytes(content))).toThrow(words);
  });

  it('refuses an empty file', () => {
    expect(() => detectDocumentKind('a.txt', new Uint8Array())).toThrow('has no text');
  });

  it('makes a title from a file name', () => {
    expect(titleFromFilename('/tmp/q3-pricing_playbook.pdf')).toBe('q3 pricing playbook');
  });
});

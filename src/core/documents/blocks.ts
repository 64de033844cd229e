/**
 * The one shape every parser produces (PDF, Word, HTML, Markdown, plain text): what the chunker
 * reads and what is stored, rendered as Markdown, in `documents.content`.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'code'; text: string };

/** Collapses runs of whitespace (line breaks inside a paragraph included) to one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Characters that would make a paragraph's first word read as Markdown structure. */
const escapeStart = (text: string) => text.replace(/^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|\|)/, '\\$1');

const cell = (text: string) => squash(text).replace(/\|/g, '\\|');

export function tableMarkdown(header: string[], rows: string[][]): string {
  const width = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => cell(r[i] ?? ''));
  const line = (r: string[]) => `| ${pad(r).join(' | ')} |`;
  return [line(header), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function listItemMarkdown(ordered: boolean, index: number, item: string): string {
  return `${ordered ? `${index + 1}.` : '-'} ${squash(item)}`;
}

export function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, block.level)))} ${squash(block.text)}`;
    case 'paragraph':
      return escapeStart(block.text.trim());
    case 'list':
      return block.items.map((item, i) => listItemMarkdown(block.ordered, i, item)).join('\n');
    case 'table':
      return tableMarkdown(block.header, block.rows);
    case 'code':
      return `\`\`\`\n${block.text.replace(/\n+$/, '')}\n\`\`\``;
  }
}

export function blocksToMarkdown(blocks: Block[]): string {
  return blocks.map(blockMarkdown).join('\n\n');
}

/** Non-whitespace characters of text in the blocks: too few means there is nothing to read. */
export function textLength(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) {
    const text = b.kind === 'list' ? b.items.join('') : b.kind === 'table' ? [...b.header, ...b.rows.flat()].join('') : b.text;
    n += text.replace(/\s+/g, '').length;
  }
  return n;
}

import { Lexer, type Token, type Tokens } from 'marked';
import { squash, type Block } from './blocks';

function fromTokens(tokens: Token[], out: Block[]) {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ kind: 'heading', level: (token as Tokens.Heading).depth, text: squash((token as Tokens.Heading).text) });
        break;
      case 'paragraph':
      case 'text':
        if (token.text.trim()) out.push({ kind: 'paragraph', text: token.text.trim().replace(/^\\(?=[#>|*+-]|\d|```)/, '') });
        break;
      case 'list': {
        const list = token as Tokens.List;
        out.push({ kind: 'list', ordered: list.ordered, items: list.items.map((i) => squash(i.text)) });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        out.push({ kind: 'table', header: table.header.map((c) => c.text), rows: table.rows.map((r) => r.map((c) => c.text.replace(/\\\|/g, '|'))) });
        break;
      }
      case 'code':
        out.push({ kind: 'code', text: (token as Tokens.Code).text });
        break;
      case 'blockquote':
        fromTokens((token as Tokens.Blockquote).tokens, out);
        break;
      case 'html': {
        const text = squash(token.text.replace(/<[^>]*>/g, ' '));
        if (text) out.push({ kind: 'paragraph', text });
        break;
      }
      default:
        // space, hr, def: nothing to read.
        break;
    }
  }
}

/** Markdown (an upload, or a stored document being re-chunked) as blocks. */
export function markdownToBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  fromTokens(new Lexer().lex(markdown), out);
  return out;
}

/** Plain text: paragraphs are separated by blank lines; lines starting with "-", "*" or "•" form lists. */
export function textToBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = para.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) out.push({ kind: 'list', ordered: false, items: lines.map((l) => l.replace(/^\s*[-*•]\s+/, '').trim()) });
    else out.push({ kind: 'paragraph', text: squash(lines.join(' ')) });
  }
  return out;
}

import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { squash, type Block } from './blocks';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'nav', 'button', 'form']);
const INLINE = new Set(['a', 'abbr', 'b', 'strong', 'i', 'em', 'u', 'span', 'code', 'sub', 'sup', 'small', 'mark', 'br', 'img', 'time', 'q', 'cite', 's', 'del', 'ins', 'kbd', 'var', 'label']);

const textOf = (el: Node) => squash(el.textContent ?? '');

function tableBlock(el: HTMLElement): Block | null {
  const rows = el.querySelectorAll('tr').map((tr) => tr.childNodes.filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && /^(td|th)$/i.test((c as HTMLElement).tagName)).map(textOf));
  const nonEmpty = rows.filter((r) => r.some(Boolean));
  if (!nonEmpty.length) return null;
  const [header, ...body] = nonEmpty;
  return { kind: 'table', header, rows: body };
}

function walk(node: Node, out: Block[], inline: string[]) {
  const flush = () => {
    const text = squash(inline.join(' '));
    inline.length = 0;
    if (text) out.push({ kind: 'paragraph', text });
  };
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      if (child.textContent.trim()) inline.push(child.textContent);
      continue;
    }
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = child as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) continue;
    if (INLINE.has(tag)) {
      inline.push(el.textContent);
      continue;
    }
    flush();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const text = textOf(el);
      if (text) out.push({ kind: 'heading', level: Number(heading[1]), text });
    } else if (tag === 'p') {
      const text = textOf(el);
      if (text) out.push({ kind: 'paragraph', text });
    } else if (tag === 'ul' || tag === 'ol') {
      const items = el.childNodes.filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && (c as HTMLElement).tagName.toLowerCase() === 'li').map(textOf).filter(Boolean);
      if (items.length) out.push({ kind: 'list', ordered: tag === 'ol', items });
    } else if (tag === 'table') {
      const table = tableBlock(el);
      if (table) out.push(table);
    } else if (tag === 'pre') {
      if (el.textContent.trim()) out.push({ kind: 'code', text: el.textContent });
    } else {
      walk(el, out, inline);
      flush();
    }
  }
}

/** HTML (an upload, or what a Word document converts to) as blocks: headings, paragraphs, lists, tables, code. */
export function htmlToBlocks(html: string): Block[] {
  const root = parse(html, { blockTextElements: { script: false, style: false, pre: true, noscript: false } });
  const body = root.querySelector('body') ?? root;
  const out: Block[] = [];
  const inline: string[] = [];
  walk(body, out, inline);
  const rest = squash(inline.join(' '));
  if (rest) out.push({ kind: 'paragraph', text: rest });
  return out;
}

import { squash, type Block } from './blocks';

/** A piece of text on a PDF page, as the text layer gives it: position from the bottom left, font height. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

const round = (n: number) => Math.round(n * 2) / 2;

/** Items that share a baseline (within a third of their height) form one line, read left to right. */
export function pageLines(items: PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfTextItem[]; y: number; height: number }[] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - item.y) <= Math.max(1, Math.min(last.height, item.height) / 3)) {
      last.items.push(item);
      last.height = Math.max(last.height, item.height);
    } else lines.push({ items: [item], y: item.y, height: item.height });
  }
  return lines.map((l) => ({
    text: squash(
      l.items
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join(' '),
    ),
    y: l.y,
    height: l.height,
  }));
}

/** The most common font height, weighted by characters: the body text's size. */
function bodyHeight(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(round(l.height), (weight.get(round(l.height)) ?? 0) + l.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [h, w] of weight) if (w > bestWeight) [best, bestWeight] = [h, w];
  return best;
}

const BULLET = /^([•◦▪‣●○■–-]|\d{1,3}[.)])\s+/;
const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?$/i;

/**
 * Turns the text layer of a PDF into blocks. A line in a font clearly larger than the body text
 * is a heading (the largest sizes are level 1, then 2, 3); a vertical gap larger than the usual
 * line spacing starts a new paragraph; lines starting with a bullet or "1." are list items.
 * Bare page numbers are dropped. A paragraph that does not end a sentence continues on the next page.
 */
export function pdfPagesToBlocks(pages: PdfTextItem[][]): Block[] {
  const linesByPage = pages.map(pageLines);
  const all = linesByPage.flat();
  if (!all.length) return [];
  const body = bodyHeight(all);
  const headingSizes = [...new Set(all.filter((l) => round(l.height) >= body * 1.15 && l.text.length <= 200).map((l) => round(l.height)))].sort((a, b) => b - a);
  const levelOf = (h: number) => Math.min(6, headingSizes.indexOf(round(h)) + 1);
  // The usual distance between two consecutive body lines: a gap clearly above it is a paragraph break.
  const gaps: number[] = [];
  for (const lines of linesByPage) for (let i = 1; i < lines.length; i++) if (round(lines[i].height) === body && round(lines[i - 1].height) === body) gaps.push(lines[i - 1].y - lines[i].y);
  // Most gaps between body lines are plain line breaks; the lower quartile ignores the paragraph breaks.
  const lineGaps = gaps.filter((g) => g > 0 && g < body * 4).sort((a, b) => a - b);
  const lineGap = lineGaps.length ? lineGaps[Math.floor(lineGaps.length / 4)] : body * 1.2;

  const out: Block[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  let ordered = false;
  const flushPara = () => {
    if (para.length) out.push({ kind: 'paragraph', text: joinLines(para) });
    para = [];
  };
  const flushList = () => {
    if (list?.length) out.push({ kind: 'list', ordered, items: list.map(squash) });
    list = null;
  };
  for (const lines of linesByPage) {
    let prevY: number | null = null;
    for (const line of lines) {
      if (PAGE_NUMBER.test(line.text)) continue;
      const gap = prevY === null ? 0 : prevY - line.y;
      prevY = line.y;
      if (headingSizes.includes(round(line.height))) {
        flushPara();
        flushList();
        const last = out.at(-1);
        // A heading wrapped over two lines is one heading.
        if (last?.kind === 'heading' && last.level === levelOf(line.height) && gap > 0 && gap <= line.height * 1.6) last.text = squash(`${last.text} ${line.text}`);
        else out.push({ kind: 'heading', level: levelOf(line.height), text: line.text });
        continue;
      }
      const bullet = BULLET.exec(line.text);
      if (bullet) {
        flushPara();
        const isOrdered = /\d/.test(bullet[1]);
        if (list && isOrdered !== ordered) flushList();
        ordered = isOrdered;
        list ??= [];
        list.push(line.text.slice(bullet[0].length));
        continue;
      }
      if (list) {
        // An indented continuation of the last item, unless a gap ends the list.
        if (gap > 0 && gap <= lineGap * 1.3) {
          list[list.length - 1] += ` ${line.text}`;
          continue;
        }
        flushList();
      }
      if (para.length && gap > lineGap * 1.4) flushPara();
      para.push(line.text);
    }
    // A page break ends a paragraph only where a sentence ends.
    const lastLine = para.at(-1);
    if (lastLine && /[.!?:。！？"”)]$/.test(lastLine)) flushPara();
  }
  flushPara();
  flushList();
  return out;
}

/** Lines of one paragraph joined; a word hyphenated at a line end is joined back. */
function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (!text) text = line;
    else if (/[a-z]-$/.test(text) && /^[a-z]/.test(line)) text = text.slice(0, -1) + line;
    else if (/[\u3000-\u9fff\uff00-\uffef]$/.test(text)) text += line;
    else text += ` ${line}`;
  }
  return squash(text);
}

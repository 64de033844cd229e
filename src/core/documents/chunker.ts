import { blockMarkdown, listItemMarkdown, tableMarkdown, type Block } from './blocks';

export interface ChunkOptions {
  /** Target length in characters; no chunk is longer, overlap included. */
  chunkSize: number;
  /** Characters from the end of the previous chunk of the same section repeated at the start of the next. */
  chunkOverlap: number;
}

export interface DraftChunk {
  ordinal: number;
  /** The path of headings above the text, "Part 1 › Pricing", or null before the first heading. */
  heading: string | null;
  content: string;
}

/** Sentence ends: . ! ? followed by a space, or the CJK full stops, which are not followed by one. */
const SENTENCE_END = /(?<=[.!?…][)"'”’]?)\s+|(?<=[。！？])/u;

export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Cuts text longer than max: at the last space in the window when there is one (not in CJK text), else at max. */
function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const space = window.lastIndexOf(' ');
    const cut = space > max * 0.6 ? space : max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** CJK text carries no spaces between sentences. */
const joinSentences = (a: string, b: string) => (/[。！？]$/.test(a) || /^[\u3000-\u9fff\uff00-\uffef]/.test(b) ? a + b : `${a} ${b}`);

/** A paragraph too long for one chunk, as pieces that end at sentence boundaries. */
export function splitLongText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text).flatMap((s) => (s.length > max ? hardSplit(s, max) : [s]))) {
    const joined = current ? joinSentences(current, sentence) : sentence;
    if (joined.length <= max) current = joined;
    else {
      if (current) pieces.push(current);
      current = sentence;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** A block as the pieces that may each go into a chunk; `glue` joins pieces of the same block. */
function units(block: Block, max: number): { pieces: string[]; glue: string } {
  const whole = blockMarkdown(block);
  if (whole.length <= max) return { pieces: [whole], glue: '\n\n' };
  switch (block.kind) {
    case 'list':
      // Whole items; only an item longer than a chunk is itself split (its pieces keep the marker).
      return { pieces: block.items.flatMap((item, i) => splitLongText(listItemMarkdown(block.ordered, i, item), max)), glue: '\n' };
    case 'table': {
      // Rows grouped under the table's header, so each piece is still a readable table.
      const pieces: string[] = [];
      let rows: string[][] = [];
      for (const row of block.rows) {
        if (rows.length && tableMarkdown(block.header, [...rows, row]).length > max) {
          pieces.push(tableMarkdown(block.header, rows));
          rows = [];
        }
        rows.push(row);
      }
      if (rows.length) pieces.push(tableMarkdown(block.header, rows));
      return { pieces: pieces.flatMap((p) => (p.length > max ? hardSplit(p, max) : [p])), glue: '\n\n' };
    }
    case 'code':
      return { pieces: hardSplitLines(block.text, max - 8).map((t) => `\`\`\`\n${t}\n\`\`\``), glue: '\n\n' };
    default:
      return { pieces: splitLongText(whole, max), glue: ' ' };
  }
}

function hardSplitLines(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n').flatMap((l) => (l.length > max ? hardSplit(l, max) : [l]))) {
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

/** The end of a chunk to repeat at the start of the next: whole sentences if they fit, else whole words. */
export function overlapTail(text: string, max: number): string {
  if (max <= 0) return '';
  const sentences = splitSentences(text.replace(/\s+/g, ' '));
  let tail = '';
  for (let i = sentences.length - 1; i >= 0; i--) {
    const next = tail ? joinSentences(sentences[i], tail) : sentences[i];
    if (next.length > max) break;
    tail = next;
  }
  if (tail) return tail;
  const end = text.slice(-max);
  const space = end.indexOf(' ');
  return (space >= 0 && space < end.length - 1 ? end.slice(space + 1) : end).trim();
}

/**
 * Splits blocks into chunks. A heading always starts a chunk and names it (with the headings
 * above it); paragraphs, lists and tables are kept whole when they fit, and otherwise split at
 * sentences, list items and table rows; text without spaces (Chinese, Japanese) is split after
 * its sentence marks, or by characters as a last resort.
 */
export function chunkBlocks(blocks: Block[], opts: ChunkOptions): DraftChunk[] {
  const max = Math.max(50, opts.chunkSize);
  const overlap = Math.min(opts.chunkOverlap, Math.floor(max / 2));
  const out: DraftChunk[] = [];
  const path: { level: number; text: string }[] = [];
  let current = '';
  /** The overlap that opened `current`: a chunk that holds only it is not emitted. */
  let carried = '';

  const headingPath = () => (path.length ? path.map((h) => h.text).join(' › ') : null);
  const emit = (keepOverlap: boolean) => {
    if (current && current !== carried) out.push({ ordinal: out.length + 1, heading: headingPath(), content: current });
    carried = keepOverlap && current ? overlapTail(current, overlap) : '';
    current = carried;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      emit(false);
      while (path.length && path[path.length - 1].level >= block.level) path.pop();
      path.push({ level: block.level, text: block.text });
      continue;
    }
    const { pieces, glue } = units(block, max);
    pieces.forEach((piece, i) => {
      const sep = !current ? '' : i === 0 || current === carried ? '\n\n' : glue;
      if (current && (current + sep + piece).length > max) {
        emit(true);
        // Without room for the overlap, the piece starts its chunk alone.
        if ((current + '\n\n' + piece).length > max) current = carried = '';
      }
      current = current ? current + (current === carried ? '\n\n' : sep) + piece : piece;
    });
  }
  emit(false);
  return out;
}

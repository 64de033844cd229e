import { describe, expect, it } from 'vitest';
import type { Block } from './blocks';
import { chunkBlocks, overlapTail, splitLongText, splitSentences } from './chunker';

const para = (text: string): Block => ({ kind: 'paragraph', text });
const sentence = (i: number) => `This is sentence number ${i} about pricing strategy.`;

describe('chunkBlocks', () => {
  it('starts a chunk at every heading and names it with the heading path', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'Sales' },
      para('Intro to sales.'),
      { kind: 'heading', level: 2, text: 'Discovery' },
      para('Ask open questions.'),
      { kind: 'heading', level: 2, text: 'Pricing' },
      para('Anchor high.'),
      { kind: 'heading', level: 1, text: 'Delivery' },
      para('Ship weekly.'),
    ];
    const chunks = chunkBlocks(blocks, { chunkSize: 1000, chunkOverlap: 100 });
    expect(chunks.map((c) => [c.heading, c.content])).toEqual([
      ['Sales', 'Intro to sales.'],
      ['Sales › Discovery', 'Ask open questions.'],
      ['Sales › Pricing', 'Anchor high.'],
      ['Delivery', 'Ship weekly.'],
    ]);
    expect(chunks.map((c) => c.ordinal)).toEqual([1, 2, 3, 4]);
  });

  it('keeps paragraphs whole and packs them up to the chunk size, with overlap from the previous chunk', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => para(`${sentence(i)} ${sentence(i + 100)}`));
    const chunks = chunkBlocks(blocks, { chunkSize: 300, chunkOverlap: 60 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.content.length).toBeLessThanOrEqual(300);
    // Every paragraph appears whole in some chunk.
    for (const b of blocks) expect(chunks.some((c) => c.content.includes((b as { text: string }).text))).toBe(true);
    // The second chunk starts with the last sentence of the first.
    const lastSentence = splitSentences(chunks[0].content).at(-1)!;
    expect(chunks[1].content.startsWith(lastSentence)).toBe(true);
  });

  it('splits a very long paragraph at sentence boundaries', () => {
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkBlocks([para(long)], { chunkSize: 400, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) {
      expect(c.content.length).toBeLessThanOrEqual(400);
      expect(c.content).toMatch(/^This is sentence number \d+/);
      expect(c.content).toMatch(/strategy\.$/);
    }
    expect(chunks.map((c) => c.content).join(' ')).toBe(long);
  });

  it('keeps a list whole when it fits, and otherwise splits it between items, never inside one', () => {
    const items = Array.from({ length: 12 }, (_, i) => `Step ${i}: confirm the budget, the timeline and who signs.`);
    const fits = chunkBlocks([{ kind: 'list', ordered: true, items: items.slice(0, 3) }], { chunkSize: 1000, chunkOverlap: 0 });
    expect(fits).toHaveLength(1);
    expect(fits[0].content.split('\n')).toEqual(items.slice(0, 3).map((t, i) => `${i + 1}. ${t}`));
    const split = chunkBlocks([{ kind: 'list', ordered: false, items }], { chunkSize: 200, chunkOverlap: 0 });
    expect(split.length).toBeGreaterThan(1);
    for (const c of split) for (const line of c.content.split('\n')) expect(items.map((t) => `- ${t}`)).toContain(line);
  });

  it('splits a list item only when the item alone is longer than a chunk', () => {
    const longItem = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkBlocks([{ kind: 'list', ordered: false, items: ['short one', longItem] }], { chunkSize: 200, chunkOverlap: 0 });
    expect(chunks[0].content).toContain('- short one');
    expect(chunks.map((c) => c.content).join(' ')).toContain('sentence number 11');
    for (const c of chunks) expect(c.content.length).toBeLessThanOrEqual(200);
  });

  it('keeps a table whole when it fits, and otherwise splits it by rows, each part with the header', () => {
    const header = ['Plan', 'Price', 'Seats'];
    const rows = Array.from({ length: 30 }, (_, i) => [`Plan ${i}`, `$${i * 10}`, String(i)]);
    const whole = chunkBlocks([{ kind: 'table', header, rows: rows.slice(0, 3) }], { chunkSize: 1000, chunkOverlap: 0 });
    expect(whole).toHaveLength(1);
    expect(whole[0].content.split('\n')).toHaveLength(5);
    const parts = chunkBlocks([{ kind: 'table', header, rows }], { chunkSize: 300, chunkOverlap: 0 });
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.content.startsWith('| Plan | Price | Seats |\n| --- | --- | --- |')).toBe(true);
      expect(p.content.length).toBeLessThanOrEqual(300);
    }
    const allRows = parts.flatMap((p) => p.content.split('\n').slice(2));
    expect(allRows).toHaveLength(30);
  });

  it('splits Chinese text (no spaces) after its sentence marks', () => {
    const zh = Array.from({ length: 30 }, (_, i) => `这是第${i}个关于定价策略的句子。`).join('');
    const chunks = chunkBlocks([{ kind: 'heading', level: 1, text: '定价' }, para(zh)], { chunkSize: 100, chunkOverlap: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.heading).toBe('定价');
      expect(c.content.length).toBeLessThanOrEqual(100);
      expect(c.content.endsWith('。')).toBe(true);
      expect(c.content).not.toContain(' ');
    }
  });

  it('cuts text with no sentence marks and no spaces by characters, as a last resort', () => {
    const pieces = splitLongText('字'.repeat(250), 100);
    expect(pieces.map((p) => p.length)).toEqual([100, 100, 50]);
  });

  it('keeps code blocks fenced when split', () => {
    const code = Array.from({ length: 40 }, (_, i) => `const value${i} = compute(${i});`).join('\n');
    const chunks = chunkBlocks([{ kind: 'code', text: code }], { chunkSize: 300, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.content).toMatch(/^```\n[\s\S]*\n```$/);
  });

  it('makes no chunk from a heading without text, nor an overlap-only chunk', () => {
    const chunks = chunkBlocks([{ kind: 'heading', level: 1, text: 'Empty' }, { kind: 'heading', level: 1, text: 'Full' }, para('Body.')], { chunkSize: 500, chunkOverlap: 100 });
    expect(chunks).toEqual([{ ordinal: 1, heading: 'Full', content: 'Body.' }]);
  });
});

describe('overlapTail', () => {
  it('takes whole sentences from the end when they fit, else whole words', () => {
    expect(overlapTail('One. Two three. Four five six.', 20)).toBe('Four five six.');
    expect(overlapTail('alpha beta gamma delta', 12)).toBe('gamma delta');
    expect(overlapTail('anything', 0)).toBe('');
  });
});

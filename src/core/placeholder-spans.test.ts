import { describe, expect, it } from 'vitest';
import { placeholderNames, placeholderSpans, unclosedBraces } from './placeholder-spans';
import { renderTemplate } from './prompt';

describe('placeholderSpans', () => {
  it('splits text and placeholders, covering every character in order', () => {
    const body = 'Hello {persona}, you feel {emotion}.';
    const spans = placeholderSpans(body);
    expect(spans.map((s) => s.text).join('')).toBe(body);
    expect(spans.map((s) => s.kind)).toEqual(['text', 'placeholder', 'text', 'placeholder', 'text']);
    expect(spans[1]).toMatchObject({ name: 'persona', optional: false, known: true, start: 6 });
  });

  it('marks optional blocks and the placeholders inside them', () => {
    const [block] = placeholderSpans('{chunk_content?Excerpt: {chunk_content} about {topic_x}}');
    expect(block).toMatchObject({ kind: 'placeholder', name: 'chunk_content', optional: true, known: true });
    expect(block.kind === 'placeholder' && block.inner).toEqual([
      { name: 'chunk_content', known: true },
      { name: 'topic_x', known: false },
    ]);
  });

  it('flags unknown names, including a wrongly cased known one', () => {
    const names = placeholderNames(placeholderSpans('{Persona} {persona} {mood} {persona}'));
    expect(names).toEqual([
      { name: 'Persona', known: false },
      { name: 'persona', known: true },
      { name: 'mood', known: false },
    ]);
  });

  it('treats what the renderer leaves alone as text', () => {
    const body = 'JSON like {"a": 1} and {} stay as they are, {persona}.';
    const spans = placeholderSpans(body);
    expect(spans.filter((s) => s.kind === 'placeholder').map((s) => s.text)).toEqual(['{persona}']);
    expect(renderTemplate(body, { persona: 'P' })).toBe('JSON like {"a": 1} and {} stay as they are, P.');
  });

  it('counts a brace left open while typing', () => {
    expect(unclosedBraces(placeholderSpans('Persona: {persona'))).toBe(1);
    expect(unclosedBraces(placeholderSpans('Persona: {persona}'))).toBe(0);
  });

  it('gives an empty body no spans', () => {
    expect(placeholderSpans('')).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem, parseSeedFile, positionAt, type SeedFileResult } from './seed-file';

const seed = (overrides: Record<string, unknown> = {}) => ({
  persona: 'anxious_investor',
  emotion: 'anxiety',
  topic: 'market_volatility',
  intent: 'express_concern',
  tone: 'warm_reassuring',
  turns: [
    { role: 'user', content: 'My account dropped.' },
    { role: 'assistant', content: 'Let us look at it together.' },
  ],
  ...overrides,
});

const problemOf = (result: SeedFileResult) => {
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
};

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('parseSeedFile', () => {
  it('reads the demo workspace seed file as it is', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../demo/seed-conversations.json'), 'utf8');
    const result = parseSeedFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.seeds).toHaveLength(6);
    expect(result.seeds[0]).toMatchObject({ conversationId: 'seed-001', persona: 'anxious_investor', tier: 'template', arcKey: 'anxiety_to_relief', line: 2 });
    expect(result.seeds[4].arcKey).toBeNull();
  });

  it('accepts { conversations: [...] } and defaults the tier, title and id', () => {
    const result = parseSeedFile(JSON.stringify({ conversations: [seed()] }));
    expect(result).toMatchObject({ ok: true, seeds: [{ tier: 'template', title: null, conversationId: null, metadata: {} }] });
  });

  it('names the line and column of malformed JSON', () => {
    const text = '[\n  {\n    "persona": "a",\n    "emotion" "b"\n  }\n]';
    const problem = problemOf(parseSeedFile(text));
    expect(problem).toMatchObject({ line: 4, column: 15, field: '' });
    expect(problem.message).toContain('colon');
    expect(describeProblem(problem)).toBe('line 4, column 15: the file is not valid JSON: a colon was expected');
  });

  it('names the line and field of a turn with a wrong role', () => {
    const text = JSON.stringify([seed(), seed(), seed({ turns: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }, { role: 'bot', content: 'd' }] })], null, 2);
    const problem = problemOf(parseSeedFile(text));
    expect(problem.field).toBe('conversations[2].turns[3].role');
    expect(problem.message).toBe('must be user or assistant');
    // The line really holds that role.
    expect(text.split('\n')[problem.line - 1]).toContain('"role": "bot"');
    expect(describeProblem(problem)).toBe(`line ${problem.line}, conversations[2].turns[3].role: must be user or assistant`);
  });

  it.each([
    ['a missing dimension', seed({ persona: undefined }), 'conversations[0].persona', 'is missing'],
    ['a number for a dimension', seed({ emotion: 7 }), 'conversations[0].emotion', 'must be text'],
    ['a label instead of a key', seed({ topic: 'Market Volatility' }), 'conversations[0].topic', 'catalog key'],
    ['an unknown tier', seed({ tier: 'gold' }), 'conversations[0].tier', 'must be one of template, scenario, edge_case'],
    ['an unknown field', seed({ emotoin: 'x' }), 'conversations[0].emotoin', 'is not a seed field'],
    ['one turn', seed({ turns: [{ role: 'user', content: 'hi' }] }), 'conversations[0].turns', 'at least 2 turns'],
    ['no turns', seed({ turns: undefined }), 'conversations[0].turns', 'is missing'],
    ['the assistant first', seed({ turns: [{ role: 'assistant', content: 'a' }, { role: 'user', content: 'b' }] }), 'conversations[0].turns[0].role', 'must be user'],
    ['two user turns in a row', seed({ turns: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }] }), 'conversations[0].turns[1].role', 'alternate'],
    ['an empty turn', seed({ turns: [{ role: 'user', content: '  ' }, { role: 'assistant', content: 'b' }] }), 'conversations[0].turns[0].content', 'must not be empty'],
    ['ending on the user', seed({ turns: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }] }), 'conversations[0].turns[2]', 'must be an assistant turn'],
    ['a bad id', seed({ conversationId: 'has space' }), 'conversations[0].conversationId', 'must be an id'],
    ['metadata that is not an object', seed({ metadata: [1] }), 'conversations[0].metadata', 'must be an object'],
  ])('refuses %s, naming the field', (_name, bad, field, message) => {
    const problem = problemOf(parseSeedFile(JSON.stringify([bad], null, 2)));
    expect(problem.field).toBe(field);
    expect(problem.message).toContain(message);
    expect(problem.line).toBeGreaterThan(1);
  });

  it('refuses an id used twice in the file, naming both places', () => {
    const text = JSON.stringify([seed({ conversationId: 'seed-100' }), seed({ conversationId: 'seed-100' })], null, 2);
    const problem = problemOf(parseSeedFile(text));
    expect(problem.field).toBe('conversations[1].conversationId');
    expect(problem.message).toMatch(/"seed-100" is used twice in the file \(also by conversations\[0\] on line \d+\)/);
    expect(text.split('\n')[problem.line - 1]).toContain('seed-100');
  });

  it.each([
    ['', 'the file is empty'],
    ['{}', 'is missing'],
    ['[]', 'is empty'],
    ['{"conversations": 3}', 'must be a list'],
    ['[1]', 'must be an object'],
  ])('refuses the file %j', (text, message) => {
    expect(problemOf(parseSeedFile(text)).message).toContain(message);
  });

  it('records the line of each dimension value for later checks', () => {
    const result = parseSeedFile(JSON.stringify([seed()], null, 2));
    if (!result.ok) throw new Error('expected seeds');
    expect(result.seeds[0].lines.persona).toBe(3);
    expect(result.seeds[0].lines.tone).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { EXPORT_FORMATS, FORMAT_IDS, formatLine } from './formats';
import { jsonFooter, jsonHeader, jsonItem } from './json';
import { addRecord, applySplitPlan, createStats, finishStats } from './metadata';
import { EXPORT_RULES, type ExportOptions, type ExportRecord, type ExportTurn, type FormatId } from './record';
import { planSplit } from './split';

/**
 * 2,000 arbitrary records the database can hold (any role text, any content a Postgres text
 * column takes: no NUL, no lone surrogates), through every format: either the validator
 * reports a problem, or the line satisfies an independent reading of the target's published
 * rules. Nothing throws.
 */

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const PIECES = ['hello', ' ', '\n', '\r\n', '\t', '"', "'", '\\', '/', '🙂', '👍🏽', '👨‍👩‍👧', '年金', 'Ünïcödé', 'שלום', 'e\u0301', '\u2028', '\u2029', '\u0001', '\u007f', '\ufeff', '{"a":1}', '</script>', '€', 'null'];

function content(rng: Rng): string {
  const kind = rng();
  if (kind < 0.05) return '';
  if (kind < 0.1) return pick(rng, [' ', '\n\n', '\t ', '\u00a0', '\u3000']);
  // Huge turns are rare: a few dozen in the run are enough to cross every token limit.
  if (kind < 0.104) return 'x'.repeat(int(rng, 100_000, 300_000));
  if (kind < 0.106) return '💬 '.repeat(int(rng, 30_000, 80_000));
  let text = '';
  const n = int(rng, 1, 30);
  for (let i = 0; i < n; i++) text += rng() < 0.5 ? pick(rng, PIECES) : 'word ';
  return text;
}

function turns(rng: Rng): ExportTurn[] {
  const n = int(rng, 0, 30);
  const shape = rng();
  const out: ExportTurn[] = [];
  for (let i = 0; i < n; i++) {
    let role: string;
    if (shape < 0.5) role = i % 2 === 0 ? 'user' : 'assistant';
    else if (shape < 0.9) role = rng() < 0.5 ? 'user' : 'assistant';
    else role = pick(rng, ['user', 'assistant', 'system', 'tool', '', 'User', 'gpt', 'human']);
    out.push({ role, content: shape < 0.5 && rng() < 0.9 ? `Turn ${i + 1}: ${content(rng) || 'text'}` : content(rng) });
  }
  return out;
}

function maybe<T>(rng: Rng, value: T): T | undefined {
  return rng() < 0.5 ? value : undefined;
}

function record(rng: Rng, i: number): ExportRecord {
  return {
    conversationId: `conv-${String(i).padStart(5, '0')}`,
    title: content(rng).slice(0, 200),
    tier: pick(rng, ['template', 'scenario', 'edge_case', 'custom tier']),
    persona: pick(rng, ['p1', 'p2', 'p3']),
    emotion: pick(rng, ['e1', 'e2']),
    topic: 'topic',
    intent: 'intent',
    tone: 'tone',
    personaLabel: maybe(rng, pick(rng, ['Persona | One', 'Persona\nTwo', null])),
    emotionLabel: maybe(rng, 'Emotion'),
    qualityScore: pick(rng, [null, Math.round(rng() * 100) / 10, 10, 0, Number.NaN, Number.POSITIVE_INFINITY]),
    status: pick(rng, ['approved', 'generated', 'rejected', 'not_generated']),
    turns: turns(rng),
    generatedAt: pick(rng, [null, '2026-11-20T10:00:00.000Z', '2025-01-01T00:00:00Z', 'not a date']),
    reviewedAt: null,
    reviewedBy: maybe(rng, null),
    reviewNotes: maybe(rng, 'n'),
    model: pick(rng, [null, 'offline', 'claude-sonnet-4-5']),
    provider: null,
    templateId: maybe(rng, 'tpl'),
    templateVersion: maybe(rng, 2),
    metadata: pick(rng, [undefined, null, {}, { nested: { a: [1, '🙂'] } }]),
  };
}

function options(rng: Rng): ExportOptions {
  return {
    systemPrompt: pick(rng, [undefined, '', '  ', 'You are helpful.', 'Système: «ok» 🙂\nline two']),
    includeMetadata: rng() < 0.5,
    foldSystemPrompt: rng() < 0.3,
    mergeConsecutive: rng() < 0.3,
    weights: pick(rng, [undefined, 'all', 'last'] as const),
    maxTokensPerExample: pick(rng, [undefined, undefined, 500, 20_000]),
  };
}

// ---- independent checkers: the targets' published rules, read from the parsed line ----

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const keysWithin = (o: object, allowed: string[]) => Object.keys(o).every((k) => allowed.includes(k));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The contents the line must carry: the record's turns, joined when merging, with a folded
 * system prompt and a blank line at the start of the first user message.
 */
function expectedContents(r: ExportRecord, o: ExportOptions): { role: string; content: string }[] {
  const out = mergedContents(r, o);
  const system = typeof o.systemPrompt === 'string' && o.systemPrompt.trim() !== '' ? o.systemPrompt : null;
  if (system === null || !o.foldSystemPrompt) return out;
  const first = out.findIndex((m) => m.role === 'user');
  if (first === -1) return [{ role: 'user', content: system }, ...out];
  out[first].content = `${system}\n\n${out[first].content}`;
  return out;
}

/**
 * convgen's own rules, kept stricter than the targets on purpose: a folded prompt would fill an
 * empty first user turn or stand in for a missing one, and the line would pass, but the
 * conversation itself still lacks the user's words.
 */
function foldErrors(r: ExportRecord, o: ExportOptions, alternating: boolean): string[] {
  const system = typeof o.systemPrompt === 'string' && o.systemPrompt.trim() !== '';
  if (!system || !o.foldSystemPrompt) return [];
  const merged = mergedContents(r, o);
  const first = merged.findIndex((m) => m.role === 'user');
  if (first === -1) return alternating ? ['no user turn of its own'] : [];
  return merged[first].content.trim() === '' ? ['an empty user turn under the folded prompt'] : [];
}

/** No system message when the prompt is folded (or absent), and only ever first. */
function systemErrors(roles: unknown[], systemRole: string, o: ExportOptions): string[] {
  const hasPrompt = typeof o.systemPrompt === 'string' && o.systemPrompt.trim() !== '';
  const systems = roles.filter((role) => role === systemRole).length;
  if (hasPrompt && !o.foldSystemPrompt) return systems === 1 && roles[0] === systemRole ? [] : ['system prompt missing'];
  return systems === 0 ? [] : ['system message where there should be none'];
}

function mergedContents(r: ExportRecord, o: ExportOptions): { role: string; content: string }[] {
  const out: { role: string; content: string }[] = [];
  for (const t of r.turns) {
    const last = out[out.length - 1];
    const blank = (text: string) => text.trim() === '';
    if (o.mergeConsecutive && last && last.role === t.role) {
      if (blank(last.content)) last.content = t.content;
      else if (!blank(t.content)) last.content += `\n\n${t.content}`;
    } else {
      out.push({ role: t.role, content: t.content });
    }
  }
  return out;
}

function alternatesUserFirstEndsAssistant(roles: string[], user: string, assistant: string): boolean {
  if (roles.length < 2 || roles.length % 2 !== 0) return false;
  return roles.every((role, i) => role === (i % 2 === 0 ? user : assistant));
}

function sameMessages(actual: { role: unknown; content: unknown }[], expected: { role: string; content: string }[]): boolean {
  return actual.length === expected.length && actual.every((m, i) => m.role === expected[i].role && m.content === expected[i].content);
}

const tokens = (messages: { content: string }[]) => messages.reduce((n, m) => n + Math.ceil(m.content.length / 4) + 4, 3);

type Checker = (line: unknown, r: ExportRecord, o: ExportOptions) => string[];

const CHECKERS: Record<Exclude<FormatId, 'json'>, Checker> = {
  openai(line, r, o) {
    const errors: string[] = [];
    errors.push(...foldErrors(r, o, false));
    if (!isObject(line) || !keysWithin(line, ['messages']) || !Array.isArray(line.messages)) return ['not {"messages": [...]}'];
    const messages = line.messages as Record<string, unknown>[];
    messages.forEach((m, i) => {
      if (!isObject(m) || !keysWithin(m, ['role', 'content', 'weight'])) errors.push(`message ${i} has other keys`);
      if (!['system', 'user', 'assistant'].includes(m.role as string)) errors.push(`message ${i} role`);
      if (!isText(m.content)) errors.push(`message ${i} content`);
      if ('weight' in m && (m.role !== 'assistant' || (m.weight !== 0 && m.weight !== 1))) errors.push(`message ${i} weight`);
      if (m.role === 'system' && i !== 0) errors.push('system not first');
    });
    if (!messages.some((m) => m.role === 'assistant')) errors.push('no assistant');
    if (o.weights === 'last' && !messages.some((m) => m.weight === 1)) errors.push('nothing to train on');
    if (tokens(messages as { content: string }[]) > (o.maxTokensPerExample ?? 65_536)) errors.push('too long');
    errors.push(...systemErrors(messages.map((m) => m.role), 'system', o));
    const chat = messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content }));
    if (!sameMessages(chat, expectedContents(r, o))) errors.push('contents differ');
    return errors;
  },
  anthropic(line, r, o) {
    const errors: string[] = [];
    errors.push(...foldErrors(r, o, true));
    if (!isObject(line) || !keysWithin(line, ['system', 'messages']) || !Array.isArray(line.messages)) return ['not {"system"?, "messages": [...]}'];
    if ('system' in line && !isText(line.system)) errors.push('system empty');
    const hasPrompt = typeof o.systemPrompt === 'string' && o.systemPrompt.trim() !== '';
    if ('system' in line !== (hasPrompt && !o.foldSystemPrompt)) errors.push('system key where it should not be, or missing');
    const messages = line.messages as Record<string, unknown>[];
    messages.forEach((m, i) => {
      if (!isObject(m) || !keysWithin(m, ['role', 'content'])) errors.push(`message ${i} has other keys`);
      if (!isText(m.content)) errors.push(`message ${i} content`);
    });
    if (!alternatesUserFirstEndsAssistant(messages.map((m) => m.role as string), 'user', 'assistant')) errors.push('not user-first alternating ending with assistant');
    const all = [...(isText(line.system) ? [{ content: line.system }] : []), ...(messages as { content: string }[])];
    if (tokens(all) > (o.maxTokensPerExample ?? 32_000)) errors.push('too long');
    if (!sameMessages(messages as { role: unknown; content: unknown }[], expectedContents(r, o))) errors.push('contents differ');
    return errors;
  },
  sharegpt(line, r, o) {
    const errors: string[] = [];
    errors.push(...foldErrors(r, o, true));
    if (!isObject(line) || !keysWithin(line, ['conversations', 'metadata']) || !Array.isArray(line.conversations)) return ['not {"conversations": [...]}'];
    if ('metadata' in line && !o.includeMetadata) errors.push('metadata not asked for');
    let messages = line.conversations as Record<string, unknown>[];
    messages.forEach((m, i) => {
      if (!isObject(m) || !keysWithin(m, ['from', 'value'])) errors.push(`message ${i} has other keys`);
      if (!isText(m.value)) errors.push(`message ${i} value`);
    });
    errors.push(...systemErrors(messages.map((m) => m.from), 'system', o));
    if (messages[0]?.from === 'system') messages = messages.slice(1);
    if (!alternatesUserFirstEndsAssistant(messages.map((m) => m.from as string), 'human', 'gpt')) errors.push('not human-first alternating ending with gpt');
    const chat = messages.map((m) => ({ role: m.from === 'human' ? 'user' : 'assistant', content: m.value }));
    if (!sameMessages(chat, expectedContents(r, o))) errors.push('contents differ');
    return errors;
  },
  hf(line, r, o) {
    const errors: string[] = [];
    errors.push(...foldErrors(r, o, true));
    if (!isObject(line) || !keysWithin(line, ['messages', 'metadata']) || !Array.isArray(line.messages)) return ['not {"messages": [...]}'];
    if ('metadata' in line && !o.includeMetadata) errors.push('metadata not asked for');
    let messages = line.messages as Record<string, unknown>[];
    messages.forEach((m, i) => {
      if (!isObject(m) || !keysWithin(m, ['role', 'content'])) errors.push(`message ${i} has other keys`);
      if (!isText(m.content)) errors.push(`message ${i} content`);
    });
    errors.push(...systemErrors(messages.map((m) => m.role), 'system', o));
    if (messages[0]?.role === 'system') messages = messages.slice(1);
    if (!alternatesUserFirstEndsAssistant(messages.map((m) => m.role as string), 'user', 'assistant')) errors.push('not user-first alternating ending with assistant');
    if (!sameMessages(messages as { role: unknown; content: unknown }[], expectedContents(r, o))) errors.push('contents differ');
    return errors;
  },
};

function checkJsonItem(item: unknown, r: ExportRecord): string[] {
  if (!isObject(item) || item.id !== r.conversationId || !Array.isArray(item.turns)) return ['not an item'];
  const turns = item.turns as Record<string, unknown>[];
  const errors: string[] = [];
  if (turns.length === 0) errors.push('no turns');
  turns.forEach((t, i) => {
    if (t.role !== 'user' && t.role !== 'assistant') errors.push(`turn ${i} role`);
    if (!isText(t.content)) errors.push(`turn ${i} content`);
    if (t.content !== r.turns[i].content) errors.push(`turn ${i} differs`);
  });
  return errors;
}

describe('property: 2,000 arbitrary records through every format', () => {
  it('either passes the independent checker or is reported with a message, and never throws', () => {
    const rng = seededRandom(20261126);
    const valid: Record<FormatId, number> = { openai: 0, anthropic: 0, sharegpt: 0, hf: 0, json: 0 };
    const stats = createStats();
    const items: { conversationId: string; tier: string }[] = [];
    let document = jsonHeader();
    let first = true;
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const r = record(rng, i);
      const o = options(rng);
      for (const format of FORMAT_IDS) {
        const problems = EXPORT_FORMATS[format].validate(r, o);
        // toLine is total: it must not throw even on records the validator rejects.
        const line = format === 'json' ? jsonItem(r, true) : formatLine(format, r, o);
        const parsed = JSON.parse(line);
        const errors = format === 'json' ? checkJsonItem(parsed, r) : CHECKERS[format](parsed, r, o);
        if (problems.length > 0) {
          for (const p of problems) {
            if (!EXPORT_RULES.includes(p.rule) || typeof p.message !== 'string' || p.message.length < 10) failures.push(`${format} ${r.conversationId}: bad problem ${JSON.stringify(p)}`);
          }
          // Not stricter than the target either (the token estimate may differ a little when merging).
          if (errors.length === 0 && !problems.every((p) => p.rule === 'too_many_tokens')) {
            failures.push(`${format} ${r.conversationId}: rejected but acceptable: ${problems.map((p) => p.rule).join(', ')}`);
          }
          continue;
        }
        valid[format]++;
        // One line per record, even for readers that split on every Unicode line break.
        if (format !== 'json' && (!line.endsWith('\n') || /[\n\r\u2028\u2029]/.test(line.slice(0, -1)))) failures.push(`${format} ${r.conversationId}: not one line`);
        if (errors.length) failures.push(`${format} ${r.conversationId}: ${errors.join(', ')}`);
      }
      if (EXPORT_FORMATS.json.validate(r).length === 0) {
        document += jsonItem(r, first);
        first = false;
      }
      items.push(r);
    }
    items.forEach((r) => addRecord(stats, r as ExportRecord));
    applySplitPlan(stats, planSplit(items, 0.1, 7));
    expect(failures.slice(0, 10)).toEqual([]);
    // The generator must exercise the accepting path of every format, not only the rejections.
    for (const format of FORMAT_IDS) expect(valid[format], format).toBeGreaterThan(200);
    const metadata = finishStats(stats, { format: 'json', exportedAt: '2026-11-26T00:00:00.000Z', approvedOnly: false, systemVersion: 'test', split: { validationFraction: 0.1, seed: 7 } });
    const parsed = JSON.parse(document + jsonFooter(metadata));
    expect(parsed.conversations).toHaveLength(valid.json);
    expect(parsed.metadata.conversationCount).toBe(2000);
    expect(parsed.metadata.splits).toMatchObject({ train: 1800, validation: 200 });
  });
});

describe('the independent checkers', () => {
  const r = { turns: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] } as ExportRecord;
  it('accept a good line and reject broken ones (so the property test can fail)', () => {
    expect(CHECKERS.anthropic({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }, r, {})).toEqual([]);
    expect(CHECKERS.anthropic({ messages: [{ role: 'assistant', content: 'a' }, { role: 'user', content: 'q' }] }, r, {})).not.toEqual([]);
    expect(CHECKERS.anthropic({ system: '', messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }, r, {})).not.toEqual([]);
    expect(CHECKERS.openai({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }], id: 1 }, r, {})).not.toEqual([]);
    expect(CHECKERS.openai({ messages: [{ role: 'user', content: 'q', weight: 1 }, { role: 'assistant', content: 'a' }] }, r, {})).not.toEqual([]);
    expect(CHECKERS.sharegpt({ conversations: [{ from: 'human', value: 'q' }, { from: 'human', value: 'a' }] }, r, {})).not.toEqual([]);
    expect(CHECKERS.hf({ messages: [{ role: 'user', content: ' ' }, { role: 'assistant', content: 'a' }] }, r, {})).not.toEqual([]);
  });
});

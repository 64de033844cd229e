import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, FORMAT_IDS, formatLine } from './formats';
import { jsonFooter, jsonHeader, jsonItem } from './json';
import { addRecord, createStats, finishStats } from './metadata';
import { sharegptDatasetInfo } from './sharegpt';
import { GOLDEN_CASES, GOLDEN_EXPORTED_AT, baseRecord, unicodeRecord } from './fixtures/records';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('golden lines', () => {
  for (const id of ['openai', 'anthropic', 'sharegpt', 'hf'] as const) {
    it(`${id} writes the fixture lines exactly`, () => {
      const expected = fixture(`${id}.jsonl`).split('\n').slice(0, -1);
      expect(expected).toHaveLength(GOLDEN_CASES.length);
      GOLDEN_CASES.forEach((c, i) => {
        expect(EXPORT_FORMATS[id].validate(c.record, c.options), c.name).toEqual([]);
        expect(formatLine(id, c.record, c.options), c.name).toBe(`${expected[i]}\n`);
      });
    });
  }

  it('json streams the fixture document exactly, and it parses', () => {
    const stats = createStats();
    GOLDEN_CASES.forEach((c) => addRecord(stats, c.record));
    const metadata = finishStats(stats, {
      format: 'json',
      exportedAt: GOLDEN_EXPORTED_AT,
      approvedOnly: false,
      systemVersion: '0.1.0',
      filter: { tier: ['template'] },
    });
    const text = jsonHeader(metadata) + GOLDEN_CASES.map((c, i) => jsonItem(c.record, i === 0)).join('') + jsonFooter();
    expect(text).toBe(fixture('json.json'));
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['metadata', 'conversations']);
    expect(doc.conversations).toHaveLength(4);
    expect(doc.conversations[1].turns[0].content).toBe(unicodeRecord().turns[0].content);
  });

  it('an inline check of one line, independent of the fixture files', () => {
    const record = baseRecord({ turns: [{ role: 'user', content: 'Hi "there"\n🙂' }, { role: 'assistant', content: 'Hello.' }] });
    expect(formatLine('anthropic', record, { systemPrompt: 'Be brief.' })).toBe(
      String.raw`{"system":"Be brief.","messages":[{"role":"user","content":"Hi \"there\"\n🙂"},{"role":"assistant","content":"Hello."}]}` + '\n',
    );
    expect(formatLine('sharegpt', record)).toBe(
      String.raw`{"conversations":[{"from":"human","value":"Hi \"there\"\n🙂"},{"from":"gpt","value":"Hello."}]}` + '\n',
    );
  });

  it('escapes U+2028 and U+2029 so line-splitting readers keep the line whole, and it reads back the same', () => {
    const line = formatLine('hf', unicodeRecord());
    expect(line).not.toMatch(/[\u2028\u2029]/);
    expect(line.split(/\r\n|\r|\n|\u2028|\u2029/).filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(line).messages[1].content).toBe(unicodeRecord().turns[1].content);
  });
});

describe('options', () => {
  it('omits a blank system prompt everywhere', () => {
    for (const id of ['openai', 'anthropic', 'sharegpt', 'hf'] as const) {
      expect(formatLine(id, baseRecord(), { systemPrompt: '  \n ' })).toBe(formatLine(id, baseRecord()));
    }
  });

  it('never adds metadata to openai or anthropic lines', () => {
    for (const id of ['openai', 'anthropic'] as const) {
      expect(formatLine(id, baseRecord(), { includeMetadata: true })).toBe(formatLine(id, baseRecord()));
    }
  });

  it('openai weights: "all" marks every assistant message, none by default, never user messages', () => {
    const all = EXPORT_FORMATS.openai.toLine(baseRecord(), { weights: 'all' }) as { messages: { role: string; weight?: number }[] };
    expect(all.messages.map((m) => m.weight)).toEqual([undefined, 1, undefined, 1]);
    const none = EXPORT_FORMATS.openai.toLine(baseRecord()) as { messages: object[] };
    expect(none.messages.every((m) => !('weight' in m))).toBe(true);
  });

  it('does not change the record it reads', () => {
    const record = baseRecord({ turns: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }] });
    const before = JSON.stringify(record);
    for (const id of FORMAT_IDS) EXPORT_FORMATS[id].toLine(record, { mergeConsecutive: true, weights: 'last', systemPrompt: 's' });
    expect(JSON.stringify(record)).toBe(before);
  });
});

describe('registry', () => {
  it('lists the five formats with their extensions', () => {
    expect(FORMAT_IDS).toEqual(['openai', 'anthropic', 'sharegpt', 'hf', 'json']);
    for (const id of FORMAT_IDS) expect(EXPORT_FORMATS[id].id).toBe(id);
    expect(FORMAT_IDS.map((id) => EXPORT_FORMATS[id].extension)).toEqual(['jsonl', 'jsonl', 'jsonl', 'jsonl', 'json']);
  });
});

describe('json pieces', () => {
  it('puts the metadata at the end when the header did not have it', () => {
    const metadata = finishStats(createStats(), { format: 'json', exportedAt: GOLDEN_EXPORTED_AT, approvedOnly: true, systemVersion: '0.1.0' });
    const doc = JSON.parse(jsonHeader() + jsonItem(baseRecord(), true) + jsonFooter(metadata));
    expect(doc.metadata.conversationCount).toBe(0);
    expect(doc.conversations[0].id).toBe('conv-00001');
  });

  it('makes a valid empty document', () => {
    expect(JSON.parse(jsonHeader() + jsonFooter())).toEqual({ conversations: [] });
  });
});

describe('sharegptDatasetInfo', () => {
  it('is the LLaMA-Factory dataset_info.json entry for the file', () => {
    expect(sharegptDatasetInfo('my_data', 'train.jsonl')).toEqual({
      my_data: {
        file_name: 'train.jsonl',
        formatting: 'sharegpt',
        columns: { messages: 'conversations' },
        tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', system_tag: 'system' },
      },
    });
  });
});

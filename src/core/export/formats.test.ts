import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, FORMAT_IDS, formatLine, metadataLine } from './formats';
import { jsonFooter, jsonHeader, jsonItem } from './json';
import { addRecord, createStats, finishStats } from './metadata';
import { llamaFactoryName, llamaFactoryRegistration, sharegptDatasetInfo } from './sharegpt';
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

  it('includeMetadata: the same metadata object on sharegpt and hf lines, never on openai or anthropic lines (a sidecar line instead)', () => {
    for (const id of ['openai', 'anthropic'] as const) {
      expect(EXPORT_FORMATS[id].metadataPlacement).toBe('sidecar');
      expect(formatLine(id, baseRecord(), { includeMetadata: true })).toBe(formatLine(id, baseRecord()));
    }
    const sidecar = JSON.parse(metadataLine(baseRecord()));
    for (const id of ['sharegpt', 'hf'] as const) {
      expect(EXPORT_FORMATS[id].metadataPlacement).toBe('inline');
      expect(JSON.parse(formatLine(id, baseRecord(), { includeMetadata: true })).metadata).toEqual(sidecar);
      expect(JSON.parse(formatLine(id, baseRecord())).metadata).toBeUndefined();
    }
    expect(sidecar).toEqual({
      conversationId: 'conv-00001',
      title: 'Rebalancing after a market drop',
      tier: 'template',
      persona: 'anxious_investor',
      emotion: 'worried',
      topic: 'rebalancing',
      intent: 'seek_reassurance',
      tone: 'warm',
      qualityScore: 8.5,
      model: 'claude-sonnet-4-5',
      generatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(EXPORT_FORMATS.json.metadataPlacement).toBe('always');
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

describe('foldSystemPrompt', () => {
  const SYSTEM = 'You are a patient financial guide.';
  const FIRST_USER = 'My portfolio dropped 12% this month. Should I sell?';
  const folded = `${SYSTEM}\n\n${FIRST_USER}`;
  const on = { systemPrompt: SYSTEM, foldSystemPrompt: true };

  it('openai: no system message; the prompt and a blank line start the first user message', () => {
    const line = JSON.parse(formatLine('openai', baseRecord(), on));
    expect(line.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(line.messages[0].content).toBe(folded);
    expect(line.messages[2].content).toBe('Retirement, in about 20 years.');
  });

  it('anthropic: no "system" key; the prompt starts the first user message', () => {
    const line = JSON.parse(formatLine('anthropic', baseRecord(), on));
    expect(Object.keys(line)).toEqual(['messages']);
    expect(line.messages[0]).toEqual({ role: 'user', content: folded });
  });

  it('sharegpt: no "system" message; the prompt starts the first human message', () => {
    const line = JSON.parse(formatLine('sharegpt', baseRecord(), on));
    expect(line.conversations.map((m: { from: string }) => m.from)).toEqual(['human', 'gpt', 'human', 'gpt']);
    expect(line.conversations[0].value).toBe(folded);
  });

  it('hf: no system role anywhere, so templates that refuse one (Gemma, Gemma 2) accept the line', () => {
    const line = JSON.parse(formatLine('hf', baseRecord(), on));
    expect(line.messages.some((m: { role: string }) => m.role === 'system')).toBe(false);
    expect(line.messages[0]).toEqual({ role: 'user', content: folded });
  });

  it('changes nothing without a system prompt, or in the generic JSON', () => {
    for (const id of ['openai', 'anthropic', 'sharegpt', 'hf'] as const) {
      expect(formatLine(id, baseRecord(), { foldSystemPrompt: true })).toBe(formatLine(id, baseRecord()));
      expect(formatLine(id, baseRecord(), { systemPrompt: '  ', foldSystemPrompt: true })).toBe(formatLine(id, baseRecord()));
    }
    expect(jsonItem(baseRecord(), true)).not.toContain(SYSTEM);
  });

  it('folds into the first user message after merging, and makes one when openai has none', () => {
    const record = baseRecord({ turns: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }] });
    const merged = JSON.parse(formatLine('hf', record, { ...on, mergeConsecutive: true }));
    expect(merged.messages[0].content).toBe(`${SYSTEM}\n\na\n\nb`);
    const noUser = JSON.parse(formatLine('openai', baseRecord({ turns: [{ role: 'assistant', content: 'Hello.' }] }), on));
    expect(noUser.messages).toEqual([{ role: 'user', content: SYSTEM }, { role: 'assistant', content: 'Hello.' }]);
  });

  it('counts the folded prompt against the token limit', () => {
    const record = baseRecord({ turns: [{ role: 'user', content: 'x'.repeat(400) }, { role: 'assistant', content: 'y'.repeat(400) }] });
    // 3 + (100 + 4) + (100 + 4) = 211 without the prompt; folded, the prompt adds 2 tokens of text and 1 for the blank line (217 as a message of its own).
    expect(EXPORT_FORMATS.openai.validate(record, { maxTokensPerExample: 214, systemPrompt: 'Be kind.', foldSystemPrompt: true })).toEqual([]);
    expect(EXPORT_FORMATS.openai.validate(record, { maxTokensPerExample: 214, systemPrompt: 'Be kind.' }).map((p) => p.rule)).toEqual(['too_many_tokens']);
  });
});

describe('llamaFactoryRegistration', () => {
  it('names each data file as dataset_info.json registers it, the validation file included', () => {
    expect(llamaFactoryName('training-data-2026-11-26-approved-96-conversations-sharegpt-train.jsonl')).toBe('training_data_2026_11_26_approved_96_conversations_sharegpt_train');
    const registration = llamaFactoryRegistration({ train: 'set-train.jsonl', validation: 'set-validation.jsonl' });
    expect(registration).toEqual({
      dataset: 'set_train',
      evalDataset: 'set_validation',
      info: { ...sharegptDatasetInfo('set_train', 'set-train.jsonl'), ...sharegptDatasetInfo('set_validation', 'set-validation.jsonl') },
    });
    expect(llamaFactoryRegistration({ train: 'set.jsonl' })).toMatchObject({ dataset: 'set', evalDataset: null, info: { set: { file_name: 'set.jsonl' } } });
  });
});

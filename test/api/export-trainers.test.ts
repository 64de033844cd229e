import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, conversationTranscripts, conversationTurns } from '../../src/db/schema';
import { transcriptText } from '../../src/db/transcripts';
import { createTestApp, type TestApp } from '../support/app';
import { filesNamedByCard, loadWithAxolotl, loadWithLlamaFactory, type Archive } from '../support/trainer-loaders';
import { unzip } from '../support/unzip';

/**
 * Exports fed to the trainers' own loading rules (test/support/trainer-loaders.ts): 96 approved
 * conversations, 44 / 36 / 16 by tier, in an otherwise empty workspace.
 */
const TIER_SIZES = { template: 44, scenario: 36, edge_case: 16 } as const;
const SYSTEM = 'You are a patient financial guide.';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const db = t.services.ctx.database.db;
  let n = 0;
  for (const [tier, size] of Object.entries(TIER_SIZES)) {
    for (let i = 0; i < size; i++) {
      n++;
      const turns = [
        { role: 'user', content: `Question ${n}: should I rebalance?` },
        { role: 'assistant', content: `Answer ${n}: look at your target mix first.` },
        { role: 'user', content: 'And if it dropped a lot?' },
        { role: 'assistant', content: 'Then rebalancing buys what fell, which is the point.' },
      ];
      const [row] = await db
        .insert(conversations)
        .values({
          conversationId: `conv-${String(n).padStart(5, '0')}`,
          title: `Rebalancing ${n}`,
          persona: 'anxious_investor',
          emotion: 'worried',
          topic: 'rebalancing',
          intent: 'seek_reassurance',
          tone: 'warm',
          tier,
          status: 'approved',
          qualityScore: 8,
          turnCount: turns.length,
          model: 'offline',
          provider: 'offline',
          generatedAt: new Date('2026-11-20T10:00:00Z'),
        })
        .returning({ id: conversations.id });
      await db.insert(conversationTurns).values(turns.map((turn, k) => ({ conversationId: row.id, turnNumber: k + 1, ...turn })));
      await db.insert(conversationTranscripts).values({ conversationId: row.id, turns: transcriptText(turns) });
    }
  }
}, 120_000);
afterAll(() => t.close());

async function exportZip(payload: object): Promise<{ files: Archive; folder: string }> {
  const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const folder = /filename="([^"]+)\.zip"/.exec(String(res.headers['content-disposition']))![1];
  return { files: await unzip(res.rawPayload), folder };
}

const jsonLines = (text: string) => text.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line));
const countTiers = (lines: { tier: string }[]) => lines.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.tier]: (acc[l.tier] ?? 0) + 1 }), {});

describe('a ShareGPT zip loads in LLaMA-Factory and Axolotl as its card says', () => {
  it('with the descriptive name: every dataset the card names is defined, the validation file included, and every example converts', async () => {
    const { files, folder } = await exportZip({ format: 'sharegpt', split: { validationFraction: 0.1, seed: 42 }, datasetCard: true, options: { systemPrompt: SYSTEM, includeMetadata: true } });
    expect(folder).toMatch(/^training-data-\d{4}-\d{2}-\d{2}-approved-96-conversations-sharegpt$/);
    const loaded = loadWithLlamaFactory(files, folder);
    expect(loaded.train).toEqual([{ name: `${folder.replace(/-/g, '_')}_train`, file: `${folder}-train.jsonl`, loaded: 86, skipped: 0 }]);
    expect(loaded.eval).toEqual([{ name: `${folder.replace(/-/g, '_')}_validation`, file: `${folder}-validation.jsonl`, loaded: 10, skipped: 0 }]);
    expect(loadWithAxolotl(files)).toEqual({ [`${folder}-train.jsonl`]: 86, [`${folder}-validation.jsonl`]: 10 });
    for (const name of filesNamedByCard(files['README.md'])) expect(Object.keys(files), name).toContain(name);
  });

  it('with a name of the user\'s and no split: one dataset, no eval_dataset', async () => {
    const { files, folder } = await exportZip({ format: 'sharegpt', datasetCard: true, fileName: 'advisor set' });
    expect(folder).toBe('advisor-set');
    expect(loadWithLlamaFactory(files, folder)).toEqual({ train: [{ name: 'advisor_set', file: 'advisor-set.jsonl', loaded: 96, skipped: 0 }], eval: [] });
    expect(files['README.md']).not.toContain('eval_dataset');
  });

  it('the loader refuses what LLaMA-Factory refuses: a card naming a dataset dataset_info.json does not define', async () => {
    const { files, folder } = await exportZip({ format: 'sharegpt', split: { validationFraction: 0.1 }, datasetCard: true });
    const info = JSON.parse(files['dataset_info.json']) as Record<string, unknown>;
    const onlyTrain = Object.fromEntries(Object.entries(info).slice(0, 1));
    expect(() => loadWithLlamaFactory({ ...files, 'dataset_info.json': JSON.stringify(onlyTrain) }, folder)).toThrow(/^Undefined dataset \S+_validation in dataset_info.json\.$/);
    expect(() => loadWithLlamaFactory(files, 'elsewhere')).toThrow(/dataset_dir/);
  });
});

describe('the split is proportional per tier', () => {
  it('puts 10 % of 44/36/16 in validation as 4/4/2, written, counted in metadata.json and shown in the preview', async () => {
    const payload = { format: 'hf', split: { validationFraction: 0.1, seed: 42 }, datasetCard: true, options: { includeMetadata: true } };
    const { files, folder } = await exportZip(payload);
    const validation = jsonLines(files[`${folder}-validation.jsonl`]);
    const train = jsonLines(files[`${folder}-train.jsonl`]);
    expect(countTiers(validation.map((l) => l.metadata))).toEqual({ template: 4, scenario: 4, edge_case: 2 });
    expect(countTiers(train.map((l) => l.metadata))).toEqual({ template: 40, scenario: 32, edge_case: 14 });
    const byTier = { template: { train: 40, validation: 4 }, scenario: { train: 32, validation: 4 }, edge_case: { train: 14, validation: 2 } };
    expect(JSON.parse(files['metadata.json']).splits).toEqual({ train: 86, validation: 10, byTier });
    expect(files['README.md']).toContain('| Edge Case | 14 | 2 | 12.5% |');
    for (const name of filesNamedByCard(files['README.md'])) expect(Object.keys(files), name).toContain(name);
    const preview = (await t.as('admin', { method: 'POST', url: '/api/exports/preview', payload })).json();
    expect(preview.split).toEqual({ train: 86, validation: 10, byTier });
    // The same seed splits the same way again.
    const again = await exportZip(payload);
    expect(again.files[`${again.folder}-validation.jsonl`]).toBe(files[`${folder}-validation.jsonl`]);
  });
});

describe('includeMetadata is one object, on the line or in a sidecar', () => {
  it('openai and anthropic lines keep only their keys; the metadata goes to <data file>-metadata.jsonl, line for line', async () => {
    for (const format of ['openai', 'anthropic'] as const) {
      const { files, folder } = await exportZip({ format, split: { validationFraction: 0.1 }, options: { includeMetadata: true } });
      expect(Object.keys(files).sort()).toEqual([`${folder}-train-metadata.jsonl`, `${folder}-train.jsonl`, `${folder}-validation-metadata.jsonl`, `${folder}-validation.jsonl`, 'metadata.json'].sort());
      for (const part of ['train', 'validation']) {
        const data = jsonLines(files[`${folder}-${part}.jsonl`]);
        const sidecar = jsonLines(files[`${folder}-${part}-metadata.jsonl`]);
        expect(sidecar).toHaveLength(data.length);
        for (const line of data) expect(Object.keys(line).every((k) => k === 'messages' || k === 'system'), format).toBe(true);
        // Line N of the sidecar describes line N of the data: each conversation's first question names its number.
        sidecar.forEach((meta, i) => expect(data[i].messages[0].content).toBe(`Question ${Number(meta.conversationId.slice(5))}: should I rebalance?`));
      }
      expect(countTiers(jsonLines(files[`${folder}-validation-metadata.jsonl`]))).toEqual({ template: 4, scenario: 4, edge_case: 2 });
    }
    const whole = await exportZip({ format: 'openai', options: { includeMetadata: true } });
    expect(Object.keys(whole.files).sort()).toEqual([`${whole.folder}-metadata.jsonl`, `${whole.folder}.jsonl`, 'metadata.json'].sort());
    expect(jsonLines(whole.files[`${whole.folder}-metadata.jsonl`])).toHaveLength(96);
  });
});

describe('system prompts and base models that refuse a system role', () => {
  it('the preview does not call the export ready while Gemma would refuse it, and folding clears that', async () => {
    const warned = (await t.as('admin', { method: 'POST', url: '/api/exports/preview', payload: { format: 'hf', options: { systemPrompt: SYSTEM } } })).json();
    expect(warned.validation.summary).not.toMatch(/ready/);
    expect(warned.validation.warnings[0]).toMatch(/Gemma and Gemma 2 chat templates refuse a system role.*"Fold the system prompt into the first user turn"/);
    const folded = (await t.as('admin', { method: 'POST', url: '/api/exports/preview', payload: { format: 'hf', options: { systemPrompt: SYSTEM, foldSystemPrompt: true } } })).json();
    expect(folded.validation).toMatchObject({ warnings: [], summary: 'All 96 conversations are ready for Hugging Face (TRL).' });
    expect(JSON.parse(folded.sample[0]).messages[0]).toEqual({ role: 'user', content: `${SYSTEM}\n\nQuestion 1: should I rebalance?` });
  });

  it('a folded export has no system role in any line, and says so in metadata.json', async () => {
    const { files, folder } = await exportZip({ format: 'hf', datasetCard: true, options: { systemPrompt: SYSTEM, foldSystemPrompt: true } });
    const lines = jsonLines(files[`${folder}.jsonl`]);
    expect(lines).toHaveLength(96);
    for (const line of lines) {
      expect(line.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      expect(line.messages[0].content.startsWith(`${SYSTEM}\n\n`)).toBe(true);
    }
    expect(JSON.parse(files['metadata.json']).settings).toMatchObject({ systemPrompt: SYSTEM, foldSystemPrompt: true });
  });

  it('the OpenAPI document describes the fold and metadata options', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const text = JSON.stringify(doc.paths['/api/exports'].post);
    expect(text).toContain('foldSystemPrompt');
    expect(text).toMatch(/refuses? a system role \(Gemma, Gemma 2\)/);
    expect(text).toContain('-metadata.jsonl');
  });

  it('refuses an option of the wrong type with the field named', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'hf', options: { foldSystemPrompt: 'yes' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('foldSystemPrompt');
  });
});

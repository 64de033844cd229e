import { describe, expect, it } from 'vitest';
import { datasetCard } from './dataset-card';
import { addRecord, applySplitPlan, createStats, finishStats, scoreBucket, type ExportSettings } from './metadata';
import { baseRecord, unicodeRecord } from './fixtures/records';

const SETTINGS: ExportSettings = {
  format: 'sharegpt',
  exportedAt: '2026-11-26T12:00:00.000Z',
  approvedOnly: true,
  filter: { persona: ['anxious_investor'], quality: ['high'] },
  systemVersion: '0.1.0',
  options: { systemPrompt: 'Be calm.', includeMetadata: true },
  split: { validationFraction: 0.1, seed: 42 },
};

function sample() {
  const stats = createStats();
  const scores = [5.9, 6, 6.99, 7.5, 8, 8.99, 9, 10, null];
  scores.forEach((qualityScore, i) =>
    addRecord(
      stats,
      baseRecord({
        conversationId: `conv-${i}`,
        qualityScore,
        tier: i < 4 ? 'template' : i < 7 ? 'scenario' : 'edge_case',
        persona: i % 3 === 0 ? 'retiree' : 'anxious_investor',
        personaLabel: i % 3 === 0 ? null : 'Anxious Investor',
        generatedAt: `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
        model: i === 8 ? 'offline' : 'claude-sonnet-4-5',
      }),
    ),
  );
  // conv-2, a template, went to validation.
  applySplitPlan(stats, { train: 8, validationCount: 1, byTier: { template: { train: 3, validation: 1 }, scenario: { train: 3, validation: 0 }, edge_case: { train: 2, validation: 0 } } });
  return finishStats(stats, SETTINGS);
}

describe('export statistics', () => {
  it('buckets scores as <6, 6–7, 7–8, 8–9, 9–10', () => {
    expect([5.99, 6, 6.99, 7, 8, 9, 10].map(scoreBucket)).toEqual([0, 1, 1, 2, 3, 4, 4]);
  });

  it('holds the US5.1.1 / US5.1.2 header: counts, quality, breakdowns, date range, settings, versions', () => {
    const m = sample();
    expect(m.exportDate).toBe('2026-11-26T12:00:00.000Z');
    expect(m.conversationCount).toBe(9);
    expect(m.averageQuality).toBe(7.8); // 62.38 / 8 = 7.7975
    expect(m.scoredCount).toBe(8);
    expect(m.scoreDistribution).toEqual({ '<6': 1, '6-7': 2, '7-8': 1, '8-9': 2, '9-10': 2, unscored: 1 });
    expect(m.byTier).toEqual({ template: 4, scenario: 3, edge_case: 2 });
    expect(m.byPersona).toEqual([
      { key: 'anxious_investor', label: 'Anxious Investor', count: 6 },
      { key: 'retiree', label: null, count: 3 },
    ]);
    expect(m.byEmotion).toEqual([{ key: 'worried', label: 'Worried', count: 9 }]);
    expect(m.byModel).toEqual([
      { model: 'claude-sonnet-4-5', count: 8 },
      { model: 'offline', count: 1 },
    ]);
    expect(m.dateRange).toEqual({ from: '2026-11-10T08:00:00.000Z', to: '2026-11-18T08:00:00.000Z' });
    expect(m.splits).toEqual({ train: 8, validation: 1, byTier: { template: { train: 3, validation: 1 }, scenario: { train: 3, validation: 0 }, edge_case: { train: 2, validation: 0 } } });
    expect(m.turns).toEqual({ total: 36, average: 4 });
    expect(m.settings).toEqual({
      format: 'sharegpt',
      approvedOnly: true,
      filter: { persona: ['anxious_investor'], quality: ['high'] },
      systemPrompt: 'Be calm.',
      includeMetadata: true,
      foldSystemPrompt: false,
      mergeConsecutive: false,
      maxTokensPerExample: null,
      weights: null,
      validationFraction: 0.1,
      seed: 42,
    });
    expect(m.version).toEqual({ system: '0.1.0', exportFormat: '1.1' });
  });

  it('gives every tier a count, keeps unknown tiers, and survives an empty export', () => {
    const stats = createStats();
    addRecord(stats, unicodeRecord());
    addRecord(stats, baseRecord({ tier: 'custom', generatedAt: 'not a date' }));
    const m = finishStats(stats, { ...SETTINGS, split: null });
    expect(m.byTier).toEqual({ template: 0, scenario: 0, edge_case: 1, custom: 1 });
    expect(m.dateRange).toEqual({ from: null, to: null });
    expect(m.splits).toBeNull();
    const empty = finishStats(createStats(), SETTINGS);
    expect(empty).toMatchObject({ conversationCount: 0, averageQuality: null, dateRange: { from: null, to: null }, turns: { total: 0, average: null } });
  });

  it('adds up the same whatever order the records come in', () => {
    const records = Array.from({ length: 20 }, (_, i) => baseRecord({ conversationId: `c${i}`, qualityScore: (i % 10) + 0.5, generatedAt: `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z` }));
    const run = (list: typeof records) => {
      const stats = createStats();
      list.forEach((r) => addRecord(stats, r));
      return finishStats(stats, SETTINGS);
    };
    expect(run([...records].reverse())).toEqual(run(records));
  });
});

describe('datasetCard', () => {
  const card = datasetCard(sample(), {
    title: 'Advisor conversations',
    files: { train: 'advisor-train.jsonl', validation: 'advisor-validation.jsonl' },
  });

  it('is a README with title, format, loading, statistics, splits, generation and a license to fill in', () => {
    expect(card.startsWith('# Advisor conversations\n')).toBe(true);
    for (const heading of ['## Summary', '## Format', '## Splits', '## Statistics', '### Quality scores', '### By tier', '### By persona', '### By emotion', '## Generation', '## License']) {
      expect(card).toContain(`\n${heading}\n`);
    }
    expect(card).toContain('**TODO: fill in before sharing.**');
    expect(card).toContain('| advisor-train.jsonl | train | 8 |');
    expect(card).toContain('| advisor-validation.jsonl | validation | 1 |');
    expect(card).toContain('| Edge Case | 2 | 22.2% |');
    expect(card).toContain('| 9-10 | 2 | 22.2% |');
    expect(card).toContain('"file_name": "advisor-train.jsonl"');
    expect(card).toContain('"file_name": "advisor-validation.jsonl"');
    expect(card).toContain('| Template | 3 | 1 | 25% |');
    expect(card).toContain('`offline` is convgen');
    expect(card).toContain('convgen version: 0.1.0; export format version: 1.1');
  });

  it('explains how to load each format with its trainer', () => {
    const loaders: Record<string, string> = {
      openai: 'client.fine_tuning.jobs.create(',
      anthropic: 'create_model_customization_job(',
      sharegpt: 'dataset_info.json',
      hf: 'load_dataset("json"',
      json: 'json.load(f)["conversations"]',
    };
    for (const [format, snippet] of Object.entries(loaders)) {
      const m = { ...sample(), settings: { ...sample().settings, format: format as ExportSettings['format'] } };
      expect(datasetCard(m, { files: { train: 'data.jsonl' } }), format).toContain(snippet);
    }
  });

  it('records the plan of a split decided after the records were counted', () => {
    const stats = createStats();
    addRecord(stats, baseRecord({ tier: 'template' }));
    addRecord(stats, baseRecord({ tier: 'scenario' }));
    applySplitPlan(stats, { train: 1, validationCount: 1, byTier: { scenario: { train: 0, validation: 1 }, template: { train: 1, validation: 0 } } });
    expect(finishStats(stats, SETTINGS).splits).toEqual({ train: 1, validation: 1, byTier: { template: { train: 1, validation: 0 }, scenario: { train: 0, validation: 1 } } });
  });

  it('says where the metadata is: on every line, or in a sidecar named for its data file', () => {
    const inline = datasetCard({ ...sample(), settings: { ...sample().settings, format: 'hf' } }, { files: { train: 'd-train.jsonl', validation: 'd-validation.jsonl' } });
    expect(inline).toContain('Every line also carries a `metadata` object');
    const sidecar = datasetCard(
      { ...sample(), settings: { ...sample().settings, format: 'openai' } },
      { files: { train: 'd-train.jsonl', validation: 'd-validation.jsonl', metadata: { train: 'd-train-metadata.jsonl', validation: 'd-validation-metadata.jsonl' } } },
    );
    expect(sidecar).toContain('`d-train-metadata.jsonl` for `d-train.jsonl` and `d-validation-metadata.jsonl` for `d-validation.jsonl`, line N describing line N');
    const off = datasetCard({ ...sample(), settings: { ...sample().settings, format: 'openai', includeMetadata: false } }, { files: { train: 'd.jsonl' } });
    expect(off).not.toContain('metadata.jsonl');
  });

  it('says how the system prompt was written', () => {
    expect(card).toContain('written into every example as a system message');
    const folded = datasetCard({ ...sample(), settings: { ...sample().settings, foldSystemPrompt: true } }, { files: { train: 'd.jsonl' } });
    expect(folded).toContain("written at the start of every example's first user message");
  });

  it('keeps user-given labels from breaking its tables', () => {
    const stats = createStats();
    addRecord(stats, baseRecord({ personaLabel: 'A | B\nC' }));
    const text = datasetCard(finishStats(stats, SETTINGS), { files: { train: 'd.jsonl' } });
    expect(text).toContain('| A \\| B C | anxious_investor | 1 | 100% |');
  });
});

import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, FORMAT_IDS } from './formats';
import type { ExportRecord, ExportRule, ExportTurn, FormatId } from './record';
import { addToReport, createValidationReport, reportSummary, validateRecord } from './validate';
import { baseRecord } from './fixtures/records';

const u = (content = 'A question?'): ExportTurn => ({ role: 'user', content });
const a = (content = 'An answer.'): ExportTurn => ({ role: 'assistant', content });
const withTurns = (turns: ExportTurn[]) => baseRecord({ turns });
const rules = (format: FormatId, record: ExportRecord, options = {}) => EXPORT_FORMATS[format].validate(record, options).map((p) => p.rule);

interface Case {
  rule: ExportRule;
  record: ExportRecord;
  options?: object;
  flaggedBy: FormatId[];
  /** Part of the message that names the place. */
  mentions: string;
}

const CASES: Case[] = [
  { rule: 'no_turns', record: withTurns([]), flaggedBy: [...FORMAT_IDS], mentions: 'no turns' },
  { rule: 'unknown_role', record: withTurns([u(), a(), { role: 'system', content: 'x' }, u(), a()]), flaggedBy: [...FORMAT_IDS], mentions: 'Turn 3 has the role "system"' },
  { rule: 'empty_content', record: withTurns([u(), a(''), u(), a()]), flaggedBy: [...FORMAT_IDS], mentions: 'Turn 2 (assistant) is empty' },
  { rule: 'empty_content', record: withTurns([u(' \n\t\u00a0'), a()]), flaggedBy: [...FORMAT_IDS], mentions: 'Turn 1 (user) is empty' },
  { rule: 'no_assistant', record: withTurns([u(), u('More?')]), options: { mergeConsecutive: true }, flaggedBy: ['openai', 'anthropic', 'sharegpt', 'hf'], mentions: 'no assistant turn' },
  { rule: 'first_not_user', record: withTurns([a('Hello, how can I help?'), u(), a()]), flaggedBy: ['anthropic', 'sharegpt', 'hf'], mentions: 'Turn 1 is from the assistant' },
  { rule: 'last_not_assistant', record: withTurns([u(), a(), u()]), flaggedBy: ['anthropic', 'sharegpt', 'hf'], mentions: 'turn 3' },
  { rule: 'consecutive_roles', record: withTurns([u(), a(), a('And another thing.'), u(), a()]), flaggedBy: ['anthropic', 'sharegpt', 'hf'], mentions: 'Turns 2 and 3 are both from the assistant' },
  { rule: 'too_many_tokens', record: withTurns([u(), a('x'.repeat(4 * 66_000))]), flaggedBy: ['openai', 'anthropic'], mentions: '65,536' },
];

describe('one broken record per rule', () => {
  for (const c of CASES) {
    for (const format of FORMAT_IDS) {
      const flagged = c.flaggedBy.includes(format);
      it(`${format} ${flagged ? 'reports' : 'accepts'} ${c.rule} (${c.mentions})`, () => {
        const problems = EXPORT_FORMATS[format].validate(c.record, c.options);
        const hit = problems.filter((p) => p.rule === c.rule);
        if (!flagged) {
          expect(hit).toEqual([]);
          return;
        }
        expect(hit.length).toBeGreaterThan(0);
        for (const p of hit) expect(p.message.length).toBeGreaterThan(20);
        if (!(format === 'anthropic' && c.rule === 'too_many_tokens')) expect(hit.map((p) => p.message).join(' ')).toContain(c.mentions);
      });
    }
  }
});

describe('rule details', () => {
  it('names the turn and field of an empty turn', () => {
    const [problem] = EXPORT_FORMATS.openai.validate(withTurns([u(), a(''), u(), a()]));
    expect(problem).toEqual({ rule: 'empty_content', message: expect.stringContaining('Turn 2'), field: 'turns[1].content' });
  });

  it('reports every pair of consecutive turns, not only the first', () => {
    const problems = EXPORT_FORMATS.anthropic.validate(withTurns([u(), u(), a(), a()]));
    expect(problems.filter((p) => p.rule === 'consecutive_roles').map((p) => p.field)).toEqual(['turns[1].role', 'turns[3].role']);
  });

  it('mergeConsecutive accepts consecutive turns, but still reports a start with the assistant', () => {
    const record = withTurns([u(), u(), a(), a()]);
    expect(rules('anthropic', record, { mergeConsecutive: true })).toEqual([]);
    expect(rules('anthropic', withTurns([a(), a(), u(), a()]), { mergeConsecutive: true })).toEqual(['first_not_user']);
  });

  it('openai accepts turns in any order as long as one is the assistant', () => {
    expect(rules('openai', withTurns([a(), a(), u()]))).toEqual([]);
  });

  it('the token limit is an option, named in the message, and counts the system prompt', () => {
    const record = withTurns([u('x'.repeat(400)), a('y'.repeat(400))]);
    expect(rules('openai', record)).toEqual([]);
    const [problem] = EXPORT_FORMATS.openai.validate(record, { maxTokensPerExample: 150, targetModel: 'my-small-model' });
    expect(problem.message).toMatch(/about 211 tokens .* limit of 150 tokens per training example for my-small-model/);
    expect(rules('openai', record, { maxTokensPerExample: 211 })).toEqual([]);
    expect(rules('openai', record, { maxTokensPerExample: 211, systemPrompt: 'Be kind.' })).toEqual(['too_many_tokens']);
  });

  it('a record with only a user turn fails the alternating formats at the end', () => {
    expect(rules('sharegpt', withTurns([u()]))).toEqual(['last_not_assistant', 'no_assistant']);
  });
});

describe('validateRecord and the report', () => {
  it('answers ok, or the problems', () => {
    expect(validateRecord('hf', baseRecord())).toEqual({ ok: true });
    const result = validateRecord('hf', withTurns([a()]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.rule)).toEqual(['first_not_user']);
  });

  it('counts valid and invalid records, rules once per conversation, and keeps the first examples', () => {
    const report = createValidationReport('anthropic', 2);
    const records = [
      baseRecord(),
      baseRecord({ conversationId: 'conv-2', turns: [u(''), a(''), u(), a()] }),
      baseRecord({ conversationId: 'conv-3', turns: [a(), u()] }),
      baseRecord({ conversationId: 'conv-4', turns: [u(), a('')] }),
    ];
    for (const r of records) addToReport(report, r, validateRecord('anthropic', r));
    expect(report).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    expect(report.byRule).toEqual({ empty_content: 2, first_not_user: 1, last_not_assistant: 1 });
    expect(report.examples.map((e) => e.conversationId)).toEqual(['conv-2', 'conv-3']);
    expect(reportSummary(report)).toBe(
      '1 of 4 conversations is ready for Anthropic (Bedrock); 3 have problems: Empty turn (2), Starts with the assistant (1), Ends with the user (1).',
    );
  });

  it('never says "ready" for a template format whose system prompt Gemma and Gemma 2 refuse, and names the fix', () => {
    for (const format of ['hf', 'sharegpt'] as const) {
      const report = createValidationReport(format, 5, { systemPrompt: 'Be kind.' });
      addToReport(report, baseRecord(), validateRecord(format, baseRecord()));
      addToReport(report, baseRecord(), validateRecord(format, baseRecord()));
      const summary = reportSummary(report);
      expect(summary).not.toMatch(/ready for/);
      expect(summary).toMatch(/^All 2 conversations pass the .* checks\. The Gemma and Gemma 2 chat templates refuse a system role/);
      expect(summary).toContain('turn on "Fold the system prompt into the first user turn"');
      expect(report.warnings).toHaveLength(1);
      addToReport(report, withTurns([a()]), validateRecord(format, withTurns([a()])));
      expect(reportSummary(report)).toMatch(/^2 of 3 conversations pass the .* checks; 1 has problems: Starts with the assistant \(1\)\. The Gemma and Gemma 2/);
    }
  });

  it('has no readiness warning when the prompt is folded, absent, or the service trains its own models', () => {
    const quiet = [
      createValidationReport('hf', 5, { systemPrompt: 'Be kind.', foldSystemPrompt: true }),
      createValidationReport('sharegpt', 5, { systemPrompt: '   ' }),
      createValidationReport('hf'),
      createValidationReport('openai', 5, { systemPrompt: 'Be kind.' }),
      createValidationReport('anthropic', 5, { systemPrompt: 'Be kind.' }),
    ];
    for (const report of quiet) {
      expect(report.warnings).toEqual([]);
      addToReport(report, baseRecord(), validateRecord(report.format, baseRecord()));
      expect(reportSummary(report)).toMatch(/^The conversation is ready for/);
    }
  });

  it('summarises an all-clear report', () => {
    const report = createValidationReport('openai');
    addToReport(report, baseRecord(), validateRecord('openai', baseRecord()));
    expect(reportSummary(report)).toBe('The conversation is ready for OpenAI.');
    addToReport(report, baseRecord(), validateRecord('openai', baseRecord()));
    expect(reportSummary(report)).toBe('All 2 conversations are ready for OpenAI.');
  });
});

describe('merging and empty turns', () => {
  it('a blank turn merged into a message with text is not a problem, and leaves no trace in the line', () => {
    const record = withTurns([u('First.'), u('  '), a(), a('')]);
    expect(rules('hf', record, { mergeConsecutive: true })).toEqual([]);
    const line = EXPORT_FORMATS.hf.toLine(record, { mergeConsecutive: true }) as { messages: { content: string }[] };
    expect(line.messages.map((m) => m.content)).toEqual(['First.', 'An answer.']);
  });

  it('a merged run of only blank turns is reported once, naming its turns', () => {
    const problems = EXPORT_FORMATS.anthropic.validate(withTurns([u(), a(' '), a(''), u(), a()]), { mergeConsecutive: true });
    expect(problems).toEqual([
      { rule: 'empty_content', message: expect.stringContaining('Turns 2 to 3 (assistant) are all empty'), field: 'turns[1].content' },
    ]);
  });
});

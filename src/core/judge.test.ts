import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { JUDGE_CRITERIA, judgeAgreement, judgeAnswerSchema, judgeBreakdownOf, judgeOffline, parseJudgeAnswer, type JudgeSubject } from './judge';

const good: JudgeSubject = {
  persona: 'young professional',
  emotion: 'anxious',
  topic: 'Emergency Fund',
  intent: 'planning',
  turns: [
    { role: 'user', content: 'I have nothing saved and I am scared a car repair will wreck me.' },
    { role: 'assistant', content: 'I understand, that feeling is completely normal and it makes sense to want a cushion. An emergency fund is money set aside for surprises; planning for three months of expenses is a good first target, and you can start with a small automatic transfer each payday.' },
    { role: 'user', content: 'How much should the first step be?' },
    { role: 'assistant', content: 'Start by planning for one thousand dollars in a separate savings account so the emergency fund is not spent by accident. Once you reach it, raise the transfer a little each month until you cover three months of essential costs.' },
  ],
};

describe('judge answer schema', () => {
  it('accepts a full rubric and names the first problem of a bad one', () => {
    const answer = judgeOffline(good);
    expect(parseJudgeAnswer(answer).ok).toBe(true);
    const bad = parseJudgeAnswer({ ...answer, empathy: { score: 11, comment: 'x' } });
    expect(bad).toEqual({ ok: false, problem: 'empathy.score: must be at most 10' });
    expect(parseJudgeAnswer({ ...answer, extra: 1 }).ok).toBe(false);
  });

  it('gives providers a JSON schema naming every criterion as required', () => {
    const schema = z.toJSONSchema(judgeAnswerSchema, { io: 'input' }) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining([...JUDGE_CRITERIA.map((c) => c.key), 'overall', 'rationale']));
  });

  it('becomes the stored breakdown with labels', () => {
    const breakdown = judgeBreakdownOf(judgeOffline(good), 'offline');
    expect(breakdown.criteria.map((c) => c.label)).toEqual(JUDGE_CRITERIA.map((c) => c.label));
    expect(breakdown.model).toBe('offline');
  });
});

describe('offline judge', () => {
  it('scores an empathetic, on-topic conversation above a curt off-topic one', () => {
    const offTopic: JudgeSubject = { ...good, turns: [good.turns[0], { role: 'assistant', content: 'Inherited IRAs must be emptied in ten years.' }, good.turns[2], { role: 'assistant', content: 'Inherited IRAs must be emptied in ten years.' }] };
    const a = judgeOffline(good);
    const b = judgeOffline(offTopic);
    expect(a.overall).toBeGreaterThan(b.overall);
    expect(a.onTopic.score).toBeGreaterThan(b.onTopic.score);
    expect(a.empathy.score).toBeGreaterThan(b.empathy.score);
    expect(b.naturalDialogue.comment).toContain('repeat');
    expect(a.correctness.comment).toContain('Not checked offline');
  });
});

describe('judgeAgreement', () => {
  it('counts approvals at or above the threshold and rejections below it as agreeing', () => {
    const result = judgeAgreement(
      [
        { judgeScore: 8, status: 'approved' },
        { judgeScore: 6, status: 'approved' },
        { judgeScore: 5, status: 'approved' },
        { judgeScore: 3, status: 'rejected' },
        { judgeScore: 9, status: 'rejected' },
        { judgeScore: 9, status: 'generated' },
      ],
      6,
    );
    expect(result).toMatchObject({ compared: 5, agreeing: 3, rate: 0.6, approvedPassed: 2, approvedFailed: 1, rejectedPassed: 1, rejectedFailed: 1 });
  });

  it('has no rate with nothing reviewed', () => {
    expect(judgeAgreement([], 6).rate).toBeNull();
  });
});

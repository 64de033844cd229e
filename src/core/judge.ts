import { z } from 'zod';
import { normalisedWords } from './minhash';

/** The rubric an LLM judge scores a conversation on, 1–10 each. */
export const JUDGE_CRITERIA = [
  { key: 'helpfulness', label: 'Helpfulness', ask: 'Does the assistant actually help with what the user asked?' },
  { key: 'empathy', label: 'Empathy fits the emotion', ask: "Does the assistant's tone fit the user's emotion?" },
  { key: 'onTopic', label: 'Stays on topic', ask: 'Does the conversation stay on its topic and intent?' },
  { key: 'correctness', label: 'Correctness', ask: 'Is the advice factually sound and free of promises it cannot keep?' },
  { key: 'naturalDialogue', label: 'Natural dialogue', ask: 'Does it read like a real exchange rather than a script?' },
] as const;
export type JudgeCriterionKey = (typeof JUDGE_CRITERIA)[number]['key'];

const scored = (what: string) =>
  z
    .object({
      score: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').describe('1 (poor) to 10 (excellent).'),
      comment: z.string().trim().min(1, 'must not be empty').max(600, 'must be at most 600 characters').describe(`One or two sentences: ${what}`),
    })
    .strict();

/**
 * What the judge answers. Providers are asked for exactly this shape (a forced tool for Anthropic,
 * a JSON schema for OpenAI-compatible servers, both generated from it) and the answer is checked
 * against it.
 */
export const judgeAnswerSchema = z
  .object({
    ...(Object.fromEntries(JUDGE_CRITERIA.map((c) => [c.key, scored(c.ask)])) as Record<JudgeCriterionKey, ReturnType<typeof scored>>),
    overall: z.number().min(1, 'must be at least 1').max(10, 'must be at most 10').describe('Overall score 1–10: would a domain expert approve this as a training example?'),
    rationale: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1,000 characters').describe('Why the overall score: the main strength and the main weakness.'),
  })
  .strict();
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;

/** Stored in conversations.judgeBreakdown; the detail's `judge`. */
export interface JudgeBreakdown {
  score: number;
  rationale: string;
  criteria: { key: string; label: string; score: number; comment: string }[];
  /** 'offline' for the heuristic judge, else the model that judged. */
  model: string;
}

export function parseJudgeAnswer(value: unknown): { ok: true; value: JudgeAnswer } | { ok: false; problem: string } {
  const result = judgeAnswerSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'output'}: ${issue.message}` };
}

export function judgeBreakdownOf(answer: JudgeAnswer, model: string): JudgeBreakdown {
  return {
    score: Math.round(answer.overall * 10) / 10,
    rationale: answer.rationale,
    criteria: JUDGE_CRITERIA.map((c) => ({ key: c.key, label: c.label, score: answer[c.key].score, comment: answer[c.key].comment })),
    model,
  };
}

export interface JudgeSubject {
  turns: { role: string; content: string }[];
  topic: string;
  intent: string;
  emotion: string;
  persona: string;
}

export const JUDGE_TOOL = 'record_judgement';
export const JUDGE_FORMAT = 'judgement';
export const JUDGE_SYSTEM_PROMPT =
  'You are a strict domain expert reviewing synthetic training conversations for a conversational assistant. Score each one honestly against the rubric; a score of 6 or more means you would approve it as a training example.';

export function judgePrompt(subject: JudgeSubject): string {
  return [
    `The user is a ${subject.persona} feeling ${subject.emotion}. The conversation should be about "${subject.topic}" with the intent "${subject.intent}".`,
    '',
    '<conversation>',
    ...subject.turns.map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${t.content}`),
    '</conversation>',
    '',
    'Score it 1–10 on each criterion, with a short comment:',
    ...JUDGE_CRITERIA.map((c) => `- ${c.key}: ${c.ask}`),
    `Then give an overall score and a rationale. Record it with the ${JUDGE_TOOL} tool.`,
  ].join('\n');
}

const clamp = (n: number) => Math.max(1, Math.min(10, Math.round(n)));
const EMPATHY = ['understand', 'sounds', 'stressful', 'worried', 'completely', 'natural', 'normal', 'feel', 'feeling', 'sorry', 'hear', 'makes', 'sense', 'glad', 'great', 'reasonable'];

/**
 * The offline judge: a heuristic from the text alone ($0, no network). It reads only what words
 * can show — topic words in the answers, empathy words when the user is not calm, answer length,
 * turn alternation and how often answers repeat their openings; correctness it cannot check, and
 * says so with a neutral 7.
 */
export function judgeOffline(subject: JudgeSubject): JudgeAnswer {
  const assistant = subject.turns.filter((t) => t.role === 'assistant');
  const assistantWords = assistant.flatMap((t) => normalisedWords(t.content));
  const avgWords = assistant.length ? assistantWords.length / assistant.length : 0;
  const helpfulness = clamp(avgWords < 15 ? 3 : avgWords < 40 ? 6 : avgWords > 260 ? 7 : 9);

  const firstAnswer = new Set(normalisedWords(assistant[0]?.content ?? ''));
  const empathyHits = EMPATHY.filter((w) => firstAnswer.has(w)).length;
  const empathy = clamp(4 + empathyHits * 2);

  const topicWords = normalisedWords(`${subject.topic} ${subject.intent}`).filter((w) => w.length > 3);
  const vocabulary = new Set(assistantWords);
  const covered = topicWords.length ? topicWords.filter((w) => vocabulary.has(w) || vocabulary.has(w.replace(/s$/, ''))).length / topicWords.length : 1;
  const onTopic = clamp(2 + covered * 8);

  let alternates = true;
  for (let i = 1; i < subject.turns.length; i++) if (subject.turns[i].role === subject.turns[i - 1].role) alternates = false;
  const openings = assistant.map((t) => normalisedWords(t.content).slice(0, 3).join(' '));
  const repeated = openings.length - new Set(openings).size;
  const naturalDialogue = clamp((alternates ? 9 : 5) - repeated * 2);

  const correctness = 7;
  const overall = Math.round(((helpfulness + empathy + onTopic + correctness + naturalDialogue) / 5) * 10) / 10;
  return {
    helpfulness: { score: helpfulness, comment: `Answers average ${Math.round(avgWords)} words${avgWords < 40 ? ', too short to help much' : ''}.` },
    empathy: { score: empathy, comment: empathyHits ? `The first answer acknowledges a ${subject.emotion} user (${empathyHits} empathy cue${empathyHits === 1 ? '' : 's'}).` : `The first answer does not acknowledge that the user feels ${subject.emotion}.` },
    onTopic: { score: onTopic, comment: `${Math.round(covered * 100)} % of the topic and intent words ("${subject.topic}", "${subject.intent}") appear in the answers.` },
    correctness: { score: correctness, comment: 'Not checked offline: the heuristic judge cannot verify facts, so it scores correctness as neutral.' },
    naturalDialogue: { score: naturalDialogue, comment: `${alternates ? 'Turns alternate' : 'Turns do not alternate'}${repeated ? `; ${repeated} answer${repeated === 1 ? '' : 's'} repeat an earlier opening` : ''}.` },
    overall,
    rationale: 'Heuristic judge (offline, $0): scored from the words alone. Enable a provider for a model-judged rubric.',
  };
}

export interface AgreementRow {
  judgeScore: number;
  status: string;
}

export interface JudgeAgreement {
  /** Reviewed (approved or rejected) conversations that have a judge score. */
  compared: number;
  agreeing: number;
  /** agreeing / compared, or null with nothing to compare. */
  rate: number | null;
  threshold: number;
  approvedPassed: number;
  approvedFailed: number;
  rejectedPassed: number;
  rejectedFailed: number;
}

/** How often the judge agrees with reviewers: ≥ threshold and approved, or < threshold and rejected. */
export function judgeAgreement(rows: Iterable<AgreementRow>, threshold: number): JudgeAgreement {
  const out = { approvedPassed: 0, approvedFailed: 0, rejectedPassed: 0, rejectedFailed: 0 };
  for (const row of rows) {
    const passed = row.judgeScore >= threshold;
    if (row.status === 'approved') out[passed ? 'approvedPassed' : 'approvedFailed']++;
    else if (row.status === 'rejected') out[passed ? 'rejectedPassed' : 'rejectedFailed']++;
  }
  const compared = out.approvedPassed + out.approvedFailed + out.rejectedPassed + out.rejectedFailed;
  const agreeing = out.approvedPassed + out.rejectedFailed;
  return { compared, agreeing, rate: compared ? Math.round((agreeing / compared) * 1000) / 1000 : null, threshold, ...out };
}

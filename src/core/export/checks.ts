import { estimateTokens } from '../pricing';
import type { ExportOptions, ExportProblem, ExportRecord, ExportTurn } from './record';

/**
 * The hand-written checks the chat formats share. They run once per record while an export
 * streams, so they make one pass over the turns and allocate only when there is a problem.
 */

/** What a format's target requires, beyond non-empty user/assistant turns. */
export interface ConversationRules {
  /** The trainer's name in messages, e.g. "Claude fine-tuning on Amazon Bedrock". */
  target: string;
  alternate: boolean;
  userFirst: boolean;
  assistantLast: boolean;
  needsAssistant: boolean;
  /** Default token limit per example and the model it belongs to; absent: no token check. */
  tokenLimit?: { max: number; model: string };
}

/** Tokens a chat message costs beyond its text (role and separators), as OpenAI's cookbook counts. */
export const TOKENS_PER_MESSAGE = 4;
/** Tokens that prime the reply at the end of every example. */
export const TOKENS_PER_EXAMPLE = 3;

const NOT_BLANK = /\S/;

export function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || !NOT_BLANK.test(text);
}

/** The system prompt to write, or undefined when the option is absent or only whitespace. */
export function systemPromptOf(options: ExportOptions | undefined): string | undefined {
  const prompt = options?.systemPrompt;
  return typeof prompt === 'string' && NOT_BLANK.test(prompt) ? prompt : undefined;
}

export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const roleName = (role: string) => (role === 'user' ? 'the user' : 'the assistant');

/**
 * Estimated tokens of one training example: about four characters per token (the estimate the
 * cost figures use) plus each message's overhead. It undercounts non-English text, so limits
 * are best kept with some headroom.
 */
export function estimateExampleTokens(record: ExportRecord, options?: ExportOptions): number {
  const system = systemPromptOf(options);
  const turns = record.turns ?? [];
  let tokens = TOKENS_PER_EXAMPLE;
  // Folded into a user message, the prompt costs its text and the blank line (at most one
  // token), unless there is no user message and it becomes one.
  if (system) tokens += estimateTokens(system) + (options?.foldSystemPrompt === true && turns.some((t) => t.role === 'user') ? 1 : TOKENS_PER_MESSAGE);
  for (let i = 0; i < turns.length; i++) {
    const content = turns[i].content;
    tokens += (typeof content === 'string' ? estimateTokens(content) : 0) + TOKENS_PER_MESSAGE;
  }
  return tokens;
}

export function checkConversation(record: ExportRecord, options: ExportOptions | undefined, rules: ConversationRules): ExportProblem[] {
  const problems: ExportProblem[] = [];
  const turns = record.turns;
  if (!Array.isArray(turns) || turns.length === 0) {
    problems.push({ rule: 'no_turns', message: 'The conversation has no turns, so there is nothing to train on.', field: 'turns' });
    return problems;
  }
  const merge = options?.mergeConsecutive === true;
  let first: string | null = null;
  let firstIndex = -1;
  let previous: string | null = null;
  let previousIndex = -1;
  let assistants = 0;
  // With merging, a run of same-role turns becomes one message: it is empty only if all its
  // turns are (chatTurns leaves blank turns out of a merged message).
  let runStart = -1;
  let runHasText = true;
  const closeRun = (end: number) => {
    if (runStart < 0 || runHasText) return;
    const role = turns[runStart].role;
    problems.push({
      rule: 'empty_content',
      message:
        end === runStart
          ? `Turn ${runStart + 1} (${role}) is empty; ${rules.target} needs text in every message.`
          : `Turns ${runStart + 1} to ${end + 1} (${role}) are all empty; ${rules.target} needs text in every message.`,
      field: `turns[${runStart}].content`,
    });
  };
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i];
    const role = turn?.role;
    if (role !== 'user' && role !== 'assistant') {
      problems.push({
        rule: 'unknown_role',
        message: `Turn ${i + 1} has the role ${JSON.stringify(role ?? null)}; only "user" and "assistant" turns can be exported.`,
        field: `turns[${i}].role`,
      });
      continue;
    }
    if (first === null) {
      first = role;
      firstIndex = i;
    }
    if (role === previous && merge) {
      if (!runHasText && !isBlank(turn.content)) runHasText = true;
    } else {
      closeRun(previousIndex);
      runStart = i;
      runHasText = !isBlank(turn.content);
    }
    if (rules.alternate && !merge && role === previous) {
      problems.push({
        rule: 'consecutive_roles',
        message: `Turns ${previousIndex + 1} and ${i + 1} are both from ${roleName(role)}; ${rules.target} needs user and assistant turns to alternate (or turn on "merge consecutive turns").`,
        field: `turns[${i}].role`,
      });
    }
    if (role === 'assistant') assistants++;
    previous = role;
    previousIndex = i;
  }
  closeRun(previousIndex);
  if (rules.userFirst && first === 'assistant') {
    problems.push({
      rule: 'first_not_user',
      message: `Turn ${firstIndex + 1} is from the assistant; ${rules.target} needs the conversation to start with a user turn.`,
      field: `turns[${firstIndex}].role`,
    });
  }
  if (rules.assistantLast && previous === 'user') {
    problems.push({
      rule: 'last_not_assistant',
      message: `The conversation ends with turn ${previousIndex + 1}, from the user; ${rules.target} needs it to end with an assistant turn.`,
      field: `turns[${previousIndex}].role`,
    });
  }
  if (rules.needsAssistant && assistants === 0 && first !== null) {
    problems.push({
      rule: 'no_assistant',
      message: `The conversation has no assistant turn; ${rules.target} needs at least one assistant message to learn from.`,
      field: 'turns',
    });
  }
  if (rules.tokenLimit) {
    const max = options?.maxTokensPerExample ?? rules.tokenLimit.max;
    const tokens = estimateExampleTokens(record, options);
    if (tokens > max) {
      const model = options?.targetModel ?? rules.tokenLimit.model;
      problems.push({
        rule: 'too_many_tokens',
        message: `The conversation is about ${formatNumber(tokens)} tokens (estimated), over the limit of ${formatNumber(max)} tokens per training example for ${model}; shorten it or leave it out.`,
        field: 'turns',
      });
    }
  }
  return problems;
}

/**
 * The turns as the chat formats write them: with `mergeConsecutive`, runs of the same role
 * become one message, their non-blank turns joined by a blank line. Returns new objects; the
 * record is not changed.
 */
export function chatTurns(record: ExportRecord, options: ExportOptions | undefined): ExportTurn[] {
  const turns = record.turns ?? [];
  const merge = options?.mergeConsecutive === true;
  const out: ExportTurn[] = [];
  for (let i = 0; i < turns.length; i++) {
    const { role, content } = turns[i];
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (merge && last && last.role === role) {
      // A blank turn adds nothing to a merged message; a blank message takes the next text.
      if (isBlank(last.content)) last.content = content;
      else if (!isBlank(content)) last.content = `${last.content}\n\n${content}`;
    } else {
      out.push({ role, content });
    }
  }
  return out;
}

/**
 * Between a folded system prompt and the first user message. Gemma 3's own chat template folds
 * a system message into the first user turn the same way, so a model trained on folded lines
 * sees what its template would have made.
 */
export const FOLD_SEPARATOR = '\n\n';

/** What a chat format writes: the system prompt for its system slot (if any) and the turns. */
export interface ChatMessages {
  system: string | undefined;
  turns: ExportTurn[];
}

/**
 * `chatTurns` plus the system prompt: in the format's system slot, or, with `foldSystemPrompt`,
 * at the start of the first user message (a user message of its own when there is none).
 */
export function chatMessages(record: ExportRecord, options: ExportOptions | undefined): ChatMessages {
  const turns = chatTurns(record, options);
  const system = systemPromptOf(options);
  if (system === undefined || options?.foldSystemPrompt !== true) return { system, turns };
  const first = turns.findIndex((t) => t.role === 'user');
  // chatTurns made fresh objects, so the first user turn can be changed in place.
  if (first === -1) turns.unshift({ role: 'user', content: system });
  else turns[first].content = `${system}${FOLD_SEPARATOR}${turns[first].content}`;
  return { system: undefined, turns };
}

/**
 * The flat, always-same-shaped metadata of `includeMetadata`: a `metadata` key on sharegpt and
 * hf lines, a line of the sidecar file for openai and anthropic. Every key is always present
 * (null when unknown) so dataset loaders infer one column type.
 */
export interface LineMetadata {
  conversationId: string;
  title: string;
  tier: string;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  qualityScore: number | null;
  model: string | null;
  generatedAt: string | null;
}

export function lineMetadata(record: ExportRecord): LineMetadata {
  return {
    conversationId: record.conversationId,
    title: record.title,
    tier: record.tier,
    persona: record.persona,
    emotion: record.emotion,
    topic: record.topic,
    intent: record.intent,
    tone: record.tone,
    qualityScore: typeof record.qualityScore === 'number' && Number.isFinite(record.qualityScore) ? record.qualityScore : null,
    model: record.model ?? null,
    generatedAt: record.generatedAt ?? null,
  };
}

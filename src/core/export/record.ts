/**
 * The one input every export format reads. It is flat on purpose: the server builds one per SQL
 * row (plus its turns) while streaming, so it must be cheap to build and cheap to read.
 */

export type ExportRole = 'user' | 'assistant';

/**
 * One turn, in conversation order. The database stores `role` as free text, so anything other
 * than 'user' or 'assistant' can arrive here; validators report it as `unknown_role`.
 */
export interface ExportTurn {
  role: ExportRole | (string & {});
  content: string;
}

export interface ExportRecord {
  /** The human-readable id, e.g. "conv-00042". */
  conversationId: string;
  title: string;
  /** 'template' | 'scenario' | 'edge_case'; free text in the database. */
  tier: string;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  personaLabel?: string | null;
  emotionLabel?: string | null;
  topicLabel?: string | null;
  intentLabel?: string | null;
  toneLabel?: string | null;
  qualityScore: number | null;
  status: string;
  turns: ExportTurn[];
  /** ISO 8601 timestamps (the server converts the database's Date values). */
  generatedAt: string | null;
  reviewedAt: string | null;
  /** The reviewer's display name or id. */
  reviewedBy?: string | null;
  reviewNotes?: string | null;
  model: string | null;
  provider: string | null;
  templateId?: string | null;
  templateVersion?: number | null;
  /** The conversation's extensible metadata (jsonb). Only the generic JSON format writes it. */
  metadata?: Record<string, unknown> | null;
}

export const FORMAT_IDS = ['openai', 'anthropic', 'sharegpt', 'hf', 'json'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && (FORMAT_IDS as readonly string[]).includes(value);
}

/** Options every format accepts; each format uses the ones that apply to it. */
export interface ExportOptions {
  /** Written into the format's system slot; omitted when empty or only whitespace. */
  systemPrompt?: string;
  /**
   * Each exported conversation's metadata (id, title, tier, dimensions, quality, model, date),
   * one flat object of always the same keys. sharegpt and hf lines carry it as a `metadata` key
   * (their loaders keep extra columns); OpenAI and Bedrock refuse keys they do not know, so for
   * openai and anthropic it goes to a sidecar file instead (see `metadataFileName`), line N
   * describing line N of the data file. The generic JSON always carries everything.
   */
  includeMetadata?: boolean;
  /**
   * Write the system prompt at the start of the first user message (followed by a blank line)
   * instead of as a system message, for base models whose chat template refuses a system role
   * (see `SYSTEM_ROLE_REFUSED_BY`). Applies to the chat formats (openai, anthropic, sharegpt, hf).
   */
  foldSystemPrompt?: boolean;
  /**
   * Join consecutive turns from the same role with a blank line instead of reporting them.
   * Applies to the chat formats (openai, anthropic, sharegpt, hf), not to the generic JSON.
   */
  mergeConsecutive?: boolean;
  /** Token limit per training example (openai, anthropic). */
  maxTokensPerExample?: number;
  /** Names the limit in messages, e.g. "gpt-4o-mini". */
  targetModel?: string;
  /**
   * openai only: 'all' writes `weight: 1` on every assistant message, 'last' trains only on the
   * last assistant message (`weight: 0` on the others). Absent: no `weight` keys at all.
   */
  weights?: 'all' | 'last';
}

export const EXPORT_RULES = [
  'no_turns',
  'unknown_role',
  'empty_content',
  'no_assistant',
  'first_not_user',
  'last_not_assistant',
  'consecutive_roles',
  'too_many_tokens',
] as const;
export type ExportRule = (typeof EXPORT_RULES)[number];

/** Short names of the rules, for the validation summary in the preview dialog. */
export const RULE_LABELS: Record<ExportRule, string> = {
  no_turns: 'No turns',
  unknown_role: 'Unknown role',
  empty_content: 'Empty turn',
  no_assistant: 'No assistant turn',
  first_not_user: 'Starts with the assistant',
  last_not_assistant: 'Ends with the user',
  consecutive_roles: 'Same role twice in a row',
  too_many_tokens: 'Too long for the model',
};

export interface ExportProblem {
  rule: ExportRule;
  /** Plain English, naming the turn number where there is one. */
  message: string;
  /** Where in the record, e.g. "turns[2].content". */
  field?: string;
}

/** One export format: how a record becomes a line, and what the target trainer would refuse. */
export interface ExportFormat<Line extends object = object> {
  id: FormatId;
  label: string;
  extension: 'jsonl' | 'json';
  description: string;
  /**
   * Where `includeMetadata` puts each conversation's metadata: a `metadata` key on the line
   * ('inline'), a sidecar file beside the data because the target refuses unknown keys
   * ('sidecar'), or nowhere extra because the format always carries it ('always').
   */
  metadataPlacement: 'inline' | 'sidecar' | 'always';
  /**
   * The object to `JSON.stringify` as one JSONL line (for `json`: one item of the
   * `conversations` array). Never throws; on a record `validate` rejects, the result is a
   * best effort that the target would refuse, so skip such records.
   */
  toLine(record: ExportRecord, options?: ExportOptions): Line;
  /** Problems the target trainer would refuse, in plain English; empty when the record is fine. */
  validate(record: ExportRecord, options?: ExportOptions): ExportProblem[];
}

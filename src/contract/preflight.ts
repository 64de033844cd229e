import { z } from 'zod';
import { bulkSelection } from './bulk';

/** A base model a dataset can be checked against, and whether its tokenizer package is installed. */
export const preflightModel = z.object({
  id: z.string(),
  label: z.string(),
  installed: z.boolean(),
  /** Loaded in this server already: the next check skips the tokenizer's load (seconds). */
  loaded: z.boolean(),
  packageName: z.string(),
  sizeMb: z.number(),
  optional: z.boolean(),
  notes: z.string(),
  /** How to add it when it is not installed. */
  installCommand: z.string(),
});
export type PreflightModel = z.infer<typeof preflightModel>;

export const preflightModels = z.object({ items: z.array(preflightModel) });
export type PreflightModels = z.infer<typeof preflightModels>;

const checkId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');

/**
 * What to check: a base model, the trainer's maximum sequence length, which conversations (the
 * table's selection or filter, as for exports; approved ones when omitted) and the export's
 * system prompt, which is rendered into every conversation.
 */
export const preflightRequest = z
  .object({
    baseModel: z.string().min(1, 'must name a base model, e.g. llama-3.1').max(64),
    maxSeqLen: z.number().int().min(128, 'must be at least 128 tokens').max(1_048_576, 'must be at most 1,048,576 tokens'),
    selection: bulkSelection.optional(),
    approvedOnly: z.boolean().default(true).describe('Only approved conversations (the default, as for exports).'),
    systemPrompt: z.string().max(20_000, 'must be at most 20,000 characters').optional(),
    foldSystemPrompt: z.boolean().optional().describe("The export's option: the system prompt starts the first user message, followed by a blank line, instead of being a system message."),
    checkId: checkId.optional().describe('An id the caller chooses, to follow this check with GET /api/preflight/progress?checkId=… while it runs.'),
  })
  .strict();
export type PreflightRequest = z.infer<typeof preflightRequest>;
export type PreflightRequestInput = z.input<typeof preflightRequest>;

const listedConversation = { id: z.string(), conversationId: z.string() };

export const preflightResult = z.object({
  baseModel: z.string(),
  maxSeqLen: z.number(),
  /** Conversations checked (those with text in the selection). */
  count: z.number(),
  /** Over the conversations the template rendered. */
  tokens: z.object({ p50: z.number(), p95: z.number(), max: z.number() }),
  /** Longer than maxSeqLen: a trainer truncates them (or drops them). */
  overLimit: z.number(),
  overLimitItems: z.array(z.object({ ...listedConversation, tokens: z.number() })).describe('The longest ones first, up to 200.'),
  /** Conversations the chat template refuses, with its reason (up to 200; refusedCount has them all). */
  refused: z.array(z.object({ ...listedConversation, reason: z.string() })),
  refusedCount: z.number(),
  /** Assistant tokens over all tokens: the share an assistant-only loss trains on. */
  assistantTokenShare: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number(), overLimit: z.boolean() })),
  /** How many were counted now; the rest came from stored counts of unchanged conversations. */
  countedNow: z.number(),
  /** The tokenizer's load time when this check loaded it, else 0. */
  loadMs: z.number(),
});
export type PreflightResult = z.infer<typeof preflightResult>;

/** `GET /api/preflight/progress`: one check by the id given with its POST, or the latest check. */
export const preflightProgressQuery = z.object({ checkId: checkId.optional() }).strict();

/** Where a running (or just finished) check stands: loading the tokenizer, then counting. */
export const preflightProgress = z.object({
  checkId: z.string(),
  baseModel: z.string(),
  phase: z.enum(['loading', 'counting', 'done', 'failed']),
  /** Conversations in the selection; 0 until the tokenizer is loaded. */
  total: z.number(),
  /** Checked so far, counted now or read from stored counts. */
  done: z.number(),
  /** Of `done`, how many were counted now. */
  countedNow: z.number(),
  /** What is happening, in words: "Loading the Llama 3.1 tokenizer…", "Counted 12,400 of 35,115". */
  message: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PreflightProgress = z.infer<typeof preflightProgress>;
/** `{ progress: null }` when no check with that id is running or recently finished. */
export const preflightProgressResponse = z.object({ progress: preflightProgress.nullable() });
export type PreflightProgressResponse = z.infer<typeof preflightProgressResponse>;

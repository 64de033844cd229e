import { z } from 'zod';
import { MAX_REGENERATE_AT_ONCE, REGENERATION_SKIP_REASONS } from '../core/regeneration';
import { bulkSelection } from './bulk';

/** The reviewer's note: why the conversation is rejected, and what the new version must do instead. Same limit as review notes. */
const guidance = z.string().trim().min(1, 'must say what was wrong and what the new version should do (it goes into the new prompt)').max(500, 'must be at most 500 characters');

/** `POST /api/conversations/:id/regenerate-with-guidance`. */
export const regenerateRequest = z.object({ guidance }).strict();
export type RegenerateRequest = z.infer<typeof regenerateRequest>;

const replacement = z.object({
  /** The new conversation, planned for the same slot. */
  id: z.string(),
  conversationId: z.string(),
  /** The rejected conversation it replaces. */
  replaces: z.object({ id: z.string(), conversationId: z.string() }),
  guidance: z.string(),
});

export const regenerateResult = replacement.extend({
  /** The one-conversation run generating it, or null when the caller's role may review but not generate. */
  runId: z.string().nullable(),
  message: z.string(),
});
export type RegenerateResult = z.infer<typeof regenerateResult>;

/** `POST /api/conversations/regenerate-with-guidance`: several at once; without guidance each uses its own rejection note. */
export const regenerateManyRequest = z
  .object({
    conversationIds: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be a conversation id such as conv-00017, or its UUID')).min(1, 'must name at least one conversation').max(MAX_REGENERATE_AT_ONCE, `must name at most ${MAX_REGENERATE_AT_ONCE} conversations`),
    guidance: guidance.optional(),
  })
  .strict();

export const regenerateManyResult = z.object({
  created: z.array(replacement),
  skipped: z.array(z.object({ id: z.string(), conversationId: z.string().nullable(), reason: z.string() })),
  message: z.string(),
});
export type RegenerateManyResult = z.infer<typeof regenerateManyResult>;

/** `POST /api/conversations/regenerate-with-guidance/preview`: what the bulk action would do to a selection now; nothing changes. */
export const regeneratePreviewRequest = z.object({ selection: bulkSelection }).strict();
export type RegeneratePreviewRequest = z.infer<typeof regeneratePreviewRequest>;

export const regeneratePreview = z.object({
  /** Conversations the selection names now. */
  selected: z.number().int(),
  /** Ids sent that name no conversation (deleted meanwhile, or mistyped). */
  notFound: z.number().int(),
  /** The ones that would be rejected (or, already rejected, keep their rejection) and planned again, by human id, in id order: send these to the bulk action. */
  conversationIds: z.array(z.string()),
  /** Of those, how many are not rejected yet: the action rejects them with the guidance as the note. */
  toReject: z.number().int(),
  /** How many would be skipped, and why. */
  skippedByReason: z.object(Object.fromEntries(REGENERATION_SKIP_REASONS.map((r) => [r, z.number().int()])) as Record<(typeof REGENERATION_SKIP_REASONS)[number], z.ZodNumber>),
  /** More would be regenerated than one request takes (MAX_REGENERATE_AT_ONCE): the selection must be narrowed. */
  tooMany: z.boolean(),
  max: z.number().int(),
});
export type RegeneratePreview = z.infer<typeof regeneratePreview>;

import { z } from 'zod';

/**
 * What a provider must return for one conversation. Real providers are asked for exactly this
 * shape (a forced tool or a JSON schema); anything else is a `malformed_output` error.
 */
export const generatedConversationSchema = z
  .object({
    title: z.string().min(1).max(200),
    turns: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1).max(20_000) }))
      .min(2)
      .max(60),
    confidence: z.number().min(1).max(10).optional(),
  })
  .superRefine((value, ctx) => {
    const { turns } = value;
    if (turns[0]?.role !== 'user') ctx.addIssue({ code: 'custom', path: ['turns', 0, 'role'], message: 'the first turn must be the user' });
    if (turns[turns.length - 1]?.role !== 'assistant') ctx.addIssue({ code: 'custom', path: ['turns', turns.length - 1, 'role'], message: 'the last turn must be the assistant' });
    for (let i = 1; i < turns.length; i++) {
      if (turns[i].role === turns[i - 1].role) {
        ctx.addIssue({ code: 'custom', path: ['turns', i, 'role'], message: 'roles must alternate between user and assistant' });
        break;
      }
    }
  });
export type GeneratedConversation = z.infer<typeof generatedConversationSchema>;

export type ParseResult = { ok: true; value: GeneratedConversation } | { ok: false; problem: string };

/** Validates a provider's output, describing the first problem in words. */
export function parseGeneratedConversation(value: unknown): ParseResult {
  const result = generatedConversationSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'output'}: ${issue.message}` };
}

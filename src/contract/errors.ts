import { z } from 'zod';

/** Every API error has this shape (DESIGN.md, Conventions). */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    hint: z.string(),
    retryable: z.boolean(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ApiError = z.infer<typeof apiError>;

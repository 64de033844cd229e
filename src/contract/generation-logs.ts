import { z } from 'zod';
import { calendarDate } from './calendar-date';

export const generationLogQuery = z
  .object({
    conversationId: z.string().min(1).max(64).optional(),
    runId: z.uuid('must be a run id').optional(),
    templateId: z.uuid('must be a template id').optional(),
    userId: z.string().min(1).max(64).optional(),
    status: z.enum(['success', 'error']).optional(),
    /** One or more error kinds, comma-separated: `rate_limited,timeout`. */
    errorKind: z
      .string()
      .max(500)
      .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be error kinds such as rate_limited, comma-separated')).min(1).max(20))
      .optional(),
    from: z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-01-31T00:00:00Z' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-01-31T23:59:59Z' }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type GenerationLogQuery = z.infer<typeof generationLogQuery>;

/**
 * The error log page's URL state (`/errors?errorKind=auth&from=2026-05-01`): the list query's
 * filters and page, with the range as local calendar days. The page always asks for failed calls.
 */
export const errorLogSearch = z.object({
  conversationId: generationLogQuery.shape.conversationId,
  runId: generationLogQuery.shape.runId,
  templateId: generationLogQuery.shape.templateId,
  errorKind: generationLogQuery.shape.errorKind,
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  page: generationLogQuery.shape.page,
});

export const generationLogSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  conversationId: z.string().nullable(),
  conversationLabel: z.string().nullable(),
  runId: z.string().nullable(),
  templateId: z.string().nullable(),
  templateVersion: z.number().nullable(),
  provider: z.string(),
  model: z.string(),
  status: z.enum(['success', 'error']),
  attempt: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  costUsd: z.number(),
  durationMs: z.number(),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  httpStatus: z.number().nullable(),
});
export type GenerationLogSummary = z.infer<typeof generationLogSummary>;

export const generationLogPage = z.object({ items: z.array(generationLogSummary), total: z.number() });
export type GenerationLogPage = z.infer<typeof generationLogPage>;

export const generationLogDetail = generationLogSummary.extend({
  requestPayload: z.unknown(),
  responsePayload: z.unknown(),
  parameters: z.record(z.string(), z.unknown()),
});
export type GenerationLogDetail = z.infer<typeof generationLogDetail>;

import { z } from 'zod';

export const RUN_STATUSES = ['queued', 'running', 'paused', 'cancelled', 'completed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runProgress = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(RUN_STATUSES),
  total: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  pending: z.number(),
  inProgress: z.number(),
  current: z.array(z.object({ conversationId: z.string(), id: z.string(), label: z.string() })),
  etaSeconds: z.number().nullable(),
  spentUsd: z.number(),
  estimatedCostUsd: z.number().nullable(),
  spendingLimitUsd: z.number().nullable(),
  throttledUntil: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunProgress = z.infer<typeof runProgress>;

export const generateResponse = z.object({ runId: z.string() });

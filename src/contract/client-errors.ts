import { z } from 'zod';

/** What the web app's error boundary reports when a section of the page crashes (US11.3.2). */
export const clientErrorReport = z
  .object({
    message: z.string().trim().min(1).max(2000),
    name: z.string().max(200).optional(),
    stack: z.string().max(20_000).optional(),
    componentStack: z.string().max(20_000).optional(),
    /** The section of the page that failed, e.g. "navigation" or "page". */
    section: z.string().max(100).optional(),
    url: z.string().max(2000),
    appVersion: z.string().max(50).optional(),
    userAgent: z.string().max(500).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
  })
  .strict();
export type ClientErrorReport = z.infer<typeof clientErrorReport>;

export const clientErrorReceipt = z.object({ reportId: z.string() });
export type ClientErrorReceipt = z.infer<typeof clientErrorReceipt>;

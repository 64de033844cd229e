/**
 * Pure helpers of the error boundary (US11.3.2): which crashes are worth an automatic retry, and
 * the report a user can copy or send.
 */

/**
 * Errors that usually pass on their own: a lazily loaded chunk that a redeploy replaced, or a
 * dropped connection. A bug in the code fails the same way every time and is not retried.
 */
export function isTransientError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: unknown; message?: unknown; status?: unknown; code?: unknown; retryable?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (name === 'ChunkLoadError') return true;
  if (/Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Loading (CSS )?chunk [\w-]+ failed/i.test(message)) return true;
  // The API client's "could not reach convgen" (status 0), and fetch's own network TypeErrors.
  if (e.code === 'network' || e.status === 0) return true;
  if (name === 'TypeError' && /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/i.test(message)) return true;
  return false;
}

export interface CrashReport {
  message: string;
  name?: string;
  stack?: string;
  componentStack?: string;
  section: string;
  url: string;
  appVersion?: string;
  userAgent?: string;
  occurredAt: string;
}

const clip = (s: string | undefined, max: number) => (s && s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The report posted to POST /api/client-errors: the field limits match its schema. */
export function buildCrashReport(error: unknown, context: { section: string; url: string; appVersion?: string; userAgent?: string; componentStack?: string | null; now?: Date }): CrashReport {
  const e = error instanceof Error ? error : null;
  const message = (e?.message || (typeof error === 'string' ? error : '') || 'Unknown error').trim() || 'Unknown error';
  return {
    message: clip(message, 2000)!,
    name: clip(e?.name, 200),
    stack: clip(e?.stack, 20_000),
    componentStack: clip(context.componentStack ?? undefined, 20_000),
    section: clip(context.section, 100)!,
    url: clip(context.url, 2000)!,
    appVersion: clip(context.appVersion, 50),
    userAgent: clip(context.userAgent, 500),
    occurredAt: (context.now ?? new Date()).toISOString(),
  };
}

/** The same report as text for the clipboard or an email. */
export function formatCrashReport(report: CrashReport, reportId?: string): string {
  return [
    'convgen issue report',
    reportId ? `Reference: ${reportId}` : null,
    `When: ${report.occurredAt}`,
    `Section: ${report.section}`,
    `Page: ${report.url}`,
    `App version: ${report.appVersion ?? 'unknown'}`,
    report.userAgent ? `Browser: ${report.userAgent}` : null,
    '',
    `Error: ${report.name ? `${report.name}: ` : ''}${report.message}`,
    report.stack ? `\nStack:\n${report.stack}` : null,
    report.componentStack ? `\nComponents:${report.componentStack}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

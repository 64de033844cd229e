import type { ErrorGuide } from '../../../core/error-guide';
import { ERROR_CATEGORY_LABELS, explainError } from '../../../core/error-guide';

/** The parts of a failed conversation a support request needs. */
export interface FailureFacts {
  conversationId: string;
  message: string;
  kind: string | null;
  httpStatus: number | null;
  attempts: number | null;
  at: string | null;
  runId: string | null;
  provider: string | null;
  model: string | null;
  why: string | null;
  metadata: Record<string, string | null>;
  /** The latest failed calls, newest first. */
  calls: { at: string; attempt: number; kind: string | null; httpStatus: number | null; message: string | null }[];
}

/**
 * Plain text for a support ticket (the "Copy details" button): the plain-English explanation first,
 * then the raw facts a technical reader needs. No secrets are in any of these fields.
 */
export function formatFailureReport(facts: FailureFacts, guide: ErrorGuide, context: { appVersion?: string; url?: string } = {}): string {
  const lines = [
    `convgen error report: ${facts.conversationId}`,
    '',
    `${guide.title} (${ERROR_CATEGORY_LABELS[guide.category]}, ${guide.retryable ? 'retryable' : 'permanent'})`,
    guide.whatHappened,
    `Next step: ${guide.nextStep}`,
    '',
    `Error message: ${facts.message}`,
    `Kind: ${guide.name}`,
    `HTTP status: ${facts.httpStatus ?? 'none'}`,
    `Attempts: ${facts.attempts ?? 'unknown'}`,
    `Failed at: ${facts.at ?? 'unknown'}`,
  ];
  if (facts.why) lines.push(`Not retried because: ${facts.why}`);
  if (facts.runId) lines.push(`Run: ${facts.runId}`);
  if (facts.provider || facts.model) lines.push(`Provider: ${[facts.provider, facts.model].filter(Boolean).join(' / ')}`);
  lines.push('', 'Conversation:');
  for (const [key, value] of Object.entries(facts.metadata)) lines.push(`  ${key}: ${value ?? '—'}`);
  if (facts.calls.length) {
    lines.push('', 'Recent failed calls (newest first):');
    for (const c of facts.calls) lines.push(`  ${c.at}  attempt ${c.attempt}  ${explainError(c).name}${c.httpStatus ? ` (HTTP ${c.httpStatus})` : ''}  ${c.message ?? ''}`.trimEnd());
  }
  if (context.appVersion || context.url) lines.push('', `App version: ${context.appVersion ?? 'unknown'}`, `Page: ${context.url ?? 'unknown'}`);
  return lines.join('\n');
}

/** A mailto: link with the report as its body, for the "Email a support request" link (no recipient: the user picks one). */
export function supportMailto(subject: string, body: string): string {
  // Mail clients cut very long mailto URLs; the copied report has everything.
  const short = body.length > 1800 ? `${body.slice(0, 1800)}\n… (use "Copy details" for the full report)` : body;
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(short)}`;
}

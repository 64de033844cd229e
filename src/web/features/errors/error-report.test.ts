import { describe, expect, it } from 'vitest';
import { explainError } from '../../../core/error-guide';
import { formatFailureReport, supportMailto, type FailureFacts } from './error-report';

const facts: FailureFacts = {
  conversationId: 'conv-00004',
  message: 'The provider refused the API key. (401: Incorrect API key provided.)',
  kind: 'auth',
  httpStatus: 401,
  attempts: 1,
  at: '2026-05-01T10:00:00.000Z',
  runId: 'run-1',
  provider: 'openai',
  model: 'gpt-4o-mini',
  why: 'Authentication errors are not retried.',
  metadata: { persona: 'Anxious Investor', emotion: 'Worried', tier: 'Template' },
  calls: [{ at: '2026-05-01T10:00:00.000Z', attempt: 1, kind: 'auth', httpStatus: 401, message: 'Incorrect API key' }],
};

describe('formatFailureReport', () => {
  it('puts the plain explanation first, then every fact a support person asks for', () => {
    const text = formatFailureReport(facts, explainError({ kind: 'auth', httpStatus: 401 }), { appVersion: '0.1.0', url: 'http://x/conversations' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('convgen error report: conv-00004');
    expect(lines[2]).toBe('The API key was refused (User error, permanent)');
    for (const piece of ['Kind: API key refused', 'HTTP status: 401', 'Attempts: 1', 'Run: run-1', 'Provider: openai / gpt-4o-mini', '  persona: Anxious Investor', 'attempt 1  API key refused (HTTP 401)  Incorrect API key', 'App version: 0.1.0', 'Not retried because: Authentication errors are not retried.']) {
      expect(text).toContain(piece);
    }
    expect(text).not.toMatch(/\bauth\b/);
  });

  it('says "none" and "unknown" rather than leaving blanks', () => {
    const text = formatFailureReport({ ...facts, httpStatus: null, attempts: null, kind: null, calls: [], why: null, runId: null, provider: null, model: null }, explainError({ kind: null }));
    expect(text).toContain('HTTP status: none');
    expect(text).toContain('Attempts: unknown');
    expect(text).toContain('Kind: Unknown error');
    expect(text).not.toContain('Recent failed calls');
    expect(text).not.toContain('App version');
  });
});

describe('supportMailto', () => {
  it('encodes subject and body and shortens very long bodies', () => {
    const link = supportMailto('convgen: conv-1 failed', 'a & b\nline');
    expect(link).toBe('mailto:?subject=convgen%3A%20conv-1%20failed&body=a%20%26%20b%0Aline');
    expect(decodeURIComponent(supportMailto('s', 'x'.repeat(5000)))).toContain('use "Copy details" for the full report');
  });
});

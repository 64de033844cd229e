import { describe, expect, it } from 'vitest';
import { RETRYABLE_KINDS } from './provider-errors';
import { PROVIDER_ERROR_KINDS } from './retry-policy';
import { describeErrorBadge, ERROR_CATEGORIES, errorKindName, explainError, KNOWN_ERROR_KINDS, normalizeErrorKind, RECORDED_ERROR_KINDS } from './error-guide';

describe('explainError', () => {
  it('gives the rate-limit advice of US11.3.1, as a retryable API error', () => {
    const guide = explainError({ kind: 'rate_limited', httpStatus: 429 });
    expect(guide).toMatchObject({ kind: 'rate_limited', title: 'Rate limit hit', retryable: true, category: 'api', action: 'retry' });
    expect(guide.nextStep).toContain('Rate limit hit. Wait 60 seconds or reduce batch size');
  });

  it('explains every provider error kind, and agrees with the worker on which are retryable', () => {
    for (const kind of PROVIDER_ERROR_KINDS) {
      const guide = explainError({ kind });
      expect(guide.title, kind).not.toBe('Generation failed');
      expect(guide.retryable, kind).toBe(RETRYABLE_KINDS.has(kind));
    }
  });

  it('calls a template without a value a permanent user error that needs fixing first', () => {
    const guide = explainError({ kind: 'template_missing_parameters', message: 'The prompt template needs {persona}…' });
    expect(guide).toMatchObject({ retryable: false, category: 'user', action: 'fix' });
    expect(guide.nextStep).toMatch(/\{name\?text\}/);
  });

  it('treats a bad API key and an invalid request as things the user must fix', () => {
    expect(explainError({ kind: 'auth', httpStatus: 401 })).toMatchObject({ category: 'user', retryable: false, action: 'fix' });
    expect(explainError({ kind: 'invalid_request', httpStatus: 400 })).toMatchObject({ category: 'user', retryable: false });
  });

  it('recognises a connection failure recorded as a server error without an HTTP status', () => {
    const network = explainError({ kind: 'server', message: 'Could not reach the provider (Connection error.).' });
    expect(network).toMatchObject({ kind: 'network', title: 'convgen could not reach the AI provider', retryable: true, category: 'api' });
    expect(network.nextStep).toMatch(/base URL/);
    // With an HTTP status it was answered, so it was the provider's own error.
    expect(explainError({ kind: 'server', message: 'Could not reach the provider', httpStatus: 500 }).kind).toBe('server');
    expect(explainError({ kind: 'server', message: 'The provider had an internal error. (500: boom)' }).kind).toBe('server');
  });

  it('accepts other spellings of the same kinds', () => {
    expect(normalizeErrorKind('server_error')).toBe('server');
    expect(normalizeErrorKind(' Bad_Request ')).toBe('invalid_request');
    expect(explainError({ kind: 'template_parameter_missing' }).category).toBe('user');
  });

  it('gives unknown and missing kinds a safe default that recommends reporting', () => {
    for (const kind of ['something_new', '', null, undefined]) {
      const guide = explainError({ kind });
      expect(guide).toMatchObject({ title: 'Generation failed', retryable: false, category: 'system', action: 'support' });
    }
    expect(explainError({ kind: 'something_new' }).kind).toBe('something_new');
    expect(explainError({ kind: null }).kind).toBe('unknown');
  });

  it('puts convgen’s own failures in the system category', () => {
    expect(explainError({ kind: 'internal' }).category).toBe('system');
    expect(explainError({ kind: 'lease_lost' }).action).toBe('none');
  });

  it('writes every explanation in full sentences without raw codes', () => {
    for (const kind of KNOWN_ERROR_KINDS) {
      const guide = explainError({ kind, message: kind === 'network' ? 'Could not reach the provider' : undefined });
      expect(ERROR_CATEGORIES).toContain(guide.category);
      for (const text of [guide.whatHappened, guide.nextStep]) {
        expect(text, kind).toMatch(/[.!]$/);
        expect(text, kind).not.toMatch(/_/);
      }
    }
  });

  it('lists the kinds the worker records, for the log filter', () => {
    expect(RECORDED_ERROR_KINDS).toContain('template_missing_parameters');
    expect(RECORDED_ERROR_KINDS).toContain('network');
    for (const kind of PROVIDER_ERROR_KINDS) expect(RECORDED_ERROR_KINDS).toContain(kind);
  });

  it('names every kind in words, never by its code', () => {
    for (const kind of KNOWN_ERROR_KINDS) {
      const name = errorKindName(kind);
      expect(name, kind).not.toMatch(/_/);
      expect(name, kind).toMatch(/^[A-Z]/);
    }
    expect(errorKindName('network')).toBe('Network failure');
    expect(errorKindName('rate_limited')).toBe('Rate limit');
    expect(errorKindName('rate_limit')).toBe('Rate limit');
    expect(errorKindName('budget_exceeded')).toBe('Budget exceeded');
    expect(errorKindName(null)).toBe('Unknown error');
  });
});

describe('describeErrorBadge', () => {
  it('names the category and whether a retry can help', () => {
    expect(describeErrorBadge({ category: 'api', retryable: true })).toBe('API error · retryable');
    expect(describeErrorBadge({ category: 'user', retryable: false })).toBe('User error · permanent');
  });
});

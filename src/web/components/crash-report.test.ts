import { describe, expect, it } from 'vitest';
import { clientErrorReport } from '../../contract/client-errors';
import { ApiError } from '../lib/api';
import { buildCrashReport, formatCrashReport, isTransientError } from './crash-report';

describe('isTransientError', () => {
  it('retries chunk loads a redeploy broke and dropped connections', () => {
    expect(isTransientError(new TypeError('Failed to fetch dynamically imported module: http://x/assets/errors-page-abc.js'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('Loading chunk 42 failed.'), { name: 'ChunkLoadError' }))).toBe(true);
    expect(isTransientError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransientError(new ApiError(0, 'network', 'convgen could not be reached.', 'Check…', true, {}))).toBe(true);
  });

  it('does not retry bugs or answers the server gave on purpose', () => {
    expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isTransientError(new ApiError(403, 'forbidden', 'No.', '', false, {}))).toBe(false);
    expect(isTransientError('boom')).toBe(false);
    expect(isTransientError(null)).toBe(false);
  });
});

describe('buildCrashReport', () => {
  const error = new TypeError("Cannot read properties of undefined (reading 'map')");

  it('fits the API schema, with message, stack, section, URL and version', () => {
    const report = buildCrashReport(error, { section: 'page', url: 'http://localhost:3000/errors', appVersion: '0.1.0', userAgent: 'Chromium', componentStack: '\n    at ErrorsPage', now: new Date('2026-05-01T10:00:00Z') });
    expect(clientErrorReport.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({ message: error.message, name: 'TypeError', section: 'page', appVersion: '0.1.0', occurredAt: '2026-05-01T10:00:00.000Z' });
    expect(report.stack).toContain('TypeError');
  });

  it('clips oversized fields instead of being refused', () => {
    const huge = new Error('x'.repeat(5000));
    huge.stack = 'y'.repeat(50_000);
    const report = buildCrashReport(huge, { section: 's', url: 'http://x/' + 'z'.repeat(3000) });
    expect(clientErrorReport.safeParse(report).success).toBe(true);
    expect(report.message.length).toBeLessThanOrEqual(2000);
  });

  it('copes with things thrown that are not errors', () => {
    expect(buildCrashReport('plain string', { section: 's', url: 'u' }).message).toBe('plain string');
    expect(buildCrashReport(undefined, { section: 's', url: 'u' }).message).toBe('Unknown error');
  });

  it('formats as text with the reference id when the server gave one', () => {
    const text = formatCrashReport(buildCrashReport(error, { section: 'navigation', url: 'http://x/runs', appVersion: '0.1.0' }), 'abc-123');
    expect(text).toContain('Reference: abc-123');
    expect(text).toContain('Section: navigation');
    expect(text).toContain("Error: TypeError: Cannot read properties of undefined (reading 'map')");
    expect(text).toContain('App version: 0.1.0');
  });
});

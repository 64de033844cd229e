import { expect } from 'vitest';
import type { ConversationListResponse } from '../../src/contract/conversations';
import type { CoverageReport } from '../../src/contract/coverage';
import type { TestApp } from './app';

/** GET /api/coverage as a viewer; `query` is the query string with its `?`. */
export async function readCoverage(t: TestApp, query = ''): Promise<CoverageReport> {
  const res = await t.as('viewer', { method: 'GET', url: `/api/coverage${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CoverageReport>();
}

/** How many conversations the table lists for `query` (the figure coverage must agree with). */
export async function listTotal(t: TestApp, query: string): Promise<number> {
  return (await t.as('viewer', { method: 'GET', url: `/api/conversations?pageSize=25&${query}` })).json<ConversationListResponse>().total;
}

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import { queryRows } from '../../src/db/client';
import { generationRuns } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ worker: true, offlineLatencyMs: 0 });
});
afterAll(() => t.close());

const progress = async (runId: string) => (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
const waitForEnd = (runId: string) => waitFor(async () => {
  const p = await progress(runId);
  return ['completed', 'cancelled'].includes(p.status) ? p : null;
});

describe('POST /api/runs/estimate', () => {
  it('counts what a tier would generate, with cost and time per tier', async () => {
    const res = await t.as('generator', { method: 'POST', url: '/api/runs/estimate', payload: { tier: 'edge_case' } });
    expect(res.statusCode).toBe(200);
    const estimate = res.json();
    expect(estimate).toMatchObject({ count: 15, provider: 'offline', model: 'offline', estimatedCostUsd: 0, basis: 'token_estimate' });
    expect(estimate.byTier.edge_case.count).toBe(15);
    expect(estimate.byTier.template.count).toBe(0);
    expect(estimate.estimatedSeconds).toBeGreaterThan(0);
  });

  it('skips seeds and says so', async () => {
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/runs/estimate', payload: { conversationIds: ['seed-001', 'conv-00090'] } })).json();
    expect(estimate.count).toBe(1);
    expect(estimate.skipped).toBe(1);
    expect(estimate.warnings.join(' ')).toMatch(/skipped/);
  });

  it.each([
    [{}, 'conversationIds'],
    [{ tier: 'template', all: true }, 'all'],
    [{ tier: 'gold' }, 'tier'],
    [{ filter: { persona: ['Not A Key'] } }, 'filter'],
    [{ conversationIds: [] }, 'conversationIds'],
  ])('refuses the selector %j', async (payload, field) => {
    const res = await t.as('generator', { method: 'POST', url: '/api/runs/estimate', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(`'${field}`);
  });
});

describe('runs', () => {
  it('generates a filtered selection to the end, reporting progress', async () => {
    const res = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { filter: { persona: ['anxious_investor'], tier: ['template'] } } });
    expect(res.statusCode, res.body).toBe(201);
    const { runId, total } = res.json();
    expect(total).toBeGreaterThan(0);
    const done = await waitForEnd(runId);
    expect(done).toMatchObject({ status: 'completed', total, succeeded: total, failed: 0, pending: 0, inProgress: 0 });
    const left = (await t.as('viewer', { method: 'GET', url: '/api/conversations?persona=anxious_investor&tier=template&status=not_generated' })).json();
    expect(left.total).toBe(0);
  });

  it('refuses a run when nothing can be generated', async () => {
    const res = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds: ['seed-001'] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.hint).toBeTruthy();
  });

  it('lets viewers watch but not start runs', async () => {
    expect((await t.as('viewer', { method: 'POST', url: '/api/runs', payload: { all: true } })).statusCode).toBe(403);
    expect((await t.as('reviewer', { method: 'POST', url: '/api/runs/estimate', payload: { all: true } })).statusCode).toBe(403);
  });

  it('pauses, resumes and cancels, and refuses a move that makes no sense', async () => {
    const { runId } = (await t.as('generator', { method: 'POST', url: '/api/runs', payload: { tier: 'scenario', concurrency: 1 } })).json();
    const paused = await t.as('generator', { method: 'POST', url: `/api/runs/${runId}/pause` });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().status).toBe('paused');
    const before = (await progress(runId)).succeeded;
    // Nothing new starts while paused: whatever was in flight finishes, then the count stands still.
    await waitFor(async () => ((await progress(runId)).inProgress === 0 ? true : null));
    const settled = (await progress(runId)).succeeded;
    expect(settled - before).toBeLessThanOrEqual(1);
    expect((await t.as('generator', { method: 'POST', url: `/api/runs/${runId}/pause` })).statusCode).toBe(409);
    expect((await t.as('generator', { method: 'POST', url: `/api/runs/${runId}/resume` })).json().status).toMatch(/queued|running/);
    const cancelled = await t.as('generator', { method: 'POST', url: `/api/runs/${runId}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    const final = await waitFor(async () => {
      const p = await progress(runId);
      return p.inProgress === 0 ? p : null;
    });
    expect(final.pending).toBe(0);
    expect((await t.as('generator', { method: 'POST', url: `/api/runs/${runId}/resume` })).statusCode).toBe(409);
  });

  it('answers 404 for an unknown run and 400 for a malformed id', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/runs/00000000-0000-0000-0000-000000000000' })).statusCode).toBe(404);
    expect((await t.as('viewer', { method: 'GET', url: '/api/runs/not-an-id' })).statusCode).toBe(400);
  });

  it('keeps run totals, item costs and log costs equal', async () => {
    const { runId } = (await t.as('generator', { method: 'POST', url: '/api/runs', payload: { tier: 'edge_case' } })).json();
    await waitForEnd(runId);
    const [row] = await queryRows<{ logs: number; items: number; convs: number }>(
      t.services.ctx.database.db,
      sql`select (select coalesce(sum(cost_usd), 0) from generation_logs where run_id = ${runId})::float8 as logs,
                 (select coalesce(sum(cost_usd), 0) from run_items where run_id = ${runId})::float8 as items,
                 (select coalesce(sum(c.cost_usd), 0) from conversations c join run_items ri on ri.conversation_id = c.id where ri.run_id = ${runId})::float8 as convs`,
    );
    const [run] = await t.services.ctx.database.db.select().from(generationRuns).where(eq(generationRuns.id, runId));
    expect(row.logs).toBeCloseTo(run.spentUsd, 9);
    expect(row.items).toBeCloseTo(run.spentUsd, 9);
    expect(row.convs).toBeCloseTo(run.spentUsd, 9);
    expect(run.reservedUsd).toBeCloseTo(0, 9);
  });
});

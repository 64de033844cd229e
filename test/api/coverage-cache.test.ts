import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { listTotal as listTotalOf, readCoverage } from '../support/coverage';
import { waitFor } from '../support/wait';

/**
 * The server keeps the coverage report until the data under it changes: every kind of change
 * must show in the very next answer, and an unchanged dataset must not be counted again.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ worker: true, offlineLatencyMs: 0 });
});
afterAll(() => t.close());

const coverage = (query = '') => readCoverage(t, query);
const listTotal = (query: string) => listTotalOf(t, query);
const counted = () => t.services.ctx.reports.computed;
const runToEnd = async (conversationIds: string[]) => {
  const res = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds } });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  return waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return p.status === 'completed' ? p : null;
  });
};

describe('the coverage report kept between changes', () => {
  it('answers an unchanged dataset from memory', async () => {
    const first = await coverage();
    const before = counted();
    expect(await coverage()).toEqual(first);
    expect(counted()).toBe(before);
    // Another scope is its own report.
    await coverage('?scope=all');
    expect(counted()).toBe(before + 1);
  });

  it('shows a finished run at once', async () => {
    await coverage();
    await runToEnd(['conv-00001', 'conv-00002']);
    expect((await coverage()).total).toBe(await listTotal('status=generated,approved'));
    expect((await coverage()).total).toBeGreaterThanOrEqual(2);
  });

  it('shows a review at once', async () => {
    const approvedBefore = (await coverage('?scope=approved')).total;
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00001/review', payload: { action: 'approve' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await coverage('?scope=approved')).total).toBe(approvedBefore + 1);
  });

  it('shows an import and a delete at once', async () => {
    const before = (await coverage('?scope=all')).slots;
    const turns = [
      { role: 'user', content: 'How big should my emergency fund be before I start investing?' },
      { role: 'assistant', content: 'Three to six months of essential expenses, kept somewhere you can reach in a day.' },
    ];
    const imported = await t.as('generator', { method: 'POST', url: '/api/seeds/import', payload: [{ conversationId: 'cache-seed-1', title: 'Emergency fund', persona: 'anxious_investor', emotion: 'fear', topic: 'emergency_fund', intent: 'seek_advice', tone: 'warm_reassuring', tier: 'template', turns }] });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await coverage('?scope=all')).slots).toBe(before + 1);
    const deleted = await t.as('admin', { method: 'POST', url: '/api/conversations/bulk/delete', payload: { selection: { conversationIds: ['conv-00090'] }, confirm: true } });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json(), deleted.body).toMatchObject({ succeeded: 1 });
    expect((await coverage('?scope=all')).slots).toBe(before);
  });

  it('shows a new minimum per combination and a renamed persona at once', async () => {
    const before = await coverage();
    const settings = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { coverage: { minPerCombination: 1, targetPerCombination: 2 } } });
    expect(settings.statusCode, settings.body).toBe(200);
    const after = await coverage();
    expect(after.minPerCombination).toBe(1);
    expect(after.gaps.length).toBeLessThan(before.gaps.length);
    for (const gap of after.gaps) expect(gap.count).toBe(0);

    const persona = after.byPersona[0];
    const renamed = await t.as('admin', { method: 'PATCH', url: `/api/catalog/persona/${persona.key}`, payload: { label: 'Renamed Persona' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await coverage()).byPersona.find((p) => p.key === persona.key)?.label).toBe('Renamed Persona');
  });
});

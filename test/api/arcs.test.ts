import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArcList, ArcPreset, ArcPresetList } from '../../src/contract/arcs';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import type { SettingsHistoryPage } from '../../src/contract/settings';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const getArcs = async () => (await t.as('viewer', { method: 'GET', url: '/api/arcs' })).json<ArcList>().items;
const put = (items: unknown[], role: 'generator' | 'viewer' = 'generator') => t.as(role, { method: 'PUT', url: '/api/arcs', payload: { items } });
const percents = (items: ArcList['items']) => Object.fromEntries(items.map((a) => [a.key, a.enabled ? a.percent : `off ${a.percent}`]));
const KEYS = ['triumph', 'struggle_to_success', 'steady_confidence', 'anxiety_to_relief', 'discovery'];
const distribution = (values: number[], enabled = values.map(() => true)) => KEYS.map((key, i) => ({ key, enabled: enabled[i], percent: values[i] }));

describe('GET /api/arcs', () => {
  it('lists the five arcs with description, emotions, stages and equal shares', async () => {
    const items = await getArcs();
    expect(items.map((a) => a.key)).toEqual(KEYS);
    expect(items.map((a) => a.percent)).toEqual([20, 20, 20, 20, 20]);
    const triumph = items[0];
    expect(triumph).toMatchObject({ label: 'Triumph', startEmotion: 'hope', endEmotion: 'excitement', enabled: true, builtIn: true });
    expect(triumph.stages.length).toBeGreaterThanOrEqual(5);
  });
});

describe('PUT /api/arcs', () => {
  it('saves a distribution adding up to 100 and records it in the settings history', async () => {
    const res = await put([...distribution([40, 30, 30, 0, 0], [true, true, true, false, false])]);
    expect(res.statusCode, res.body).toBe(200);
    expect(percents(res.json<ArcList>().items)).toEqual({ triumph: 40, struggle_to_success: 30, steady_confidence: 30, anxiety_to_relief: 'off 0', discovery: 'off 0' });
    expect(percents(await getArcs())).toEqual(percents(res.json<ArcList>().items));
    const history = (await t.as('admin', { method: 'GET', url: '/api/settings/history?page=1&pageSize=10' })).json<SettingsHistoryPage>();
    expect(history.items[0]).toMatchObject({ key: 'arcs.distribution', changedBy: { name: 'Test generator' } });
  });

  it('accepts the shape GET returns (labels are ignored) and keeps arcs not listed', async () => {
    const res = await put([{ key: 'triumph', label: 'Renamed', enabled: true, percent: 10 }, { key: 'anxiety_to_relief', enabled: true, percent: 30 }]);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<ArcList>().items;
    expect(items[0]).toMatchObject({ label: 'Triumph', percent: 10 });
    expect(percents(items)).toMatchObject({ struggle_to_success: 30, steady_confidence: 30, anxiety_to_relief: 30 });
  });

  it.each([
    ['99 %', distribution([20, 20, 20, 20, 19]), 'add up to 99 %'],
    ['101 %', distribution([21, 20, 20, 20, 20]), 'add up to 101 %'],
    ['no arc enabled', distribution([20, 20, 20, 20, 20], [false, false, false, false, false]), 'At least one arc must be enabled'],
    ['an arc listed twice', [...distribution([20, 20, 20, 20, 20]), { key: 'triumph', enabled: true, percent: 20 }], 'listed twice'],
  ])('refuses %s with 400 and changes nothing', async (_name, items, message) => {
    const before = percents(await getArcs());
    const res = await put(items);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain(message);
    expect(res.json().error.hint).not.toBe('');
    expect(percents(await getArcs())).toEqual(before);
  });

  it('names unknown arcs', async () => {
    const res = await put([...distribution([20, 20, 20, 20, 20]), { key: 'despair', enabled: false, percent: 0 }, { key: 'rage', enabled: false, percent: 0 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'unknown_arc', details: { field: 'items', unknown: ['despair', 'rage'] } });
  });

  it.each([
    [{ key: 'triumph', enabled: true, percent: 20.5 }, 'percent'],
    [{ key: 'triumph', enabled: true, percent: -5 }, 'percent'],
    [{ key: 'triumph', enabled: 'yes', percent: 100 }, 'enabled'],
  ])('refuses a malformed item %j naming the field', async (item, field) => {
    const res = await put([item]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(field);
  });

  it('refuses viewers', async () => {
    expect((await put(distribution([20, 20, 20, 20, 20]), 'viewer')).statusCode).toBe(403);
  });
});

describe('presets', () => {
  it('saves the current distribution, refuses a duplicate name, applies and deletes', async () => {
    expect((await put(distribution([50, 50, 0, 0, 0], [true, true, false, false, false]))).statusCode).toBe(200);
    const saved = await t.as('generator', { method: 'POST', url: '/api/arcs/presets', payload: { name: 'Two arcs' } });
    expect(saved.statusCode, saved.body).toBe(201);
    const preset = saved.json<ArcPreset>();
    expect(preset.distribution.filter((s) => s.enabled).map((s) => s.key)).toEqual(['triumph', 'struggle_to_success']);

    const duplicate = await t.as('generator', { method: 'POST', url: '/api/arcs/presets', payload: { name: ' two  ARCS ' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'duplicate_arc_preset', details: { field: 'name' } });
    expect((await t.as('generator', { method: 'POST', url: '/api/arcs/presets', payload: { name: '' } })).statusCode).toBe(400);

    expect((await put(distribution([20, 20, 20, 20, 20]))).statusCode).toBe(200);
    const applied = await t.as('generator', { method: 'POST', url: `/api/arcs/presets/${preset.id}/apply` });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(percents(applied.json<ArcList>().items)).toEqual({ triumph: 50, struggle_to_success: 50, steady_confidence: 'off 0', anxiety_to_relief: 'off 0', discovery: 'off 0' });

    const list = (await t.as('viewer', { method: 'GET', url: '/api/arcs/presets' })).json<ArcPresetList>();
    expect(list.items.map((p) => p.name)).toContain('Two arcs');

    expect((await t.as('generator', { method: 'DELETE', url: `/api/arcs/presets/${preset.id}` })).statusCode).toBe(200);
    expect((await t.as('generator', { method: 'DELETE', url: `/api/arcs/presets/${preset.id}` })).statusCode).toBe(404);
    expect((await t.as('generator', { method: 'POST', url: `/api/arcs/presets/${preset.id}/apply` })).statusCode).toBe(404);
    expect((await t.as('generator', { method: 'POST', url: '/api/arcs/presets/abc/apply' })).statusCode).toBe(400);
    // Deleting a preset leaves the current distribution as it is.
    expect(percents(await getArcs())).toMatchObject({ triumph: 50, struggle_to_success: 50 });
  });
});

describe('POST /api/arcs/reset', () => {
  it('brings back the built-in arcs with equal shares', async () => {
    expect((await put(distribution([100, 0, 0, 0, 0], [true, false, false, false, false]))).statusCode).toBe(200);
    const res = await t.as('generator', { method: 'POST', url: '/api/arcs/reset' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ArcList>().items.map((a) => [a.enabled, a.percent])).toEqual(KEYS.map(() => [true, 20]));
  });
});

describe('arc stages in the conversation preview', () => {
  it('GET /api/conversations/:id carries the arc with its stages and emotions', async () => {
    const list = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tier=template&pageSize=25' })).json<ConversationListResponse>();
    const withArc = list.items.find((c) => c.arcKey);
    expect(withArc).toBeDefined();
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${withArc?.id}` })).json<ConversationDetail>();
    expect(detail.arc?.key).toBe(withArc?.arcKey);
    expect(detail.arc?.stages.length).toBeGreaterThan(2);
    expect(detail.arc?.startEmotion).not.toBe('');
  });
});

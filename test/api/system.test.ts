import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system routes', () => {
  it('GET /api/health needs no sign-in and reports the engine and provider', async () => {
    const res = await t.as(null, { method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'pglite', provider: 'offline' });
  });

  it('GET /api/provider explains why the offline generator is used', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/provider' })).statusCode).toBe(401);
    const res = await t.as('viewer', { method: 'GET', url: '/api/provider' });
    expect(res.json()).toMatchObject({ name: 'offline', model: 'offline' });
    expect(res.json().reason).toMatch(/API key/);
  });

  it('GET /api/openapi.json documents the routes', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/conversations', '/api/conversations/{id}', '/api/conversations/{id}/generate', '/api/runs/{id}', '/api/health']));
  });

  it('GET /api/catalog lists the demo dimensions and arcs', async () => {
    const catalog = (await t.as('viewer', { method: 'GET', url: '/api/catalog' })).json();
    expect(catalog.persona.map((p: { label: string }) => p.label)).toEqual(
      expect.arrayContaining(['Anxious Investor', 'Confident Planner', 'Skeptical Beginner', 'Experienced Trader', 'Confident Entrepreneur', 'Skeptical Analyst', 'Enthusiastic Beginner', 'Expert Consultant']),
    );
    expect(catalog.emotion.length).toBeGreaterThanOrEqual(8);
    expect(catalog.topic).toHaveLength(15);
    expect(catalog.intent).toHaveLength(6);
    expect(catalog.tone).toHaveLength(6);
    expect(catalog.arcs.map((a: { label: string }) => a.label)).toEqual(['Triumph', 'Struggle-to-Success', 'Steady Confidence', 'Anxiety-to-Relief', 'Discovery']);
  });

  it('GET /api/documents and chunks', async () => {
    const { items } = (await t.as('viewer', { method: 'GET', url: '/api/documents' })).json();
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.reduce((n: number, d: { chunkCount: number }) => n + d.chunkCount, 0)).toBeGreaterThanOrEqual(30);
    const chunks = (await t.as('viewer', { method: 'GET', url: `/api/documents/${items[0].id}/chunks` })).json().items;
    expect(chunks[0].dimensions).toHaveProperty('key_terms');
    expect((await t.as('viewer', { method: 'GET', url: '/api/documents/not-a-uuid/chunks' })).statusCode).toBe(400);
    expect((await t.as('viewer', { method: 'GET', url: '/api/documents/00000000-0000-0000-0000-000000000000/chunks' })).statusCode).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

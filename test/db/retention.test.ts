import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client';
import { getGenerationLog } from '../../src/db/queries/generation-logs';
import { conversations, exportLogs, generationLogs, reviewLogs } from '../../src/db/schema';
import { runRetention } from '../../src/retention/cleanup';
import { ENGINES, openTestDatabase } from '../support/databases';

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const DEFAULTS = { retention: { logsDays: 90, exportsDays: 365 } };

const request = { system: 'You write realistic support conversations.', prompt: 'Persona: first-time buyer. Topic: budgeting. '.repeat(30) };
const response = { turns: [{ role: 'user', content: 'Hello, I need help with my budget.' }, { role: 'assistant', content: 'Of course, let us start with your income.' }] };

describe.each(ENGINES)('log retention on %s', (engine) => {
  let database: Database;
  const db = () => database.db;
  beforeEach(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterEach(() => database.close());

  async function log(days: number, payloads = true) {
    const [row] = await db()
      .insert(generationLogs)
      .values({ provider: 'offline', model: 'offline', status: 'success', inputTokens: 10, createdAt: daysAgo(days), ...(payloads ? { requestPayload: request, responsePayload: response } : {}) })
      .returning({ id: generationLogs.id });
    return row.id;
  }
  const exists = async (id: string) => (await db().select({ id: generationLogs.id }).from(generationLogs).where(eq(generationLogs.id, id))).length === 1;
  const raw = async (id: string) =>
    (await queryRows<{ request_payload: unknown; response_payload: unknown; gz_bytes: number | null }>(db(), sql`select request_payload, response_payload, octet_length(payload_gz) as gz_bytes from generation_logs where id = ${id}`))[0];

  it('deletes logs past the retention settings, compresses week-old payloads and keeps review logs', async () => {
    const expired = await log(91);
    const compressible = await log(30);
    const noPayloads = await log(20, false);
    const recent = await log(6);
    await db()
      .insert(exportLogs)
      .values([
        { exportId: 'exp-old', conversationCount: 1, format: 'json', fileName: 'old.json', exportedAt: daysAgo(366) },
        { exportId: 'exp-kept', conversationCount: 1, format: 'json', fileName: 'kept.json', exportedAt: daysAgo(300) },
      ]);
    const [conversation] = await db().select({ id: conversations.id }).from(conversations).limit(1);
    await db().insert(reviewLogs).values({ conversationId: conversation.id, action: 'approve', fromStatus: 'generated', toStatus: 'approved', createdAt: daysAgo(2000) });
    const reviewsBefore = (await db().select({ id: reviewLogs.id }).from(reviewLogs)).length;

    const result = await runRetention(db(), DEFAULTS, NOW);
    expect(result).toMatchObject({ logsDays: 90, exportsDays: 365, generationLogsDeleted: 1, exportLogsDeleted: 1, payloadsCompressed: 1 });
    expect(result.bytesAfter).toBeGreaterThan(0);
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore / 3);

    expect(await exists(expired)).toBe(false);
    expect((await db().select({ exportId: exportLogs.exportId }).from(exportLogs)).map((e) => e.exportId)).toEqual(['exp-kept']);
    expect((await db().select({ id: reviewLogs.id }).from(reviewLogs)).length).toBe(reviewsBefore);

    // Compressed: the jsonb columns are empty, the gzip holds both, the metadata stays.
    const packed = await raw(compressible);
    expect(packed).toMatchObject({ request_payload: null, response_payload: null });
    expect(Number(packed.gz_bytes)).toBeGreaterThan(0);
    const detail = await getGenerationLog(db(), compressible);
    expect(detail.requestPayload).toEqual(request);
    expect(detail.responsePayload).toEqual(response);
    expect(detail.inputTokens).toBe(10);

    // Recent rows, and rows with nothing to compress, are as they were.
    expect(await raw(recent)).toMatchObject({ request_payload: request, response_payload: response, gz_bytes: null });
    expect((await getGenerationLog(db(), recent)).requestPayload).toEqual(request);
    expect(await raw(noPayloads)).toMatchObject({ request_payload: null, response_payload: null, gz_bytes: null });
    expect((await getGenerationLog(db(), noPayloads)).requestPayload).toBeNull();

    // A second run finds nothing left to do.
    expect(await runRetention(db(), DEFAULTS, NOW)).toMatchObject({ generationLogsDeleted: 0, exportLogsDeleted: 0, payloadsCompressed: 0 });
  });

  it('follows shorter retention settings', async () => {
    const month = await log(30);
    const week = await log(8);
    await db().insert(exportLogs).values({ exportId: 'exp-40', conversationCount: 1, format: 'json', fileName: 'a.json', exportedAt: daysAgo(40) });
    const result = await runRetention(db(), { retention: { logsDays: 10, exportsDays: 30 } }, NOW);
    expect(result).toMatchObject({ generationLogsDeleted: 1, exportLogsDeleted: 1, payloadsCompressed: 1 });
    expect(await exists(month)).toBe(false);
    expect((await getGenerationLog(db(), week)).responsePayload).toEqual(response);
  });

  it('works through a backlog larger than one batch', async () => {
    // 12,000 expired rows (three delete batches) and 450 to compress (three compression batches).
    await db().execute(sql`
      insert into generation_logs (provider, model, status, created_at)
      select 'offline', 'offline', 'success', ${daysAgo(200).toISOString()}::timestamptz - (i || ' minutes')::interval from generate_series(1, 12000) as i`);
    await db().execute(sql`
      insert into generation_logs (provider, model, status, request_payload, response_payload, created_at)
      select 'offline', 'offline', 'success', jsonb_build_object('prompt', 'prompt number ' || i), ${JSON.stringify(response)}::jsonb, ${daysAgo(8).toISOString()}::timestamptz
      from generate_series(1, 450) as i`);
    const result = await runRetention(db(), DEFAULTS, NOW);
    expect(result).toMatchObject({ generationLogsDeleted: 12_000, payloadsCompressed: 450 });
    const [left] = await queryRows<{ n: number; packed: number }>(db(), sql`select count(*)::int as n, count(payload_gz)::int as packed from generation_logs`);
    expect(left).toEqual({ n: 450, packed: 450 });
    const [sample] = await db().select({ id: generationLogs.id }).from(generationLogs).limit(1);
    expect(((await getGenerationLog(db(), sample.id)).requestPayload as { prompt: string }).prompt).toMatch(/^prompt number \d+$/);
  });
});

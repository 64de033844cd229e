import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/support/databases';
import type { Database } from '../db/client';
import { conversations, emailOutbox, generationRuns, notifications, runItems, user } from '../db/schema';
import { createMailer, type Mailer } from './mailer';
import { formatDuration, notifyRunFinished } from './run-finished';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/fakes/smtp-server';

const APP_URL = 'https://convgen.example.com/';
const started = new Date('2025-03-01T10:00:00Z');
const finished = new Date('2025-03-01T10:01:05Z');

describe.each(ENGINES)('notifyRunFinished on %s', (engine) => {
  let database: Database;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    mailer = createMailer({ smtpUrl: smtp.url });
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.received.length = 0;
    database = await openTestDatabase(engine);
    await database.db.insert(user).values([
      { id: 'ada', name: 'Ada', email: 'ada@example.com' },
      { id: 'bob', name: 'Bob', email: 'bob@example.com' },
    ]);
  });
  afterEach(() => database.close());

  /** A run by Ada with one item per given status. */
  async function createRun(opts: { notifyEmail: boolean; status?: string; items: string[] }): Promise<string> {
    const [run] = await database.db
      .insert(generationRuns)
      .values({
        kind: 'batch',
        selector: {},
        status: opts.status ?? 'completed',
        total: opts.items.length,
        provider: 'offline',
        model: 'scripted',
        spentUsd: 1.234,
        notifyEmail: opts.notifyEmail,
        createdBy: 'ada',
        startedAt: started,
        finishedAt: finished,
      })
      .returning({ id: generationRuns.id });
    for (const [i, status] of opts.items.entries()) {
      const dims = { persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' };
      const [conversation] = await database.db
        .insert(conversations)
        .values({ conversationId: `conv-${run.id.slice(0, 8)}-${i}`, ...dims })
        .returning({ id: conversations.id });
      await database.db.insert(runItems).values({ runId: run.id, conversationId: conversation.id, status });
    }
    return run.id;
  }
  const runNotifications = (runId: string) => database.db.select().from(notifications).where(eq(notifications.link, `/runs?run=${runId}`));

  it('notifies every user in-app with the counts, cost and duration, and emails the creator', async () => {
    const runId = await createRun({ notifyEmail: true, items: ['succeeded', 'succeeded', 'failed'] });
    const outcome = await notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL });
    expect(outcome).toMatchObject({ notified: true, recipients: 2, email: { sent: true } });

    const rows = await runNotifications(runId);
    expect(rows.map((r) => r.userId).sort()).toEqual(['ada', 'bob']);
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'run_finished', title: 'Generation finished: 2 succeeded, 1 failed', body: 'Spent $1.23 in 1m 05s.' });
    }

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.raw).toContain('Subject: Generation finished: 2 succeeded, 1 failed');
    expect(mail.raw).toContain('Spent $1.23 in 1m 05s.');
    expect(mail.raw).toContain(`Open the run: https://convgen.example.com/runs?run=${runId}`);
    expect(mail.raw).toContain(`<a href="https://convgen.example.com/runs?run=${runId}">`);
    expect(await database.db.select().from(emailOutbox)).toMatchObject([{ to: 'ada@example.com', sent: true }]);
  });

  it('sends no email when the run was created without notifyEmail', async () => {
    const runId = await createRun({ notifyEmail: false, items: ['succeeded'] });
    expect(await notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL })).toMatchObject({ notified: true, email: null });
    expect(await runNotifications(runId)).toHaveLength(2);
    expect(smtp.received).toHaveLength(0);
    expect(await database.db.select().from(emailOutbox)).toEqual([]);
  });

  it('notifies once, however often and however concurrently it is called', async () => {
    const runId = await createRun({ notifyEmail: true, items: ['succeeded'] });
    const outcomes = await Promise.all([1, 2, 3].map(() => notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL })));
    expect(outcomes.filter((o) => o.notified)).toHaveLength(1);
    expect(await notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL })).toEqual({ notified: false, reason: 'already_notified' });
    expect(await runNotifications(runId)).toHaveLength(2);
    expect(smtp.received).toHaveLength(1);
  });

  it('says "cancelled" and counts the items that never ran', async () => {
    const runId = await createRun({ notifyEmail: false, status: 'cancelled', items: ['succeeded', 'pending', 'pending'] });
    await notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL });
    expect((await runNotifications(runId))[0]).toMatchObject({
      title: 'Generation cancelled: 1 succeeded, 0 failed',
      body: 'Spent $1.23 in 1m 05s. 2 items were not run.',
    });
  });

  it('does nothing for a run that has not ended or does not exist', async () => {
    const runId = await createRun({ notifyEmail: true, status: 'running', items: ['in_progress'] });
    expect(await notifyRunFinished(database.db, mailer, runId, { appUrl: APP_URL })).toEqual({ notified: false, reason: 'not_ended' });
    expect(await notifyRunFinished(database.db, mailer, '00000000-0000-0000-0000-000000000000', { appUrl: APP_URL })).toEqual({ notified: false, reason: 'not_found' });
    expect(await notifyRunFinished(database.db, mailer, 'nope', { appUrl: APP_URL })).toEqual({ notified: false, reason: 'not_found' });
    expect(await database.db.select().from(notifications)).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('formatDuration', () => {
  it('stays short at every scale', () => {
    expect([0, 45, 65, 3599, 3720, 90_000].map(formatDuration)).toEqual(['0s', '45s', '1m 05s', '59m 59s', '1h 02m', '25h 00m']);
  });
});

import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/support/databases';
import type { Database } from '../db/client';
import { emailOutbox } from '../db/schema';
import { createMailer, DEFAULT_MAIL_FROM, mailerOptionsFromEnv } from './mailer';
import { closedPort, startTestSmtpServer, type TestSmtpServer } from '../../test/fakes/smtp-server';

const message = { to: 'ada@example.com', subject: 'Run done', text: 'All 3 conversations generated.', html: '<p>All 3 conversations generated.</p>' };

describe('mailer', () => {
  let database: Database;
  let smtp: TestSmtpServer | undefined;
  beforeEach(async () => {
    database = await openTestDatabase('pglite');
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
    await database.close();
  });

  const outboxRow = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

  it('sends through SMTP and records the message as sent', async () => {
    smtp = await startTestSmtpServer();
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'convgen <runs@example.com>' });
    expect(mailer.configured).toBe(true);
    const result = await mailer.send(database.db, message);
    expect(result).toEqual({ sent: true, outboxId: expect.any(String) });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.from).toBe('runs@example.com');
    expect(mail.raw).toContain('Subject: Run done');
    expect(mail.raw).toContain('All 3 conversations generated.');
    expect(mail.raw).toContain('<p>All 3 conversations generated.</p>');
    const row = await outboxRow(result.outboxId);
    expect(row).toMatchObject({ to: 'ada@example.com', subject: 'Run done', body: message.text, sent: true, error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('keeps the message unsent in the outbox when no SMTP server is configured', async () => {
    const mailer = createMailer({});
    expect(mailer.configured).toBe(false);
    const result = await mailer.send(database.db, message);
    expect(result).toEqual({ sent: false, outboxId: expect.any(String) });
    expect(await outboxRow(result.outboxId)).toMatchObject({ to: 'ada@example.com', sent: false, sentAt: null, error: null });
  });

  it('records the error, without throwing, when the server refuses the message', async () => {
    smtp = await startTestSmtpServer({ reject: 'Mailbox unavailable' });
    const log = vi.fn();
    const result = await createMailer({ smtpUrl: smtp.url, log }).send(database.db, message);
    expect(result.sent).toBe(false);
    expect(result.error).toMatch(/Mailbox unavailable/);
    expect(await outboxRow(result.outboxId)).toMatchObject({ sent: false, sentAt: null, error: result.error });
    expect(log).toHaveBeenCalledOnce();
  });

  it('records the error, without throwing, when nothing listens on the SMTP port', async () => {
    const log = vi.fn();
    const result = await createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, log }).send(database.db, message);
    expect(result.sent).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await outboxRow(result.outboxId)).toMatchObject({ sent: false, error: result.error });
    expect(log).toHaveBeenCalledOnce();
  });

  it('rejects a URL that is not smtp:// or smtps:// at creation, without echoing credentials', () => {
    const errorFor = (smtpUrl: string) => {
      try {
        createMailer({ smtpUrl });
      } catch (err) {
        return (err as Error).message;
      }
      return null;
    };
    for (const url of ['http://user:secret@mail.example.com', 'user:secret@mail', 'not a url']) {
      expect(errorFor(url)).toMatch(/SMTP_URL/);
      expect(errorFor(url)).not.toMatch(/secret/);
    }
  });

  it('reads SMTP_URL and CONVGEN_MAIL_FROM, treating empty values as unset', () => {
    expect(mailerOptionsFromEnv({ SMTP_URL: 'smtps://u:p@mail:465', CONVGEN_MAIL_FROM: 'a <a@b.c>' })).toEqual({ smtpUrl: 'smtps://u:p@mail:465', from: 'a <a@b.c>' });
    expect(mailerOptionsFromEnv({ SMTP_URL: '', CONVGEN_MAIL_FROM: '' })).toEqual({ smtpUrl: undefined, from: undefined });
    expect(DEFAULT_MAIL_FROM).toBe('convgen <convgen@localhost>');
  });
});

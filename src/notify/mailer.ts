import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { emailOutbox } from '../db/schema';

export const DEFAULT_MAIL_FROM = 'convgen <convgen@localhost>';

/**
 * A dead or black-holed SMTP server must not hold up whoever is sending (a run's completion):
 * nodemailer's defaults are two minutes for connecting and ten for an idle socket.
 */
const SMTP_TIMEOUT_MS = 10_000;

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text body; it is also what the outbox keeps. */
  text: string;
  html?: string;
}

export interface SendResult {
  sent: boolean;
  error?: string;
  /** The email_outbox row that records this message, whatever happened to it. */
  outboxId: string;
}

export interface Mailer {
  /** False without an SMTP URL: messages then wait in email_outbox, unsent. */
  readonly configured: boolean;
  /**
   * Records the message in email_outbox and, when SMTP is configured, sends it. Never throws
   * for an SMTP failure — the row keeps sent = false and the error for an admin to see — but
   * a database error does propagate.
   */
  send(db: Db, message: MailMessage): Promise<SendResult>;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465; absent means store-only. */
  smtpUrl?: string;
  /** The From header; defaults to DEFAULT_MAIL_FROM. */
  from?: string;
  /** Where failed sends are reported (besides the outbox row); defaults to console.warn. */
  log?: (msg: string, err?: unknown) => void;
}

/** Reads SMTP_URL and CONVGEN_MAIL_FROM; empty values count as unset. */
export function mailerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<MailerOptions, 'smtpUrl' | 'from'> {
  return { smtpUrl: env.SMTP_URL || undefined, from: env.CONVGEN_MAIL_FROM || undefined };
}

export function createMailer(opts: MailerOptions = {}): Mailer {
  const from = opts.from ?? DEFAULT_MAIL_FROM;
  const log = opts.log ?? ((msg, err) => console.warn(msg, err));
  if (opts.smtpUrl) assertSmtpUrl(opts.smtpUrl);
  // No transporter.verify() here: start-up must not depend on the mail server being up, and a
  // bad server shows up as an error on the first outbox row instead.
  const transporter = opts.smtpUrl
    ? nodemailer.createTransport({
        url: opts.smtpUrl,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      })
    : null;

  return {
    configured: transporter !== null,
    async send(db, message) {
      // The row is written before the attempt, so a crash mid-send still leaves a trace.
      const [row] = await db
        .insert(emailOutbox)
        .values({ to: message.to, subject: message.subject, body: message.text })
        .returning({ id: emailOutbox.id });
      if (!transporter) return { sent: false, outboxId: row.id };
      try {
        await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log(`email to ${message.to} failed; kept unsent in email_outbox (${row.id})`, err);
        await db.update(emailOutbox).set({ error }).where(eq(emailOutbox.id, row.id));
        return { sent: false, error, outboxId: row.id };
      }
      await db.update(emailOutbox).set({ sent: true, sentAt: new Date() }).where(eq(emailOutbox.id, row.id));
      return { sent: true, outboxId: row.id };
    },
  };
}

/** Fails at start-up on a mistyped URL rather than on every send; the message omits credentials. */
function assertSmtpUrl(smtpUrl: string): void {
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    throw new Error('SMTP_URL is not a valid URL; expected smtp://user:pass@host:587 or smtps://user:pass@host:465.');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${protocol}//.`);
  }
}

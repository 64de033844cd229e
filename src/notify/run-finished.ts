import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { generationRuns, notifications, user } from '../db/schema';
import { notify } from './in-app';
import type { Mailer, SendResult } from './mailer';

export const RUN_FINISHED_KIND = 'run_finished';

/**
 * Only these are final. An interrupted run may resume and a paused one continue; notifying for
 * them would spend the once-per-run marker before the run really ends.
 */
const ENDED_STATUSES = new Set(['completed', 'cancelled']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RunFinishedOutcome =
  | { notified: true; recipients: number; email: SendResult | null }
  | { notified: false; reason: 'not_found' | 'not_ended' | 'already_notified' };

export interface RunSummary {
  title: string;
  body: string;
}

/**
 * Tells the workspace that a run ended: an in-app notification for every user, and an email to
 * the run's creator when the run was created with notifyEmail. Call it after the run's status
 * became 'completed' or 'cancelled'; calling it again for the same run does nothing.
 *
 * The in-app rows are the once-per-run marker (kind 'run_finished', link /runs?run=<id>),
 * checked and written under a per-run advisory lock, so two callers cannot both notify. The
 * email goes out after that commits — never while holding a transaction open on a possibly
 * slow SMTP server — so a crash in between loses the email (at most once), not the notification.
 */
export async function notifyRunFinished(db: Db, mailer: Mailer, runId: string, opts: { appUrl: string }): Promise<RunFinishedOutcome> {
  if (!UUID.test(runId)) return { notified: false, reason: 'not_found' };
  const [run] = await db
    .select({
      id: generationRuns.id,
      status: generationRuns.status,
      kind: generationRuns.kind,
      spentUsd: generationRuns.spentUsd,
      notifyEmail: generationRuns.notifyEmail,
      createdAt: generationRuns.createdAt,
      startedAt: generationRuns.startedAt,
      finishedAt: generationRuns.finishedAt,
      creatorEmail: user.email,
    })
    .from(generationRuns)
    .leftJoin(user, eq(user.id, generationRuns.createdBy))
    .where(eq(generationRuns.id, runId));
  if (!run) return { notified: false, reason: 'not_found' };
  if (!ENDED_STATUSES.has(run.status)) return { notified: false, reason: 'not_ended' };

  const counts = await queryRows<{ status: string; count: number }>(
    db,
    sql`select status, count(*)::int as count from run_items where run_id = ${run.id} group by status`,
  );
  const summary = summarizeRun(run, counts);
  const link = `/runs?run=${run.id}`;

  const recipients = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${RUN_FINISHED_KIND}:${run.id}`}))`);
    const [existing] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.kind, RUN_FINISHED_KIND), eq(notifications.link, link)))
      .limit(1);
    if (existing) return null;
    return notify(tx, { userId: null, kind: RUN_FINISHED_KIND, title: summary.title, body: summary.body, link });
  });
  if (recipients === null) return { notified: false, reason: 'already_notified' };

  let email: SendResult | null = null;
  if (run.notifyEmail && run.creatorEmail) {
    const url = `${opts.appUrl.replace(/\/+$/, '')}${link}`;
    email = await mailer.send(db, { to: run.creatorEmail, subject: summary.title, ...runEmail(summary, url) });
  }
  return { notified: true, recipients, email };
}

/** "Generation finished: 87 succeeded, 3 failed" and "Spent $1.24 in 4m 05s." */
export function summarizeRun(
  run: { status: string; kind?: string; spentUsd: number; createdAt: Date; startedAt: Date | null; finishedAt: Date | null },
  counts: { status: string; count: number }[],
): RunSummary {
  const countOf = (status: string) => counts.find((c) => c.status === status)?.count ?? 0;
  const succeeded = countOf('succeeded');
  const failed = countOf('failed');
  const notRun = counts.reduce((sum, c) => sum + c.count, 0) - succeeded - failed;
  const verb = run.status === 'cancelled' ? 'cancelled' : 'finished';
  const seconds = ((run.finishedAt ?? new Date()).getTime() - (run.startedAt ?? run.createdAt).getTime()) / 1000;
  let body = `Spent $${run.spentUsd.toFixed(2)} in ${formatDuration(seconds)}.`;
  if (notRun > 0) body += ` ${notRun} ${notRun === 1 ? 'item was' : 'items were'} not run.`;
  const what = run.kind === 'chunk_dimensions' ? 'Chunk analysis' : run.kind === 'scenario_derivation' ? 'Scenarios from chunks' : 'Generation';
  return { title: `${what} ${verb}: ${succeeded} succeeded, ${failed} failed`, body };
}

/** 45s, 3m 05s, 1h 02m: precise enough for a summary, short enough for a title bar. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
}

function runEmail(summary: RunSummary, url: string): { text: string; html: string } {
  const text = `${summary.title}.\n${summary.body}\n\nOpen the run: ${url}\n`;
  const html =
    `<p><strong>${escapeHtml(summary.title)}</strong></p>\n<p>${escapeHtml(summary.body)}</p>\n` +
    `<p><a href="${escapeHtml(url)}">Open the run in convgen</a></p>\n`;
  return { text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { notifications } from '../db/schema';

/*
 * Workspace-wide notifications are fanned out: notify() with userId null writes one row per
 * user that exists at that moment, so each user's read state lives in their own row's read_at.
 * (A single row with user_id null would have one read_at shared by everyone, and a per-user
 * "reads" table would be needed to fix that.) The price: a user who signs up later does not
 * see earlier workspace-wide notifications, which suits "a run finished" news.
 *
 * The schema still allows user_id null, so rows written that way by anything else are listed
 * for everyone and share one read state; notify() never writes them.
 */

export interface NewNotification {
  /** The recipient; null means every user of the workspace (fanned out, see above). */
  userId: string | null;
  /** A machine-readable category, e.g. 'run_finished'. */
  kind: string;
  title: string;
  body?: string;
  /** An in-app path such as /runs?run=…; also serves as a marker for idempotent senders. */
  link?: string | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: Date;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Writes a notification and returns how many rows it took (0 when there is no user yet). */
export async function notify(db: Db, n: NewNotification): Promise<number> {
  const body = n.body ?? '';
  const link = n.link ?? null;
  if (n.userId !== null) {
    await db.insert(notifications).values({ userId: n.userId, kind: n.kind, title: n.title, body, link });
    return 1;
  }
  // One statement, so the fan-out is all-or-nothing and sees one consistent set of users.
  const rows = await queryRows<{ id: string }>(db, sql`
    insert into notifications (user_id, kind, title, body, link)
    select u.id, ${n.kind}, ${n.title}, ${body}, ${link} from "user" u
    returning id`);
  return rows.length;
}

/** The user's notifications (and any user-less ones), newest first. */
export async function listNotifications(
  db: Db,
  userId: string,
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationView[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const conditions: SQL[] = [visibleTo(userId)];
  if (opts.unreadOnly) conditions.push(isNull(notifications.readAt));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    // id as the tie-break keeps the order stable for rows created in the same transaction.
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    read: r.readAt !== null,
    createdAt: r.createdAt,
  }));
}

/**
 * Marks the given notifications (or all of them) read for this user and returns how many
 * changed. Ids that are not the user's, or are already read, are ignored.
 */
export async function markRead(db: Db, userId: string, ids: string[] | 'all'): Promise<number> {
  // A malformed id would make PostgreSQL reject the whole uuid comparison; it matches nothing anyway.
  const wanted = ids === 'all' ? 'all' : ids.filter((id) => UUID.test(id));
  if (wanted !== 'all' && wanted.length === 0) return 0;
  const conditions: SQL[] = [visibleTo(userId), isNull(notifications.readAt)];
  if (wanted !== 'all') conditions.push(inArray(notifications.id, wanted));
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return rows.length;
}

function visibleTo(userId: string): SQL {
  return or(eq(notifications.userId, userId), isNull(notifications.userId)) as SQL;
}

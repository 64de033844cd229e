import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/support/databases';
import type { Database } from '../db/client';
import { notifications, user } from '../db/schema';
import { listNotifications, markRead, notify } from './in-app';

describe.each(ENGINES)('in-app notifications on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
    await database.db.insert(user).values([
      { id: 'ada', name: 'Ada', email: 'ada@example.com' },
      { id: 'bob', name: 'Bob', email: 'bob@example.com' },
    ]);
  });
  afterEach(() => database.close());

  it('fans a workspace-wide notification out to every user, each with their own read state', async () => {
    expect(await notify(database.db, { userId: null, kind: 'run_finished', title: 'Everyone', link: '/runs' })).toBe(2);
    const [adaCopy] = await listNotifications(database.db, 'ada');
    expect(adaCopy).toMatchObject({ kind: 'run_finished', title: 'Everyone', body: '', link: '/runs', read: false });
    expect(await markRead(database.db, 'ada', [adaCopy.id])).toBe(1);
    expect((await listNotifications(database.db, 'ada'))[0].read).toBe(true);
    expect((await listNotifications(database.db, 'bob'))[0].read).toBe(false);
  });

  it("lists the user's own notifications newest first, never someone else's", async () => {
    await notify(database.db, { userId: 'ada', kind: 'test', title: 'First', body: 'one' });
    await notify(database.db, { userId: 'bob', kind: 'test', title: 'For Bob' });
    await notify(database.db, { userId: 'ada', kind: 'test', title: 'Second' });
    expect((await listNotifications(database.db, 'ada')).map((n) => n.title)).toEqual(['Second', 'First']);
    expect((await listNotifications(database.db, 'ada', { limit: 1 })).map((n) => n.title)).toEqual(['Second']);
    expect((await listNotifications(database.db, 'bob')).map((n) => n.title)).toEqual(['For Bob']);
  });

  it('marks read only the caller’s own notifications, by id or all at once', async () => {
    await notify(database.db, { userId: 'ada', kind: 'test', title: 'A1' });
    await notify(database.db, { userId: 'ada', kind: 'test', title: 'A2' });
    await notify(database.db, { userId: 'bob', kind: 'test', title: 'B1' });
    const [bobs] = await listNotifications(database.db, 'bob');
    expect(await markRead(database.db, 'ada', [bobs.id, 'not-a-uuid'])).toBe(0);
    expect(await markRead(database.db, 'ada', [])).toBe(0);
    expect((await listNotifications(database.db, 'bob'))[0].read).toBe(false);

    const [a2] = await listNotifications(database.db, 'ada');
    await markRead(database.db, 'ada', [a2.id]);
    expect((await listNotifications(database.db, 'ada', { unreadOnly: true })).map((n) => n.title)).toEqual(['A1']);
    expect(await markRead(database.db, 'ada', 'all')).toBe(1);
    expect(await listNotifications(database.db, 'ada', { unreadOnly: true })).toEqual([]);
    expect(await listNotifications(database.db, 'bob', { unreadOnly: true })).toHaveLength(1);
  });

  it('still shows a user-less row, written by something other than notify(), to everyone', async () => {
    await database.db.insert(notifications).values({ userId: null, kind: 'legacy', title: 'Shared' });
    expect((await listNotifications(database.db, 'ada')).map((n) => n.title)).toEqual(['Shared']);
    expect((await listNotifications(database.db, 'bob')).map((n) => n.title)).toEqual(['Shared']);
  });

  it('writes nothing for a workspace-wide notification when there are no users yet', async () => {
    await database.db.delete(user);
    expect(await notify(database.db, { userId: null, kind: 'test', title: 'Nobody' })).toBe(0);
  });
});

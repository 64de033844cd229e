import { z } from 'zod';

/** An in-app notice for the signed-in user (a run finished, a budget warning). */
export const notification = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), read: z.boolean(), createdAt: z.string() });
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({ items: z.array(notification) });
export type NotificationList = z.infer<typeof notificationList>;

/** POST /api/notifications/read: how many were marked. */
export const notificationsMarked = z.object({ marked: z.number() });
export type NotificationsMarked = z.infer<typeof notificationsMarked>;

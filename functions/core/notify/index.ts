/** The notify folder's public surface: a member's notifications, the stream's fan-out, the weekly digest. */
export {
  createNotification,
  listNotifications,
  ListNotifications,
  markRead,
  MarkRead,
  unreadCount,
  type Notification,
  type NotificationKind,
} from './notifications.js';
export { sendAllDigests } from './digest.js';
export { deliver, handleChanges } from './fanout.js';

/**
 * System notifications for critical alerts, so a tablet in a pocket or with the page in the
 * background still tells someone. Permission is asked only from a user gesture (browsers
 * ignore or penalise asking on load).
 */

export type NotificationAccess = NotificationPermission | 'unsupported';

export function notificationAccess(): NotificationAccess {
  return typeof Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Call from a user gesture. */
export async function requestNotificationAccess(): Promise<NotificationAccess> {
  if (typeof Notification !== 'function') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * Shows one notification per alert; the tag makes a repeat of the same alert replace its
 * notification instead of stacking. Tapping it brings the dashboard forward.
 */
export function notify(title: string, body: string, tag: string): void {
  if (notificationAccess() !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag, requireInteraction: true });
    notification.onclick = () => {
      globalThis.focus?.();
      notification.close();
    };
  } catch {
    // Some mobile browsers allow notifications only from a service worker; the sound and
    // the on-page announcement still happen.
  }
}

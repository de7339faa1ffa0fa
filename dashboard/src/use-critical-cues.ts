/**
 * Sound and system notifications for critical alerts, and the one button that turns them
 * on (browsers require a user gesture for both).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  type NotificationAccess,
  notificationAccess,
  notify,
  requestNotificationAccess,
} from './alert-notifications.js';
import { createAlertSound } from './alert-sound.js';

export interface CriticalCues {
  soundReady: boolean;
  notifications: NotificationAccess;
  /** Call from a click: unlocks sound and asks for notification permission. */
  enable(): void;
  /** Sounds once and shows one notification per alert. */
  cue(notifications: { title: string; body: string; tag: string }[]): void;
}

export function useCriticalCues(): CriticalCues {
  const sound = useMemo(() => createAlertSound(), []);
  const [soundReady, setSoundReady] = useState(false);
  const [notifications, setNotifications] = useState<NotificationAccess>(notificationAccess);

  const unlock = useCallback(() => {
    if (sound.ready) return;
    sound.unlock();
    // resume() settles asynchronously; look again shortly after.
    setTimeout(() => setSoundReady(sound.ready), 200);
  }, [sound]);

  // Every tap or key press on the page also (re)unlocks sound: a carer who never presses
  // the button still hears the next critical alert, and iOS suspends audio in the
  // background, so one unlock is not enough. Unlocking a running context costs nothing.
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) document.addEventListener(e, unlock);
    return () => {
      for (const e of events) document.removeEventListener(e, unlock);
    };
  }, [unlock]);

  const enable = useCallback(() => {
    unlock();
    void requestNotificationAccess().then(setNotifications);
  }, [unlock]);

  const cue = useCallback(
    (items: { title: string; body: string; tag: string }[]) => {
      sound.play();
      for (const n of items) notify(n.title, n.body, n.tag);
    },
    [sound],
  );

  return { soundReady, notifications, enable, cue };
}

// The idle lock: a protected journal closes itself after the chosen minutes without a key
// press, click or pointer move, and the unlock screen shows.
import { app } from './app.svelte';

/** How often the window looks at the clock, in milliseconds. */
const CHECK_EVERY_MS = 5_000;

/** True when `minutes` (if any) have passed since `lastActivity` (both in milliseconds). */
export function idleExpired(lastActivity: number, now: number, minutes: number | null): boolean {
  return minutes !== null && minutes > 0 && now - lastActivity >= minutes * 60_000;
}

/** Starts watching; returns the function that stops it. */
export function startIdleLock(): () => void {
  let last = Date.now();
  const seen = () => {
    last = Date.now();
  };
  const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;
  for (const e of events) window.addEventListener(e, seen, { passive: true });
  const timer = setInterval(() => {
    const open = app.status !== null && app.status.error === null && app.status.protected;
    if (open && idleExpired(last, Date.now(), app.lockAfter)) {
      void app.lock();
      last = Date.now();
    }
  }, CHECK_EVERY_MS);
  return () => {
    clearInterval(timer);
    for (const e of events) window.removeEventListener(e, seen);
  };
}

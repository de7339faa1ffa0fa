/** The current time, refreshed every `everyMs`, so "2 min ago" keeps counting. */
import { useEffect, useState } from 'preact/hooks';

export const CLOCK_TICK_MS = 15_000; // ms; relative times are shown to the minute

export function useNow(everyMs: number = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

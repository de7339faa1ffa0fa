/** The pipeline's health from /api/v1/health, polled while the page is open. */
import { useEffect, useState } from 'preact/hooks';
import type { Health } from '../../service/contract.js';
import type { Api } from './api.js';

export const HEALTH_POLL_MS = 30_000; // ms

export interface HealthView {
  health: Health | null;
  /** When the last answer (or failure) came, ms since the epoch; null before the first. */
  checkedAt: number | null;
  /** The last check failed: what is shown is older than `checkedAt`, or nothing. */
  failed: boolean;
}

export function useHealth(api: Api, everyMs: number = HEALTH_POLL_MS): HealthView {
  const [view, setView] = useState<HealthView>({ health: null, checkedAt: null, failed: false });
  useEffect(() => {
    let active = true;
    const check = () => {
      api.health().then(
        (health) => active && setView({ health, checkedAt: Date.now(), failed: false }),
        () => active && setView((v) => ({ ...v, checkedAt: Date.now(), failed: true })),
      );
    };
    check();
    const timer = setInterval(check, everyMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api, everyMs]);
  return view;
}

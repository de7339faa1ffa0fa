/**
 * Residents from /api/v1/residents, kept current between fetches by activity frames, and
 * fetched again every few minutes (residents are added rarely) or when asked to.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Resident } from '../../service/contract.js';
import type { Api } from './api.js';
import { applyActivity } from './residents-state.js';
import type { ActivityFrame } from './stream-client.js';

export const RESIDENTS_REFRESH_MS = 5 * 60_000; // ms

export interface ResidentsView {
  residents: readonly Resident[] | null;
  failed: boolean;
  applyActivity(frame: ActivityFrame): void;
  /** Fetches again now (for example after the stream was down and activity was missed). */
  refresh(): void;
}

export function useResidents(api: Api): ResidentsView {
  const [residents, setResidents] = useState<readonly Resident[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [requests, setRequests] = useState(0);

  useEffect(() => {
    let active = true;
    const load = () => {
      api.residents().then(
        (list) => {
          if (!active) return;
          setResidents(list);
          setFailed(false);
        },
        () => active && setFailed(true),
      );
    };
    load();
    const timer = setInterval(load, RESIDENTS_REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api, requests]);

  const onActivity = useCallback((frame: ActivityFrame) => {
    setResidents((list) => (list === null ? list : applyActivity(list, frame)));
  }, []);

  const refresh = useCallback(() => setRequests((n) => n + 1), []);

  return { residents, failed, applyActivity: onActivity, refresh };
}

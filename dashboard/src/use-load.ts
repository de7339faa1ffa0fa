/**
 * Data a page fetches: loaded on mount and whenever `key` changes, again every `everyMs` if
 * given, and on reload(). What was shown stays shown while a refresh is under way or failed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from './api.js';

export interface Loaded<T> {
  data: T | null;
  /** The last attempt failed (data, if any, is from before). */
  error: ApiRequestError | null;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, key: string, everyMs?: number): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [requests, setRequests] = useState(0);

  useEffect(() => {
    let active = true;
    const run = () => {
      load().then(
        (value) => {
          if (!active) return;
          setData(value);
          setError(null);
        },
        (failure: unknown) => {
          if (!active) return;
          setError(failure instanceof ApiRequestError ? failure : new ApiRequestError('network', String(failure)));
        },
      );
    };
    run();
    const timer = everyMs === undefined ? undefined : setInterval(run, everyMs);
    return () => {
      active = false;
      if (timer !== undefined) clearInterval(timer);
    };
  }, [key, requests, everyMs]);

  useEffect(() => setData(null), [key]);

  const reload = useCallback(() => setRequests((n) => n + 1), []);
  return { data, error, reload };
}

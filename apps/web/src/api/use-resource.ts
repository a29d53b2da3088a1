import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiRequestError } from './client';

export interface Resource<T> {
  /** The last good answer; kept while a refresh is in flight or after it failed. */
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  refresh(): void;
}

/**
 * Loads a resource, optionally polls it, and refetches when `key` changes. Requests of an
 * unmounted component or an outdated key are aborted so they can never overwrite newer data.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: { key?: string; intervalMs?: number } = {},
): Resource<T> {
  const { key = '', intervalMs } = options;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiRequestError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, tick]);

  useEffect(() => {
    if (!intervalMs) return;
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, key]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, refresh };
}

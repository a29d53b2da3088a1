import { useEffect, useState } from 'react';
import type { SearchCheckRequest, SearchCheckResponse } from '@weir/protocol';
import { errorText } from '../../../api/client';
import { checkSearch } from '../api/kafka-endpoints';

/** Type-checks the expression as it is typed (debounced), against the given or inferred schema. */
export function useSearchCheck(cluster: string, topic: string, request: SearchCheckRequest, delayMs = 400) {
  const [result, setResult] = useState<SearchCheckResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(request);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      checkSearch(cluster, topic, JSON.parse(key) as SearchCheckRequest, controller.signal).then(
        (r) => {
          setResult(r);
          setError(null);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorText(err));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cluster, topic, key, delayMs]);
  return { result, error };
}

import { create } from 'zustand';

export interface Location {
  pathname: string;
  search: string;
}

interface RouterState extends Location {
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Re-reads window.location (after the browser's back/forward). */
  sync(): void;
}

function current(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/**
 * The whole router: the browser's history API mirrored into a store, so a component
 * re-renders only when the part of the location it selects changes.
 */
export const useRouter = create<RouterState>((set) => ({
  ...current(),
  navigate(to, options) {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const next = url.pathname + url.search + url.hash;
    if (options?.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    set({ pathname: url.pathname, search: url.search });
    window.scrollTo?.(0, 0);
  },
  sync() {
    set(current());
  },
}));

/** Keeps the store in step with back/forward; returns the unsubscribe function. */
export function listenToHistory(): () => void {
  const onPop = () => useRouter.getState().sync();
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

export function navigate(to: string, options?: { replace?: boolean }): void {
  useRouter.getState().navigate(to, options);
}

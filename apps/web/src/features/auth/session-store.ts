import { roleAtLeast, type Role, type User } from '@weir/protocol';
import { create } from 'zustand';
import { fetchMe, logout } from '../../api/auth-endpoints';
import { ApiRequestError, onUnauthorized } from '../../api/client';
import { navigate, useRouter } from '../../router/router-store';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'unknown';

interface SessionState {
  status: SessionStatus;
  user: User | null;
  /** Asks the server who is signed in. */
  load(): Promise<void>;
  signedIn(user: User): void;
  logOut(): Promise<void>;
}

export const LOGIN_PATH = '/login';

// Bumped by every sign-in: an answer to a /me asked before it is stale and must not undo it.
let generation = 0;

export const useSession = create<SessionState>((set) => ({
  status: 'loading',
  user: null,
  async load() {
    const asked = generation;
    try {
      const { user } = await fetchMe();
      if (asked === generation) set({ status: 'signed-in', user });
    } catch (err) {
      if (asked !== generation) return;
      // Only a 401 means "not signed in"; anything else (server down) leaves it open.
      if (err instanceof ApiRequestError && err.status === 401) set({ status: 'signed-out', user: null });
      else set({ status: 'unknown' });
    }
  },
  signedIn(user) {
    generation++;
    set({ status: 'signed-in', user });
  },
  async logOut() {
    try {
      await logout();
    } finally {
      set({ status: 'signed-out', user: null });
      navigate(LOGIN_PATH);
    }
  },
}));

/** True when the signed-in user has at least `role`; false while nobody is known. */
export function useHasRole(role: Role): boolean {
  return useSession((s) => (s.user ? roleAtLeast(s.user.role, role) : false));
}

/** The login page's address that brings the person back to where they were. */
export function loginPathFor(pathname: string, search: string): string {
  if (pathname === LOGIN_PATH) return LOGIN_PATH;
  const here = pathname + search;
  return here === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`;
}

/** Only paths inside this app may be a `next`: `//evil.example` or `https://…` would leave it. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

/**
 * Sends the person to the login page when the server says the session is gone (any 401),
 * and once at start when there is none; returns the unsubscribe function.
 */
export function watchSession(): () => void {
  const toLogin = () => {
    const { pathname, search } = useRouter.getState();
    if (pathname === LOGIN_PATH) return;
    useSession.setState({ status: 'signed-out', user: null });
    navigate(loginPathFor(pathname, search), { replace: true });
  };
  const stop = onUnauthorized(toLogin);
  // The login page signs in by itself; asking /me there would only race its token exchange.
  if (useRouter.getState().pathname !== LOGIN_PATH) {
    void useSession.getState().load().then(() => {
      if (useSession.getState().status === 'signed-out') toLogin();
    });
  }
  return stop;
}

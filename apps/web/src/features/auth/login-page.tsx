import { useEffect, useRef, useState } from 'react';
import { login } from '../../api/auth-endpoints';
import { ApiRequestError } from '../../api/client';
import { navigate, useRouter } from '../../router/router-store';
import { Logo } from '../../ui/logo';
import { Spinner } from '../../ui/spinner';
import { ThemeToggle } from '../../ui/theme-toggle';
import { safeNext, useSession } from './session-store';

type LoginState = { phase: 'idle' } | { phase: 'working' } | { phase: 'failed'; message: string; code: string };

function explain(err: unknown): { message: string; code: string } {
  if (err instanceof ApiRequestError) {
    if (err.code === 'INVALID_LOGIN_TOKEN') {
      return { code: err.code, message: 'This login link has already been used or has expired. Each link works once.' };
    }
    return { code: err.code, message: err.message };
  }
  return { code: 'CLIENT', message: err instanceof Error ? err.message : String(err) };
}

/**
 * `/login?token=…`: exchanges a one-time login token for a session and goes on to where the
 * person was headed. Without a token it says where to find a login link.
 */
export function LoginPage({ home }: { home: string }) {
  const search = useRouter((s) => s.search);
  const params = new URLSearchParams(search);
  const token = params.get('token');
  const next = safeNext(params.get('next')) ?? home;
  const [state, setState] = useState<LoginState>({ phase: token ? 'working' : 'idle' });
  const used = useRef<string | null>(null);

  useEffect(() => {
    document.title = 'Log in · Weir';
    // The token works once: StrictMode's second effect run must not spend it again.
    if (!token || used.current === token) return;
    used.current = token;
    setState({ phase: 'working' });
    login(token).then(
      ({ user }) => {
        useSession.getState().signedIn(user);
        navigate(next, { replace: true });
      },
      (err: unknown) => setState({ phase: 'failed', ...explain(err) }),
    );
  }, [token, next]);

  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <ThemeToggle />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[12vh]">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="mb-6 flex items-center gap-3">
            <Logo className="h-9 w-9" />
            <h1 className="text-xl font-semibold tracking-tight">Log in to Weir</h1>
          </div>
          {state.phase === 'working' && <Spinner label="Signing you in" />}
          {state.phase === 'failed' && (
            <div role="alert" className="mb-5 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-900/60 dark:bg-rose-950/40 dark:text-rose-100">
              <p className="font-semibold">Could not log in</p>
              <p className="mt-1">{state.message}</p>
              <p className="mt-1 font-mono text-xs opacity-80">{state.code}</p>
            </div>
          )}
          {state.phase !== 'working' && (
            <div className="space-y-3 text-sm text-slate-600 dark:text-slate-300">
              <p>Weir signs you in with a one-time login link; there are no passwords.</p>
              <p>
                Open the link that <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] dark:bg-slate-800">weir up</code> printed
                when it started (it is also saved in <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] dark:bg-slate-800">.weir/login-url</code>),
                or ask an admin to create a link for you.
              </p>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}

import { useEffect } from 'react';
import { ROUTES, HOME } from './routes';
import { matchRoute } from './router/match-route';
import { listenToHistory, navigate, useRouter } from './router/router-store';
import { AppShell } from './shell/app-shell';
import { NotFoundPage } from './shell/not-found-page';
import { listenToSystemTheme } from './ui/theme-store';

const PATTERNS = ROUTES.map((r) => r.pattern);

export function App() {
  const pathname = useRouter((s) => s.pathname);
  useEffect(() => listenToHistory(), []);
  useEffect(() => listenToSystemTheme(), []);
  useEffect(() => {
    if (pathname === '/') navigate(HOME, { replace: true });
  }, [pathname]);

  const match = matchRoute(PATTERNS, pathname);
  const route = match && ROUTES.find((r) => r.pattern === match.pattern);
  return (
    <AppShell layout={route?.layout ?? 'page'}>
      {route && match ? route.render(match) : pathname === '/' ? null : <NotFoundPage pathname={pathname} />}
    </AppShell>
  );
}

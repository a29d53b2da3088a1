import { useEffect, type ReactNode } from 'react';
import { watchSession } from '../features/auth/session-store';
import { Toaster } from '../ui/toaster';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';

/** `page`: a centred column; `full`: the whole area beside the sidebar (the canvas); `bare`: no shell at all (login). */
export type ShellLayout = 'page' | 'full' | 'bare';

export function AppShell({ children, layout = 'page' }: { children: ReactNode; layout?: ShellLayout }) {
  useEffect(() => watchSession(), []);
  if (layout === 'bare') {
    return (
      <>
        {children}
        <Toaster />
      </>
    );
  }
  return (
    <div className="flex h-screen flex-col">
      <TopBar />
      <div className="flex min-h-0 flex-1">
        <Sidebar compact={layout === 'full'} />
        {layout === 'full' ? (
          <main className="flex min-w-0 flex-1 flex-col">{children}</main>
        ) : (
          <main className="min-w-0 flex-1 overflow-y-auto">
            <div className="mx-auto max-w-6xl px-8 py-8">{children}</div>
          </main>
        )}
      </div>
      <Toaster />
    </div>
  );
}

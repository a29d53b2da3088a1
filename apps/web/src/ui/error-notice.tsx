import type { ReactNode } from 'react';

/** A failure the person can read and act on: what failed, why (with the server's code), and a way out. */
export function ErrorNotice({ title, message, code, action }: { title: string; message: string; code?: string; action?: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex items-start justify-between gap-4 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-900/60 dark:bg-rose-950/40 dark:text-rose-100"
    >
      <div>
        <p className="font-semibold">{title}</p>
        <p className="mt-1 text-rose-800 dark:text-rose-200">{message}</p>
        {code && <p className="mt-1 font-mono text-xs text-rose-700/80 dark:text-rose-300/80">{code}</p>}
      </div>
      {action}
    </div>
  );
}

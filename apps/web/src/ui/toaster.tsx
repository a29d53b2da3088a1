import { Link } from '../router/link';
import { CloseIcon } from './icons';
import { useToasts, type ToastTone } from './toast-store';

const TONES: Record<ToastTone, string> = {
  info: 'border-slate-200 dark:border-slate-700',
  success: 'border-emerald-300 dark:border-emerald-800',
  error: 'border-rose-300 dark:border-rose-800',
};
const DOTS: Record<ToastTone, string> = { info: 'bg-cyan-500', success: 'bg-emerald-500', error: 'bg-rose-500' };

/** Renders the toasts; mounted once by the app shell. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto flex items-start gap-3 rounded-lg border bg-white px-4 py-3 text-sm shadow-lg dark:bg-slate-900 ${TONES[t.tone]}`}
        >
          <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOTS[t.tone]}`} aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900 dark:text-slate-100">{t.title}</p>
            {t.message && <p className="mt-0.5 break-words text-slate-600 dark:text-slate-300">{t.message}</p>}
            {t.link && (
              <Link to={t.link.to} onClick={() => dismiss(t.id)} className="mt-1 inline-block font-medium text-cyan-700 hover:underline dark:text-cyan-400">
                {t.link.label}
              </Link>
            )}
          </div>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss"
            className="rounded p-0.5 text-slate-400 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:hover:text-slate-200"
          >
            <CloseIcon className="h-4 w-4" />
          </button>
        </div>
      ))}
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { ChevronDownIcon, LogOutIcon } from '../../ui/icons';
import { useSession } from './session-store';

const ROLE_HELP: Record<string, string> = {
  viewer: 'can look at everything, change nothing',
  operator: 'can also deploy and stop jobs, and produce messages',
  admin: 'can also manage users and connections',
};

/** The signed-in user in the top bar: name and role, and a menu to log out. */
export function UserMenu() {
  const user = useSession((s) => s.user);
  const logOut = useSession((s) => s.logOut);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account: ${user.name} (${user.role})`}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-cyan-700 text-xs font-semibold text-white uppercase">
          {user.name.slice(0, 1)}
        </span>
        <span className="font-medium">{user.name}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{user.role}</span>
        <ChevronDownIcon className="h-4 w-4 text-slate-400" />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Account"
          className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="border-b border-slate-100 px-4 py-3 text-sm dark:border-slate-800">
            <p className="font-medium">{user.name}</p>
            <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
              {user.role}: {ROLE_HELP[user.role] ?? ''}
            </p>
          </div>
          <button
            type="button"
            role="menuitem"
            autoFocus
            onClick={() => {
              setOpen(false);
              void logOut();
            }}
            className="flex w-full items-center gap-2 px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
          >
            <LogOutIcon className="h-4 w-4" />
            Log out
          </button>
        </div>
      )}
    </div>
  );
}

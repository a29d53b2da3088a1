import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { isWithin } from './match-route';
import { navigate, useRouter } from './router-store';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  /** Mark the link current also when the location is below `to`. */
  matchNested?: boolean;
}

// Let the browser handle what people expect of a real link: new tab, new window, download.
function isPlainLeftClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

/** An <a> that moves within the app without reloading it. */
export function Link({ to, matchNested = false, onClick, target, ...rest }: LinkProps) {
  const pathname = useRouter((s) => s.pathname);
  const current = matchNested ? isWithin(to, pathname) : pathname === to;
  return (
    <a
      {...rest}
      href={to}
      target={target}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        onClick?.(e);
        if (!isPlainLeftClick(e) || (target && target !== '_self')) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}

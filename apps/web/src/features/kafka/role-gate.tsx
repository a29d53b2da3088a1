import type { ComponentProps } from 'react';
import type { Role } from '@weir/protocol';
import { useHasRole } from '../auth/session-store';
import { Button } from '../../ui/button';
import { needsRole } from './format';

/**
 * A button for an action that needs a role: disabled, with the reason as its tooltip and
 * beside it, for someone without the role (the server refuses them anyway).
 */
export function RoleButton({ role, children, disabled, title, ...rest }: ComponentProps<typeof Button> & { role: Exclude<Role, 'viewer'> }) {
  const allowed = useHasRole(role);
  return (
    <span className="inline-flex items-center gap-2">
      <Button {...rest} disabled={disabled || !allowed} title={allowed ? title : needsRole(role)}>
        {children}
      </Button>
      {!allowed && <span className="text-xs text-slate-500 dark:text-slate-400">{needsRole(role)}</span>}
    </span>
  );
}

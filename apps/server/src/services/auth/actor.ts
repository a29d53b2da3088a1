import { roleAtLeast, type Role } from '@weir/protocol';
import { ApiError } from '../../api-error';

/** Who asks: every service method that reads or changes something takes one. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/**
 * The permission check, made in the services so that every transport (REST today,
 * socket.io and the CLI later) gets the same one. No actor: 401; too low a role: 403 naming the role needed.
 */
export function requireRole(actor: Actor | null | undefined, required: Role): asserts actor is Actor {
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Log in first: open a login link (weir up prints one; an admin can make one for you).');
  if (!roleAtLeast(actor.role, required)) {
    throw new ApiError(403, 'FORBIDDEN', `This needs the ${required} role; ${actor.name} is ${actor.role === 'admin' ? 'an' : 'a'} ${actor.role}.`, {
      required,
      role: actor.role,
    });
  }
}

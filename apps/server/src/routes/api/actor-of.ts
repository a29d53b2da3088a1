import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../api-error';
import type { Actor } from '../../services/auth/actor';

/** The session's user, for routes in the session context (the session plugin has set it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Log in first: open a login link (weir up prints one; an admin can make one for you).');
  return req.actor;
}

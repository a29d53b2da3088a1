import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'weir_session';

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
 * when the request came over https, and a Max-Age matching the sliding expiry.
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: number, now: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: Math.max(0, Math.round((expiresAt - now) / 1000)),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/' });
}

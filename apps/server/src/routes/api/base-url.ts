import type { FastifyRequest } from 'fastify';

/** The origin the caller reached the server at, so the links made for them open where they are. */
export function requestBaseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

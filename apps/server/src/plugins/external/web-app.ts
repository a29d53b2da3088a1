import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../../api-error';

// Paths that belong to the server, never to the browser router.
const SERVER_PREFIXES = ['/api/', '/docs/', '/socket.io/'];

/** A browser navigation the single-page app should answer: GET/HEAD, no file extension, not a server path. */
export function isAppNavigation(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0]!;
  if (path === '/api' || path === '/docs' || SERVER_PREFIXES.some((p) => path.startsWith(p))) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weir</title></head>
<body><h1>Weir's web app is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>) and reload.</p>
<p>The REST API is available under <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * Serves the built web app from config.webDir: hashed assets with a long cache, index.html
 * for every app route (history-API routing), JSON 404s for everything else.
 */
export default fp(
  async (app) => {
    const root = app.config.webDir;
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root,
        index: ['index.html'],
        setHeaders: (res, filePath) => {
          const immutable = filePath.startsWith(join(root, 'assets'));
          res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }

    app.setNotFoundHandler(async (req: FastifyRequest, reply: FastifyReply) => {
      if (isAppNavigation(req.method, req.url)) {
        if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      const path = req.url.split('?')[0];
      throw new ApiError(404, 'NOT_FOUND', `No route ${req.method} ${path}`);
    });
  },
  { name: 'weir-web-app', dependencies: ['weir-config'] },
);

import { pathToFileURL } from 'node:url';
import type { LoginLink } from '@weir/protocol';
import { buildApp, type AppOptions } from './app';
import { loadConfig, type WeirConfig } from './config';
import { issueAdminLoginLink } from './login-link';

export interface RunningServer {
  /** Base URL the browser opens, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /**
   * A fresh one-time admin login link to this server (`weir up` prints it), creating the
   * first admin if there is none; also written to `<dataDir>/login-url` (mode 0600).
   * `onlyIfNoAdmin`: null, and nothing issued, when an admin exists.
   */
  issueAdminLoginLink(options?: { onlyIfNoAdmin?: boolean }): Promise<LoginLink | null>;
  close(): Promise<void>;
}

export class ServerStartError extends Error {
  override readonly name = 'ServerStartError';

  constructor(
    readonly code: 'PORT_IN_USE' | 'LISTEN_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Builds the app and listens; a taken port rejects with PORT_IN_USE naming it. */
export async function startServer(config: WeirConfig, options: AppOptions = {}): Promise<RunningServer> {
  const app = await buildApp(config, options);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ServerStartError(
        'PORT_IN_USE',
        `Port ${config.port} on ${config.host} is already in use. Stop what uses it, or choose another port with --port N (or WEIR_PORT=N).`,
        { cause: err },
      );
    }
    throw new ServerStartError('LISTEN_FAILED', `Cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostInUrl}:${port}`;
  return { url, port, issueAdminLoginLink: (opts) => issueAdminLoginLink(app, url, opts), close: () => app.close() };
}

// `node --import tsx apps/server/src/main.ts`: the server alone, configured from the environment.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer(loadConfig());
  process.stdout.write(`Weir server listening at ${server.url}\n`);
  const link = await server.issueAdminLoginLink({ onlyIfNoAdmin: true });
  if (link) process.stdout.write(`Log in: ${link.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

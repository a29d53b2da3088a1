import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface WeirUp {
  url: string;
  /** The admin's one-time login token (`weir up` writes the link to <dataDir>/login-url). */
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * `weir up` as e2e starts it (playwright.config.ts): a wiped data directory, its own port and
 * broker (or KAFKA_BROKERS), the built web app, the demo topics streaming. Resolves once it
 * prints its URL, which comes after the demo topics exist.
 */
export async function startWeirUp(opts: { root: string; port: number; kafkaPort: number; dataDir: string; log: (m: string) => void }): Promise<WeirUp> {
  rmSync(opts.dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(opts.root, 'apps/cli/src/bin.ts'), 'up', '--port', String(opts.port), '--data-dir', opts.dataDir, '--kafka-port', String(opts.kafkaPort)],
    { cwd: opts.root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  );
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const line of d.toString().split('\n')) if (line.trim()) opts.log(`weir up: ${line.trim()}`);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const stop = async () => {
    if (child.exitCode !== null) return;
    // weir up stops its broker on SIGINT; a SIGKILL would leave the broker behind.
    child.kill('SIGINT');
    const t = setTimeout(() => child.kill('SIGKILL'), 45_000);
    await exited;
    clearTimeout(t);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const m = /Weir is running at (\S+)/.exec(out);
        if (m) {
          clearInterval(check);
          resolve(m[1]!);
        }
      }, 200);
      void exited.then((code) => {
        clearInterval(check);
        reject(new Error(`weir up exited (${code}) before it was running:\n${out.slice(-2000)}`));
      });
      setTimeout(() => {
        clearInterval(check);
        reject(new Error('weir up did not start within 240 s'));
      }, 240_000).unref();
    });
    const link = readFileSync(join(opts.dataDir, 'login-url'), 'utf8').trim();
    const adminToken = new URL(link).searchParams.get('token');
    if (!adminToken) throw new Error(`no token in the login link ${link}`);
    return { url: new URL(url).origin, adminToken, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

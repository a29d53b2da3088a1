import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testBrokers } from '@weir/kafka/testing';
import { ClusterOverviewSchema, CSRF_HEADER, CSRF_HEADER_VALUE, HealthSchema, SessionResponseSchema } from '@weir/protocol';
import { isProcessAlive, probePort } from '@weir/stack';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

interface Weir {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const running: Weir[] = [];
const tempDirs: string[] = [];

function startWeir(args: string[], env: NodeJS.ProcessEnv): Weir {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'up', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const weir = { child, output: () => out, exited };
  running.push(weir);
  return weir;
}

/** Resolves with the first match of `pattern` in the output; rejects if the process ends first. */
function waitForOutput(weir: Weir, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = weir.output().match(pattern);
      if (!m) return false;
      cleanup();
      resolve(m);
      return true;
    };
    const onData = () => void check();
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${weir.output()}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      if (check()) return;
      cleanup();
      reject(new Error(`weir up exited (${code}) before ${pattern}; output:\n${weir.output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      weir.child.stdout!.off('data', onData);
      weir.child.off('exit', onExit);
    };
    weir.child.stdout!.on('data', onData);
    weir.child.on('exit', onExit);
    check();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Two consecutive free ports (Kafka's broker and KRaft controller). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const p = 30000 + Math.floor(Math.random() * 20000);
    if ((await probePort('127.0.0.1', p)) === 'free' && (await probePort('127.0.0.1', p + 1)) === 'free') return p;
  }
}

/**
 * Logs in with the admin link `weir up` printed (and wrote to <dataDir>/login-url, mode 0600),
 * as docs/security.md describes; answers the Cookie header that carries the session.
 */
async function logInWithPrintedLink(weir: Weir, url: string, dataDir: string): Promise<string> {
  const [, link] = weir.output().match(/^Log in: (\S+)$/m) ?? [];
  expect(link, weir.output()).toMatch(new RegExp(`^${url}/login\\?token=`));
  const file = join(dataDir, 'login-url');
  expect(readFileSync(file, 'utf8').trim()).toBe(link);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: JSON.stringify({ token: new URL(link!).searchParams.get('token') }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(SessionResponseSchema.parse(await res.json()).user).toMatchObject({ name: 'admin', role: 'admin' });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('weir_session='));
  expect(cookie, 'the login answer sets weir_session').toBeDefined();
  return cookie!.split(';')[0]!;
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of names) delete env[n];
  return env;
}

function kafkaProcessesUsing(dir: string): string[] {
  const r = spawnSync('pgrep', ['-af', 'kafka.Kafka'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(dir));
}

afterEach(async () => {
  for (const w of running.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) {
      w.child.kill('SIGINT');
      const t = setTimeout(() => w.child.kill('SIGKILL'), 30_000);
      await w.exited;
      clearTimeout(t);
    }
  }
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('weir up', () => {
  it('serves the API with the given brokers and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'weir-up-'));
    tempDirs.push(dataDir);
    const weir = startWeir(['--port', String(port), '--data-dir', dataDir, '--no-demo'], {
      ...envWithout('WEIR_PORT', 'WEIR_DATA_DIR'),
      KAFKA_BROKERS: testBrokers(),
    });
    const [, url] = await waitForOutput(weir, /Weir is running at (http:\/\/\S+)/, 60_000);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(weir.output()).toContain(`Kafka: using KAFKA_BROKERS=${testBrokers()}`);

    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(HealthSchema.parse(await res.json())).toMatchObject({ status: 'ok', kafka: { reachable: true } });

    weir.child.kill('SIGINT');
    expect(await weir.exited).toBe(0);
    expect(weir.output()).toContain('Weir stopped.');
    expect(await probePort('127.0.0.1', port)).toBe('free');
  });

  it('starts its own Kafka with the demo topics and leaves no process behind', async () => {
    const port = await freePort();
    const kafkaPort = await freePortPair();
    const dataDir = mkdtempSync(join(tmpdir(), 'weir-up-kafka-'));
    tempDirs.push(dataDir);
    const weir = startWeir(
      ['--port', String(port), '--data-dir', dataDir, '--kafka-port', String(kafkaPort)],
      envWithout('KAFKA_BROKERS', 'WEIR_PORT', 'WEIR_DATA_DIR'),
    );
    const [, url] = await waitForOutput(weir, /Weir is running at (http:\/\/\S+)/, 110_000);
    const [, pid] = weir.output().match(/Kafka: started at 127\.0\.0\.1:\d+ in [\d.]+ s \(pid (\d+);/) ?? [];
    expect(pid, weir.output()).toBeDefined();
    expect(weir.output()).toContain('Demo data: streaming to orders, clicks, logs');
    expect(kafkaProcessesUsing(dataDir)).toHaveLength(1);

    // Every route but health and login needs a session.
    expect((await fetch(`${url}/api/cluster`)).status).toBe(401);
    const cookie = await logInWithPrintedLink(weir, url!, dataDir);
    const res = await fetch(`${url}/api/cluster`, { headers: { cookie } });
    expect(res.status, await res.clone().text()).toBe(200);
    const overview = ClusterOverviewSchema.parse(await res.json());
    expect(overview.brokers.map((b) => b.port)).toEqual([kafkaPort]);
    expect(overview.topics.map((t) => t.name)).toEqual(expect.arrayContaining(['orders', 'clicks', 'logs']));

    weir.child.kill('SIGINT');
    expect(await weir.exited).toBe(0);
    expect(kafkaProcessesUsing(dataDir)).toEqual([]);
    // Zombie-aware: in a container the reaper of an orphan may be slow or absent.
    expect(isProcessAlive(Number(pid))).toBe(false);
    expect(await probePort('127.0.0.1', port)).toBe('free');
    expect(await probePort('127.0.0.1', kafkaPort)).toBe('free');
  });

  it('names a taken port and how to choose another, and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const weir = startWeir(['--port', String(port), '--no-demo'], { ...process.env, KAFKA_BROKERS: testBrokers() });
      expect(await weir.exited).toBe(1);
      expect(weir.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(weir.output()).toContain('--port N');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});

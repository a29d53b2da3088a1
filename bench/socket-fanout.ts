// 200 socket.io clients watching one job: what the fan-out costs the server. The server runs
// in this process (a fake engine emits a 150-node snapshot every second); the clients run in a
// child process, so only the server's work is counted. Measured, not asserted (goal: < 5 % of
// one core). Alone: node --import tsx bench/socket-fanout.ts [--clients 200] [--seconds 30]
// Writes bench/results/socket-fanout-latest.json; registered in run.ts (`--only socketFanout`).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { NodeMetrics } from '@weir/model';
import { JobRecordSchema, LIVE_EVENTS, PipelineRecordSchema } from '@weir/protocol';
import { JOB_EVENTS, jobRoom } from '@weir/protocol/live-jobs';
import { revenueDocument } from '@weir/server/testing/documents';
import { FakeEngine } from '@weir/server/testing/fake-engine';
import { startTestApp } from '@weir/server/testing/test-app';
import { machineInfo } from './lib/machine';
import type { RunResult, Workload } from './lib/workload';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

function nodes(n: number, second: number): Record<string, NodeMetrics> {
  const out: Record<string, NodeMetrics> = {};
  for (let i = 0; i < n; i++) {
    out[`node-${i}`] = {
      recordsInPerSecond: 1000 + ((i * 7 + second) % 50), recordsOutPerSecond: 990, recordsInTotal: second * 1000, recordsOutTotal: second * 990,
      busyTimeMsPerSecond: 300, backPressuredTimeMsPerSecond: (i + second) % 3 === 0 ? 600 : 0, idleTimeMsPerSecond: 100,
      backpressure: (i + second) % 3 === 0 ? 'HIGH' : 'OK', currentWatermark: Date.now() - 5000, lateRecords: 0, errors: 0,
    };
  }
  return out;
}

export interface FanoutResult {
  clients: number;
  seconds: number;
  /** Server CPU over the window, as % of one core: with the clients, and idle (no clients) for reference. */
  serverCpuPercent: number;
  baselineCpuPercent: number;
  snapshotsDelivered: number;
  snapshotBytes: number;
}

async function measureCpu(seconds: number, tick: (i: number) => void): Promise<number> {
  const before = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < seconds; i++) {
    tick(i);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const used = process.cpuUsage(before);
  return Math.round(((used.user + used.system) / 1000 / (performance.now() - started)) * 10000) / 100;
}

export async function socketFanout(clients: number, seconds: number, log: (m: string) => void): Promise<FanoutResult> {
  const engine = new FakeEngine();
  const t = await startTestApp({ engines: [{ name: 'embedded', engine, reason: null }], config: { kafkaBrokers: '127.0.0.1:1', rateLimitMax: 100_000 } });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const viewer = await t.login('viewer');
    const operator = await t.login('operator');
    const p = PipelineRecordSchema.parse((await t.call(operator, { method: 'POST', url: '/api/pipelines', payload: { document: revenueDocument('fanout') } })).json());
    const job = JobRecordSchema.parse((await t.call(operator, { method: 'POST', url: `/api/pipelines/${p.id}/deploy`, payload: { engine: 'embedded' } })).json());
    const fake = engine.job(job.id);
    let second = 0;
    const emit = () => {
      second++;
      fake.emit({ time: Date.now(), nodes: nodes(150, second), partitions: [], checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 } });
    };
    const snapshotBytes = JSON.stringify(nodes(150, 1)).length;
    const baselineCpuPercent = await measureCpu(Math.min(10, seconds), emit);
    log(`baseline (no clients): ${baselineCpuPercent} % of one core`);

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', base, viewer.cookie, job.id, String(clients)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (out.includes('joined')) {
          clearInterval(check);
          resolve();
        }
      }, 100);
      child.once('exit', (code) => reject(new Error(`the clients exited (${code}) before joining`)));
    });
    log(`${clients} clients joined`);
    const serverCpuPercent = await measureCpu(seconds, emit);
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await ended;
    const delivered = Number(/delivered (\d+)/.exec(out)?.[1] ?? 0);
    log(`with ${clients} clients: ${serverCpuPercent} % of one core, ${delivered} snapshots delivered`);
    return { clients, seconds, serverCpuPercent, baselineCpuPercent, snapshotsDelivered: delivered, snapshotBytes };
  } finally {
    await t.close();
  }
}

/** For run.ts: "records" are snapshots delivered; the CPU share is logged and written by `main`. */
export const socketFanoutWorkload: Workload = {
  figure: 'socketFanoutSnapshotsPerSecond',
  description: '200 socket.io clients in one job room, a 150-node snapshot per second for 30 s (server CPU in bench/results/socket-fanout-latest.json)',
  async run(ctx): Promise<RunResult> {
    const started = Date.now();
    const r = await socketFanout(200, 30, ctx.log);
    write(r);
    return { records: r.snapshotsDelivered, ms: Date.now() - started };
  },
};

function write(r: FanoutResult): void {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'socket-fanout-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machineInfo(), ...r, goalCpuPercent: 5 }, null, 2)}\n`);
}

/** The clients, in their own process: join, count snapshots, print "delivered N" on SIGTERM. */
async function clientsChild([base, cookie, jobId, count]: string[]): Promise<void> {
  let delivered = 0;
  const sockets: Socket[] = [];
  process.on('SIGTERM', () => {
    for (const s of sockets) s.disconnect();
    process.stdout.write(`delivered ${delivered}\n`);
    process.exit(0);
  });
  for (let i = 0; i < Number(count); i++) {
    const s = io(base!, { transports: ['websocket'], extraHeaders: { cookie: cookie!, origin: base! }, reconnection: false, forceNew: true });
    sockets.push(s);
    s.on(JOB_EVENTS.snapshot, () => void delivered++);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    const ack = (await s.timeout(30_000).emitWithAck(LIVE_EVENTS.join, { room: jobRoom(jobId!), params: { jobId } })) as { ok: boolean };
    if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
  }
  process.stdout.write('joined\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--child') {
  clientsChild(process.argv.slice(3)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '200' }, seconds: { type: 'string', default: '30' } } });
  socketFanout(Number(values.clients), Number(values.seconds), (m) => process.stderr.write(`[fanout] ${m}\n`)).then(
    (r) => {
      write(r);
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`[fanout] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

import { Worker } from 'node:worker_threads';
import type { DeployOptions, EmbeddedPlan, StopResult } from '@weir/compiler';
import { RuntimeError } from '../errors/runtime-error';
import type { TuningInput } from '../job/tuning';
import { JobHandle } from './embedded-job';
import { FromWorkerSchema, type ToWorker, type WorkerData } from './messages';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** Node flags that load code (tsx, test runners' hooks); the bootstrap brings its own loader. */
const LOADER_FLAGS = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);

export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = arg.split('=')[0]!;
    if (LOADER_FLAGS.has(name)) {
      if (!arg.includes('=')) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** Runs a job in its own worker thread, so a busy job never stalls the caller's event loop. */
export function deployInWorker(plan: EmbeddedPlan, deploy: DeployOptions, tuning: TuningInput = {}): JobHandle {
  const handle = new JobHandle(deploy.jobId, plan, Date.now(), deploy.dataDir);
  const data: WorkerData = { plan, deploy, tuning };
  const worker = new Worker(BOOTSTRAP, { workerData: data, execArgv: workerExecArgv(process.execArgv), name: `weir job ${deploy.jobId}` });
  const stops: { resolve: (r: StopResult) => void; reject: (e: unknown) => void }[] = [];
  let ended = false;

  const finish = (error?: RuntimeError) => {
    if (ended) return;
    ended = true;
    const status = handle.status();
    const final = error === undefined ? status : {
      ...status, state: 'FAILED' as const, endedAt: Date.now(),
      error: { code: error.code, message: error.message, time: Date.now() },
    };
    handle.onDone(final);
    for (const s of stops.splice(0)) s.resolve({ state: final.state });
  };

  worker.on('message', (raw: unknown) => {
    const parsed = FromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      finish(new RuntimeError('WORKER_FAILED', `job ${deploy.jobId}: unreadable message from the worker: ${parsed.error.issues[0]?.message ?? ''}`));
      void worker.terminate();
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'status':
        handle.onStatus(m.status);
        break;
      case 'metrics':
        handle.onSnapshot(m.snapshot);
        break;
      case 'preview':
        handle.onPreview(m.node, m.rows);
        break;
      case 'stopped':
        for (const s of stops.splice(0)) s.resolve({ state: m.state });
        break;
      case 'stop-failed':
        for (const s of stops.splice(0)) s.reject(new RuntimeError(m.code === 'SAVEPOINTS_UNAVAILABLE' ? 'SAVEPOINTS_UNAVAILABLE' : 'INTERNAL', m.message));
        break;
      case 'done':
        handle.onStatus(m.status);
        finish();
        // The worker exits once its event loop is empty; a client library's stray timer must not keep it alive.
        setTimeout(() => void worker.terminate(), 5_000).unref();
        break;
    }
  });
  worker.on('error', (err) => finish(new RuntimeError('WORKER_FAILED', `job ${deploy.jobId}: the worker thread failed: ${err.message}`, undefined, { cause: err })));
  worker.on('exit', (code) => finish(new RuntimeError('WORKER_FAILED', `job ${deploy.jobId}: the worker thread exited (code ${code}) before the job ended`)));

  handle.attach({
    stop: (savepoint) => {
      if (ended) return Promise.resolve({ state: handle.status().state });
      return new Promise<StopResult>((resolve, reject) => {
        stops.push({ resolve, reject });
        worker.postMessage({ type: 'stop', savepoint } satisfies ToWorker);
      });
    },
  });
  return handle;
}

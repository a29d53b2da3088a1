// The body of a job's worker thread (started through worker-bootstrap.mjs): runs one job
// (a JobSupervisor: JobRunner attempts under the restart strategy) and talks to the engine
// only through the messages of ./messages.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { toJobError } from '../job/job-options';
import { JobSupervisor } from '../job/job-supervisor';
import { FromWorkerSchema, ToWorkerSchema, WorkerDataSchema, type FromWorker } from './messages';

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

function main(): void {
  const port = parentPort;
  if (port === null) throw new Error('worker-main runs in a worker thread');
  const data = WorkerDataSchema.parse(workerData);
  const startedAt = Date.now();
  let runner: JobSupervisor;
  try {
    runner = new JobSupervisor({
      jobId: data.deploy.jobId,
      plan: data.plan,
      deploy: data.deploy,
      tuning: data.tuning,
      events: {
        status: (status) => post({ type: 'status', status }),
        snapshot: (snapshot) => post({ type: 'metrics', snapshot }),
        preview: (node, rows) => post({ type: 'preview', node, rows }),
      },
    });
  } catch (err) {
    post({ type: 'done', status: { state: 'FAILED', startedAt, endedAt: Date.now(), error: toJobError(err, undefined, Date.now()) } });
    port.close();
    return;
  }
  port.on('message', (raw: unknown) => {
    const parsed = ToWorkerSchema.safeParse(raw);
    if (!parsed.success) return;
    runner.stop({ savepoint: parsed.data.savepoint }).then(
      (result) => post({ type: 'stopped', state: result.state }),
      (err: unknown) => post({ type: 'stop-failed', code: toJobError(err, undefined, Date.now()).code, message: (err as Error).message }),
    );
  });
  void runner.done.then((status) => {
    post(FromWorkerSchema.parse({ type: 'done', status }));
    port.close();
  });
  void runner.start();
}

main();

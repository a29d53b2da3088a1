import fp from 'fastify-plugin';
import { nodeRoles } from './history-point';
import { registerJobRooms } from './job-rooms';
import { createJobsLive, type JobsLive } from './jobs-live';

declare module 'fastify' {
  interface FastifyInstance {
    jobsLive: JobsLive;
  }
}

const TICK_MS = 1000;

/**
 * Live job monitoring: keeps each job's newest snapshot and rolling history from the job
 * manager, and fans them out to the `job:<id>` and `jobs:all` rooms of the live socket.
 */
export default fp<{ tickMs?: number }>(
  async (app, opts) => {
    const jobs = createJobsLive({
      log: app.log,
      async resolveRoles(jobId) {
        const j = await app.store.jobs.get(jobId);
        if (!j) return null;
        const v = await app.store.pipelines.getVersion(j.pipelineId, j.version);
        if (!v) return null;
        return nodeRoles(JSON.parse(v.document) as { nodes: { id: string }[]; edges: { from: string; to: string }[] });
      },
    });
    const unsubscribe = app.jobs.onSnapshot((s) => jobs.ingest(s));
    const rooms = registerJobRooms({ live: app.live, jobs, authorizeJob: (actor, id) => app.jobs.get(actor, id) });
    const tickMs = opts.tickMs ?? TICK_MS;
    const timer = setInterval(() => rooms.tick(), tickMs);
    timer.unref();
    let allTimer: NodeJS.Timeout | undefined;
    const offset = setTimeout(() => {
      allTimer = setInterval(() => rooms.tickAll(), tickMs);
      allTimer.unref();
    }, tickMs / 2);
    offset.unref();
    app.decorate('jobsLive', jobs);
    app.addHook('onClose', async () => {
      clearInterval(timer);
      clearTimeout(offset);
      clearInterval(allTimer);
      unsubscribe();
    });
  },
  { name: 'weir-jobs-live', dependencies: ['weir-live', 'weir-job-manager', 'weir-store'] },
);

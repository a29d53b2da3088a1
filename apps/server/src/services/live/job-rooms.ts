import {
  ALL_JOBS_ROOM, JOB_EVENTS, JOB_ROOMS, JobRoomParamsSchema, type JobHistoryEvent, type JobRoomParams, type JobSnapshotEvent,
  type JobSparklinesEvent, type JobSummariesEvent,
} from '@weir/protocol/live-jobs';
import { z } from 'zod';
import type { LiveGateway, LiveRoomContext } from '../../plugins/external/socket-io';
import { requireRole, type Actor } from '../auth/actor';
import { jobSummary } from './history-point';
import type { JobsLive } from './jobs-live';

/** How many seconds of throughput a sparkline of the job list shows. */
export const SPARKLINE_POINTS = 120;

export interface JobRoomsDeps {
  live: LiveGateway;
  jobs: JobsLive;
  /** Throws NOT_FOUND / FORBIDDEN as the job manager's `get` does. */
  authorizeJob(actor: Actor, jobId: string): Promise<unknown>;
}

/**
 * `job:<id>` and `jobs:all`. Rooms only register while open; one timer (`tick`, once per
 * second) sends each open room one volatile message, and only when there is something new.
 */
export function registerJobRooms(deps: JobRoomsDeps) {
  const jobRooms = new Map<string, { ctx: LiveRoomContext<JobRoomParams>; sent: number }>();
  const allRooms = new Map<string, { ctx: LiveRoomContext<Record<string, never>>; sent: number }>();

  const historyEvent = (room: string, jobId: string): JobHistoryEvent => ({
    room, jobId, points: deps.jobs.history(jobId), latest: deps.jobs.latest(jobId)?.snapshot ?? null,
  });
  const sparklines = (room: string): JobSparklinesEvent => ({
    room,
    jobs: Object.fromEntries(deps.jobs.all().map(({ jobId }) => [jobId, deps.jobs.history(jobId, SPARKLINE_POINTS).map((p) => p.recordsIn)])),
  });

  deps.live.onJoin<JobRoomParams>(JOB_ROOMS.job, {
    params: JobRoomParamsSchema,
    key: (p) => p.jobId,
    authorize: async (actor, p) => {
      requireRole(actor, 'viewer');
      await deps.authorizeJob(actor, p.jobId);
    },
    open(ctx) {
      const entry = { ctx, sent: deps.jobs.latest(ctx.params.jobId)?.snapshot.time ?? 0 };
      jobRooms.set(ctx.room, entry);
      ctx.signal.addEventListener('abort', () => jobRooms.delete(ctx.room), { once: true });
      ctx.emit(JOB_EVENTS.history, historyEvent(ctx.room, ctx.params.jobId));
    },
    joined(ctx, send) {
      send(JOB_EVENTS.history, historyEvent(ctx.room, ctx.params.jobId));
    },
  });

  deps.live.onJoin<Record<string, never>>(JOB_ROOMS.all, {
    params: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    key: () => 'all',
    authorize: (actor) => requireRole(actor, 'viewer'),
    open(ctx) {
      allRooms.set(ctx.room, { ctx, sent: 0 });
      ctx.signal.addEventListener('abort', () => allRooms.delete(ctx.room), { once: true });
      ctx.emit(JOB_EVENTS.sparklines, sparklines(ctx.room));
    },
    joined(ctx, send) {
      send(JOB_EVENTS.sparklines, sparklines(ctx.room));
    },
  });

  return {
    /** Sends the snapshots that arrived since the last tick: one message per open job room. */
    tick(): void {
      for (const entry of jobRooms.values()) {
        const l = deps.jobs.latest(entry.ctx.params.jobId);
        if (!l || l.snapshot.time <= entry.sent) continue;
        entry.sent = l.snapshot.time;
        const event: JobSnapshotEvent = { room: entry.ctx.room, snapshot: l.snapshot, point: l.point };
        entry.ctx.emitVolatile(JOB_EVENTS.snapshot, event);
      }
    },
    /**
     * Sends the summaries, half a tick after the snapshots: a volatile message is dropped while
     * the connection is still writing the previous one, so a socket in both kinds of room
     * would otherwise lose one of them every second.
     */
    tickAll(): void {
      if (allRooms.size === 0) return;
      const all = deps.jobs.all();
      const newest = all.reduce((m, j) => Math.max(m, j.snapshot.time), 0);
      for (const entry of allRooms.values()) {
        if (newest <= entry.sent) continue;
        entry.sent = newest;
        const event: JobSummariesEvent = { room: ALL_JOBS_ROOM, jobs: all.map((j) => jobSummary(j.jobId, j.point)) };
        entry.ctx.emitVolatile(JOB_EVENTS.summaries, event);
      }
    },
    openRooms: () => [...jobRooms.keys(), ...allRooms.keys()],
  };
}

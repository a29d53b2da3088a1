import type { MetricsSnapshot } from '@weir/model';
import { JOB_EVENTS, jobRoom, type JobHistoryEvent, type JobHistoryPoint, type JobSnapshotEvent } from '@weir/protocol/live-jobs';
import { useState } from 'react';
import type { LiveStatus } from '../../../realtime/live-socket';
import { useLiveRoom } from '../../../realtime/use-live-room';

/** Seconds of history the job page keeps (the server's ring holds as many). */
export const PAGE_HISTORY = 1800;

export interface JobLive {
  status: LiveStatus;
  points: JobHistoryPoint[];
  latest: MetricsSnapshot | null;
}

/** A job's history (sent on join) and then its snapshots, appended as they come. */
export function useJobLive(jobId: string): JobLive {
  const [state, setState] = useState<{ points: JobHistoryPoint[]; latest: MetricsSnapshot | null }>({ points: [], latest: null });
  const status = useLiveRoom(jobRoom(jobId), { jobId }, {
    [JOB_EVENTS.history]: (e: JobHistoryEvent) => setState({ points: e.points, latest: e.latest }),
    [JOB_EVENTS.snapshot]: (e: JobSnapshotEvent) =>
      setState((s) => {
        if (s.points.at(-1)?.time === e.point.time) return { points: s.points, latest: e.snapshot };
        const points = s.points.length >= PAGE_HISTORY ? [...s.points.slice(s.points.length - PAGE_HISTORY + 1), e.point] : [...s.points, e.point];
        return { points, latest: e.snapshot };
      }),
  });
  return { status, ...state };
}

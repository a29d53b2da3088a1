import type { DeployOptions, EmbeddedPlan, JobStatus } from '@weir/compiler';
import type { JobError, MetricsSnapshot } from '@weir/model';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import type { PreviewRow } from '../sinks/preview-sink';
import type { KafkaSource } from '../source/kafka-source';
import type { Checkpointer } from './checkpointer';
import type { TuningInput } from './tuning';

export interface JobEvents {
  status(status: JobStatus): void;
  snapshot(snapshot: MetricsSnapshot): void;
  /** Rows a preview sink received since the last call. */
  preview(node: string, rows: PreviewRow[]): void;
}

export interface JobRunnerOptions {
  jobId: string;
  plan: EmbeddedPlan;
  deploy: DeployOptions;
  events: JobEvents;
  tuning?: TuningInput;
  clock?: () => number;
  /** What completes a barrier; default: commit source offsets (at-least-once). */
  checkpointer?: (sources: ReadonlyMap<string, KafkaSource>) => Checkpointer;
}

/** A job failure as its status reports it: stable code, message, node where known. */
export function toJobError(err: unknown, node: string | undefined, time: number): JobError {
  const code = err instanceof RuntimeError ? err.code : typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'INTERNAL';
  const where = err instanceof RuntimeError ? err.node : node;
  return { code, message: messageOf(err), ...(where !== undefined ? { node: where } : {}), time };
}

import type { DeployOptions, Engine, Job } from '@weir/compiler';
import { ENGINE_NAMES, ENGINES, type EngineName } from '@weir/model';
import type { EngineInfo } from '@weir/protocol';
import { createEmbeddedEngine } from '@weir/runtime';
import { flinkEngineEntry } from './flink-engine-entry';

/** A job an engine let go of on shutdown, with the savepoint it resumes from (null: none was taken). */
export interface SuspendedJob {
  jobId: string;
  savepoint: string | null;
  /** Why no savepoint was taken. */
  error?: string;
}

/** An engine by name: there and ready, or absent with the reason a person is told. */
export interface EngineEntry {
  name: EngineName;
  engine: Engine | null;
  reason: string | null;
  /**
   * Readies the engine for a deploy (Flink: reaches its cluster, or starts the local one).
   * Rejects with an ApiError the deploy call answers with, before any job is recorded.
   */
  prepare?(): Promise<void>;
  /**
   * Follows again a job the engine still runs after a server restart, by the engine's own id
   * (Flink's job id). Null when the engine no longer knows it.
   */
  reattach?(plan: unknown, options: DeployOptions, externalId: string): Promise<Job | null>;
  /**
   * On shutdown, before close: lets go of the engine's jobs so the next start finds them again
   * (left running: []) or resumes them from the savepoints listed here.
   */
  suspend?(): Promise<SuspendedJob[]>;
  /** The engine's own web UI (Flink's overview), once known. */
  uiUrl?(): string | null;
}

export interface DefaultEngineOptions {
  /** Weir's data directory; a local Flink lives in `<dataDir>/flink`. */
  dataDir: string;
  /** FLINK_REST_URL and FLINK_SQL_GATEWAY_URL: an existing Flink instead of a local one. */
  flinkRestUrl?: string | undefined;
  flinkGatewayUrl?: string | undefined;
  onFlinkProgress?: (message: string) => void;
}

/** The engines a server runs with: the embedded runtime, and Flink (its cluster reached or started on the first deploy). */
export function defaultEngines(options: DefaultEngineOptions): EngineEntry[] {
  return [
    { name: 'embedded', engine: createEmbeddedEngine(), reason: null },
    flinkEngineEntry({
      dataDir: options.dataDir,
      ...(options.flinkRestUrl && options.flinkGatewayUrl ? { restUrl: options.flinkRestUrl, gatewayUrl: options.flinkGatewayUrl } : {}),
      ...(options.onFlinkProgress ? { onProgress: options.onFlinkProgress } : {}),
    }),
  ];
}

/** Every known engine in a stable order; a name nobody registered is unavailable. */
export function completeRegistry(entries: readonly EngineEntry[]): EngineEntry[] {
  return ENGINE_NAMES.map((name) => entries.find((e) => e.name === name) ?? { name, engine: null, reason: `The ${ENGINES[name].label} engine is not configured on this server.` });
}

/** What GET /api/engines says of an engine: its capabilities, and why it cannot take jobs now (null: it can). */
export function engineInfo(entry: EngineEntry, reason: string | null): EngineInfo {
  const c = ENGINES[entry.name];
  return {
    name: entry.name, label: c.label, available: reason === null, reason,
    capabilities: {
      kinds: [...c.kinds], unsupportedReasons: { ...c.unsupportedReasons } as Record<string, string>,
      deliveries: [...c.deliveries], bounded: c.bounded, maxParallelism: c.maxParallelism,
    },
  };
}

import { DELIVERY_GUARANTEES, type Delivery } from './document';
import { NODE_KIND_NAMES, type NodeKindName } from './nodes/index';

/**
 * What each engine can run (design.md: engines declare their capabilities, validation
 * reports UNSUPPORTED_ON_ENGINE from them).
 *
 * - count-window is embedded-only: Flink SQL has no count windows.
 * - preview-sink is embedded-only: its rows live in the memory of the Weir process running
 *   the job, which a Flink cluster is not. On Flink, write to a kafka-sink and browse the topic.
 */
export const ENGINE_NAMES = ['embedded', 'flink'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface EngineCapabilities {
  engine: EngineName;
  label: string;
  kinds: readonly NodeKindName[];
  /** Why a kind is missing, to tell the user what to do instead. */
  unsupportedReasons: Partial<Record<NodeKindName, string>>;
  deliveries: readonly Delivery[];
  bounded: boolean;
  /** The largest parallelism the engine runs; null when it is the cluster's business. */
  maxParallelism: number | null;
}

const FLINK_UNSUPPORTED: Partial<Record<NodeKindName, string>> = {
  'count-window': 'Flink SQL has no count windows; use a tumbling or sliding window, or run on the embedded engine',
  'preview-sink': 'a Flink job cannot feed Weir\'s in-memory preview; write to a kafka-sink and browse the topic, or run on the embedded engine',
};

export const ENGINES: Record<EngineName, EngineCapabilities> = {
  embedded: {
    engine: 'embedded',
    label: 'Embedded',
    kinds: NODE_KIND_NAMES,
    unsupportedReasons: {},
    deliveries: DELIVERY_GUARANTEES,
    bounded: true,
    // One job runs in one worker thread (design.md, The embedded runtime).
    maxParallelism: 1,
  },
  flink: {
    engine: 'flink',
    label: 'Apache Flink',
    kinds: NODE_KIND_NAMES.filter((k) => !(k in FLINK_UNSUPPORTED)),
    unsupportedReasons: FLINK_UNSUPPORTED,
    deliveries: DELIVERY_GUARANTEES,
    bounded: true,
    maxParallelism: null,
  },
};

export function engineSupportsKind(engine: EngineName, kind: string): boolean {
  return (ENGINES[engine].kinds as readonly string[]).includes(kind);
}

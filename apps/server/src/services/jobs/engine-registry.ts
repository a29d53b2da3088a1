import type { Engine } from '@weir/compiler';
import { ENGINE_NAMES, ENGINES, type EngineName } from '@weir/model';
import { createEmbeddedEngine } from '@weir/runtime';

/** An engine by name: there and ready, or absent with the reason a person is told. */
export interface EngineEntry {
  name: EngineName;
  engine: Engine | null;
  reason: string | null;
}

export const FLINK_UNAVAILABLE_REASON =
  'The Flink engine is not available in this version of Weir yet; deploy to the embedded engine.';

/** The engines a server runs with: the embedded runtime, and Flink reported as unavailable until its adapter lands. */
export function defaultEngines(): EngineEntry[] {
  return [
    { name: 'embedded', engine: createEmbeddedEngine(), reason: null },
    { name: 'flink', engine: null, reason: FLINK_UNAVAILABLE_REASON },
  ];
}

/** Every known engine in a stable order; a name nobody registered is unavailable. */
export function completeRegistry(entries: readonly EngineEntry[]): EngineEntry[] {
  return ENGINE_NAMES.map((name) => entries.find((e) => e.name === name) ?? { name, engine: null, reason: `The ${ENGINES[name].label} engine is not configured on this server.` });
}

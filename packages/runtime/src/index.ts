// @weir/runtime: the embedded engine. Operators and state live in ./operators and ./state.
export { createEmbeddedEngine, type EmbeddedEngine, type EmbeddedEngineOptions } from './engine/embedded-engine';
export type { EmbeddedJob } from './engine/embedded-job';
export type { PreviewRow } from './sinks/preview-sink';
export { DEAD_LETTER_HEADERS } from './sinks/dead-letter';
export { RUNTIME_ERROR_CODES, RuntimeError, isRuntimeError, type RuntimeErrorCode } from './errors/runtime-error';
export { TuningSchema, type Tuning, type TuningInput } from './job/tuning';
export type { Barrier, Checkpointer } from './job/checkpointer';
export { lastRun, describeLastRun, type LastRun } from './checkpoint/last-run';

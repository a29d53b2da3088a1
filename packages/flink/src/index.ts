// @weir/flink: the Flink engine adapter (design.md, The Flink engine). See docs/flink.md.
export { createFlinkEngine, type FlinkEndpoints, type FlinkEngine, type FlinkEngineOptions } from './flink-engine';
export type { FlinkJob } from './flink-job';
export { compileFlinkPlan, type FlinkPlan } from './flink-plan';
export { FLINK_ERROR_CODES, FlinkError, isFlinkError, type FlinkErrorCode } from './flink-error';
export { mapFlinkJobState } from './job-state';
export { runOnFlink, type RunOnFlinkOptions } from './run-on-flink';

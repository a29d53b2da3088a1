// Weir's data generators: the registry, the Kafka writer behind `weir datagen`, and the
// live demo data of `weir up`.
export { GENERATORS, GENERATOR_NAMES, getGenerator } from './generators';
export type { CreateOptions, GeneratedRecord, GeneratorDefinition, GeneratorInfo, TimeFormat } from './types';
export { DatagenError, DATAGEN_ERROR_CODES, isDatagenError, type DatagenErrorCode } from './datagen-error';
export {
  runDatagen, parseRunDatagenOptions, RunDatagenOptionsSchema, DEFAULT_SEED, DEFAULT_PARTITIONS,
  type RunDatagenOptions,
} from './run-datagen';
export type { DatagenProgress } from './produce-loop';
export { DEFAULT_CONNECT_TIMEOUT_MS } from './topic-producer';
export {
  startDemoData, DEMO_TOPICS, DEMO_RATES, DEMO_SCHEMAS, DEMO_PARTITIONS,
  type DemoTopic, type DemoData, type StartDemoDataOptions,
} from './demo-data';
export { DEMO_BASE_TIME, DEFAULT_DEMO_RATE } from './event-time';
export { NEXMARK_BASE_TIME, DEFAULT_EVENTS_PER_SECOND } from './nexmark/config';

export * from './flink-artifacts';
export * from './flink-config';
export * from './flink-layout';
export * from './flink-probe';
export * from './start-flink';

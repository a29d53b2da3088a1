import { compile, consumerGroupId, type DeployOptions, type EngineCompileResult, type PostgresTableSetup } from '@weir/compiler';
import type { Problem } from '@weir/model';
import type { PlanNode } from './node-bindings';

/** What the Flink engine deploys: the compiled script plus what it needs to watch the job. */
export interface FlinkPlan {
  name: string;
  /** The whole script, as the canvas shows it. */
  sql: string;
  /** One SQL Gateway request each: SET, CREATE TABLE/VIEW, then the INSERT or statement set. */
  statements: string[];
  postgresTables: PostgresTableSetup[];
  nodes: PlanNode[];
  sources: Array<{ node: string; cluster: string; topic: string; groupId: string }>;
  kafkaSinks: Array<{ node: string; cluster: string; topic: string }>;
  /** Every source is bounded: the job ends when its input is read. */
  bounded: boolean;
  warnings: Problem[];
}

const RESOURCE_PREFIX = /^[A-Za-z0-9._-]{1,200}$/;

/** Resource names follow the job, as on the embedded engine: a redeployed job resumes its offsets. */
export function resourcePrefix(jobId: string): string | undefined {
  const prefix = `weir.${jobId}`;
  return RESOURCE_PREFIX.test(prefix) ? prefix : undefined;
}

/** Validates a document for Flink and compiles it into a FlinkPlan for these connections. */
export function compileFlinkPlan(document: unknown, options: DeployOptions): EngineCompileResult<FlinkPlan> {
  const clusters = Object.fromEntries(Object.entries(options.kafkaClusters).map(([name, c]) => [name, c.brokers]));
  const connections = Object.fromEntries(Object.entries(options.postgresConnections ?? {}).map(([name, c]) => [name, { url: c.url }]));
  const prefix = resourcePrefix(options.jobId);
  const result = compile(document, 'flink-sql', {
    ...(clusters.default ? { brokers: clusters.default } : {}),
    clusters,
    connections,
    ...(prefix ? { resourcePrefix: prefix } : {}),
  });
  if (!result.ok) return { ok: false, problems: result.problems };
  if (result.target !== 'flink-sql') throw new Error('internal: compile returned another target');
  const ops = result.logical.operators;
  const groupPrefix = prefix ?? `weir.${result.logical.name}`;
  const sources: FlinkPlan['sources'] = [];
  const kafkaSinks: FlinkPlan['kafkaSinks'] = [];
  for (const op of ops) {
    if (op.kind === 'kafka-source') sources.push({ node: op.id, cluster: op.config.cluster ?? 'default', topic: op.config.topic, groupId: consumerGroupId(groupPrefix, op.id) });
    if (op.kind === 'kafka-sink') kafkaSinks.push({ node: op.id, cluster: op.config.cluster ?? 'default', topic: op.config.topic });
  }
  return {
    ok: true,
    warnings: result.warnings,
    plan: {
      name: result.logical.name,
      sql: result.sql,
      statements: result.statements,
      postgresTables: result.postgresTables,
      nodes: ops.map((op) => ({ id: op.id, kind: op.kind, inputs: op.inputs.map((i) => i.from) })),
      sources,
      kafkaSinks,
      bounded: ops.filter((op) => op.kind === 'kafka-source').every((op) => op.kind === 'kafka-source' && op.config.bounded !== undefined),
      warnings: result.warnings,
    },
  };
}

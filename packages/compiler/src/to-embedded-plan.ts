import { ENGINES, countWindowSlide, timestampMs, type FieldType, type RecordSchema } from '@weir/model';
import type {
  AggregateParam, BoundedPlan, ChainOperator, ChainStep, EmbeddedOperator, EmbeddedPlan, ExpressionSpec, JoinOperator,
  SinkOperator, SourceOperator, StartFromPlan, WindowOperator, WindowParams,
} from './embedded-plan';
import type { LogicalOperator, LogicalOperatorOf, LogicalPlan } from './logical-plan';
import { consumerGroupId, defaultResourcePrefix } from './naming';
import { postgresColumns, postgresCreateTableSql, postgresTableSql } from './postgres-table';

export interface EmbeddedPlanOptions {
  resourcePrefix?: string | undefined;
}

/**
 * The embedded plan of a logical plan. Consecutive filters and maps are fused into one
 * chain as long as each link feeds only the next: a node whose output fans out ends its chain.
 */
export function toEmbeddedPlan(plan: LogicalPlan, options: EmbeddedPlanOptions = {}): EmbeddedPlan {
  const prefix = options.resourcePrefix ?? defaultResourcePrefix(plan.name);
  const byId = new Map(plan.operators.map((op) => [op.id, op]));
  const operators: EmbeddedOperator[] = [];
  /** The open chain whose last node is the key. */
  const chainEndingAt = new Map<string, ChainOperator>();
  const nodeOperator: Record<string, string> = {};

  for (const op of plan.operators) {
    if (op.kind === 'filter' || op.kind === 'map') {
      const step = chainStep(op);
      const from = op.inputs[0]?.from as string;
      const open = chainEndingAt.get(from);
      if (open && byId.get(from)?.outputs.length === 1) {
        chainEndingAt.delete(from);
        open.steps.push(step);
        open.nodes.push(op.id);
        open.id = op.id;
        open.schema = op.schema;
        open.eventTime = op.eventTime;
        chainEndingAt.set(op.id, open);
      } else {
        const chain: ChainOperator = {
          kind: 'chain', id: op.id, nodes: [op.id], input: from, inputSchema: op.inputs[0]?.schema ?? [],
          steps: [step], schema: op.schema, eventTime: op.eventTime,
        };
        operators.push(chain);
        chainEndingAt.set(op.id, chain);
      }
      continue;
    }
    operators.push(operatorOf(op, prefix));
  }
  for (const op of operators) {
    if (op.kind === 'chain') for (const node of op.nodes) nodeOperator[node] = op.id;
    else nodeOperator[op.id] = op.id;
  }
  const requested = plan.settings.parallelism;
  const max = ENGINES.embedded.maxParallelism ?? requested;
  return {
    version: 1,
    pipeline: { name: plan.name, description: plan.description },
    settings: {
      checkpointIntervalMs: plan.settings.checkpointIntervalMs,
      delivery: plan.settings.delivery,
      onError: plan.settings.onError,
      parallelism: requested,
      parallelismCapped: requested > max,
      transactionalIdPrefix: prefix,
    },
    operators,
    nodeOperator,
  };
}

function chainStep(op: LogicalOperatorOf<'filter'> | LogicalOperatorOf<'map'>): ChainStep {
  const input = op.inputs[0]?.schema ?? [];
  if (op.kind === 'filter') {
    return { kind: 'filter', node: op.id, where: { text: op.config.where, schema: input, type: 'boolean' } };
  }
  const exprs: ExpressionSpec[] = op.config.select.map((item) => ({
    text: item.expr, schema: input, type: typeOf(op.schema, item.name),
  }));
  return {
    kind: 'map',
    node: op.id,
    params: { keepInput: op.config.keepInput, inputFields: input.map((f) => f.name), select: op.config.select.map((s) => s.name) },
    exprs,
    schema: op.schema,
  };
}

function typeOf(schema: RecordSchema, name: string): FieldType {
  const field = schema.find((f) => f.name === name);
  if (!field) throw new Error(`internal: field '${name}' missing from a derived schema`);
  return field.type;
}

function operatorOf(op: LogicalOperator, prefix: string): EmbeddedOperator {
  switch (op.kind) {
    case 'kafka-source':
      return sourceOf(op, prefix);
    case 'union':
      return { kind: 'union', id: op.id, inputs: op.inputs.map((i) => i.from), schema: op.schema, eventTime: op.eventTime };
    case 'tumbling-window':
    case 'sliding-window':
    case 'session-window':
    case 'count-window':
      return windowOf(op);
    case 'interval-join':
      return joinOf(op);
    case 'kafka-sink':
    case 'postgres-sink':
    case 'preview-sink':
      return sinkOf(op);
    case 'filter':
    case 'map':
      throw new Error(`internal: ${op.kind} '${op.id}' belongs in a chain`);
  }
}

function sourceOf(op: LogicalOperatorOf<'kafka-source'>, prefix: string): SourceOperator {
  const { config } = op;
  const startFrom: StartFromPlan = typeof config.startFrom === 'string'
    ? { mode: config.startFrom }
    : { mode: 'timestamp', timestampMs: timestampMs(config.startFrom.timestamp) };
  let bounded: BoundedPlan | null = null;
  if (config.bounded === 'latest') bounded = { mode: 'latest' };
  else if (config.bounded !== undefined) bounded = { mode: 'timestamp', timestampMs: timestampMs(config.bounded.timestamp) };
  return {
    kind: 'source',
    id: op.id,
    cluster: config.cluster,
    topic: config.topic,
    format: config.format,
    schema: op.schema,
    startFrom,
    bounded,
    eventTime: op.watermark,
    groupId: consumerGroupId(prefix, op.id),
  };
}

function windowOf(op: LogicalOperatorOf<'tumbling-window' | 'sliding-window' | 'session-window' | 'count-window'>): WindowOperator {
  const input = op.inputs[0];
  const time = input?.eventTime ?? null;
  const aggregates: AggregateParam[] = op.aggregates.map((a) => ({
    fn: a.fn,
    ...(a.field !== null ? { field: a.field } : {}),
    as: a.as,
    ...(a.inputType !== null ? { inputType: a.inputType } : {}),
    resultType: a.resultType,
  }));
  const base = { keyBy: [...op.keyFields], aggregates, timeField: time?.field ?? null };
  let params: WindowParams;
  const d = op.durations;
  switch (op.kind) {
    case 'tumbling-window':
      params = { type: 'tumbling', ...base, sizeMs: d.sizeMs as number };
      break;
    case 'sliding-window':
      params = { type: 'sliding', ...base, sizeMs: d.sizeMs as number, slideMs: d.slideMs as number };
      break;
    case 'session-window':
      params = { type: 'session', ...base, gapMs: d.gapMs as number };
      break;
    case 'count-window':
      params = { type: 'count', ...base, size: op.config.size, slide: countWindowSlide(op.config) };
      break;
  }
  return {
    kind: 'window', id: op.id, input: input?.from as string, inputSchema: input?.schema ?? [], params, time,
    schema: op.schema, eventTime: op.eventTime,
  };
}

function joinOf(op: LogicalOperatorOf<'interval-join'>): JoinOperator {
  const [left, right] = op.inputs;
  if (!left || !right || !left.eventTime || !right.eventTime) throw new Error(`internal: join '${op.id}' without both timed inputs`);
  const rightNames = op.schema.slice(left.schema.length);
  return {
    kind: 'interval-join',
    id: op.id,
    left: left.from,
    right: right.from,
    leftSchema: left.schema,
    rightSchema: right.schema,
    params: {
      on: op.config.on.map((p) => ({ left: p.left, right: p.right })),
      lowerMs: op.durations.lowerMs ?? 0,
      upperMs: op.durations.upperMs ?? 0,
      leftTimeField: left.eventTime.field,
      rightTimeField: right.eventTime.field,
      output: {
        left: left.schema.map((f) => ({ from: f.name, as: f.name })),
        right: right.schema.map((f, i) => ({ from: f.name, as: rightNames[i]?.name ?? f.name })),
      },
    },
    leftTime: left.eventTime,
    rightTime: right.eventTime,
    schema: op.schema,
    eventTime: op.eventTime,
  };
}

function sinkOf(op: LogicalOperatorOf<'kafka-sink' | 'postgres-sink' | 'preview-sink'>): SinkOperator {
  const input = op.inputs[0];
  const base = { kind: 'sink' as const, id: op.id, input: input?.from as string, schema: input?.schema ?? [] };
  switch (op.kind) {
    case 'kafka-sink':
      return {
        ...base, sink: 'kafka', cluster: op.config.cluster, topic: op.config.topic, format: op.config.format,
        key: op.config.key === undefined ? null : [...op.config.key],
      };
    case 'postgres-sink': {
      const columns = postgresColumns(base.schema);
      const primaryKey = [...(op.config.primaryKey ?? [])];
      return {
        ...base, sink: 'postgres', connection: op.config.connection, table: op.config.table,
        tableSql: postgresTableSql(op.config.table), mode: op.config.mode,
        primaryKey, columns, createTableSql: postgresCreateTableSql(op.config.table, columns, primaryKey),
      };
    }
    case 'preview-sink':
      return { ...base, sink: 'preview', limit: op.config.limit };
  }
}

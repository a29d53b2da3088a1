import {
  aggregateType, durationMs, getNodeKind, portsOf, validateDocument,
  type EngineName, type PipelineDocument, type PipelineNode, type Problem, type RecordSchema, type Settings,
  type ValidationSuccess,
} from '@weir/model';
import type {
  AggregatePlan, EventTimeRef, LogicalInput, LogicalOperator, LogicalPlan, NodeDurations, OnErrorPlan, PlanSettings,
  WatermarkSpec,
} from './logical-plan';

export type LogicalPlanResult = { ok: true; plan: LogicalPlan } | { ok: false; problems: Problem[] };

const WINDOW_KINDS = new Set(['tumbling-window', 'sliding-window', 'session-window', 'count-window']);

/** The time of a window's result sits 1 ms before its end (see EventTimeRef). */
export const WINDOW_RESULT_TIME_OFFSET_MS = -1;

/**
 * Validates `input` for `engine` and resolves it into a logical plan. Never throws: an
 * invalid document yields every problem validation found.
 */
export function toLogicalPlan(input: unknown, engine: EngineName): LogicalPlanResult {
  const validation = validateDocument(input, { engine });
  if (!validation.ok) return { ok: false, problems: validation.problems };
  return buildLogicalPlan(validation, engine);
}

/** The logical plan of a document validation accepted. */
export function buildLogicalPlan(validation: ValidationSuccess, engine: EngineName): LogicalPlanResult {
  const document = validation.document;
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const built = new Map<string, LogicalOperator>();
  const problems: Problem[] = [];
  const operators: LogicalOperator[] = [];
  for (const id of validation.order) {
    const node = byId.get(id) as PipelineNode;
    const inputs = inputsOf(node, validation, built);
    const eventTime = eventTimeOf(node, inputs, validation.eventTimes[id] ?? null, problems);
    const op = {
      id,
      kind: node.kind,
      label: node.ui?.label ?? null,
      inputs,
      outputs: outputsOf(document, id),
      schema: validation.schemas[id] ?? [],
      eventTime,
      keyFields: keyFieldsOf(node),
      watermark: watermarkOf(node),
      durations: durationsOf(node),
      aggregates: aggregatesOf(node, inputs[0]?.schema ?? []),
      config: node.config,
    } as LogicalOperator;
    built.set(id, op);
    operators.push(op);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      version: 1,
      name: document.name,
      description: document.description ?? null,
      engine,
      settings: planSettings(document.settings),
      operators,
    },
  };
}

export function planSettings(settings: Settings): PlanSettings {
  const onError: OnErrorPlan = settings.onError.policy === 'dead-letter'
    ? { policy: 'dead-letter', topic: settings.onError.topic as string }
    : { policy: settings.onError.policy };
  return {
    checkpointIntervalMs: durationMs(settings.checkpointInterval),
    delivery: settings.delivery,
    onError,
    parallelism: settings.parallelism,
  };
}

function inputsOf(node: PipelineNode, validation: ValidationSuccess, built: Map<string, LogicalOperator>): LogicalInput[] {
  const ports = portsOf(getNodeKind(node.kind)?.inputs ?? 'none');
  const upstream = validation.inputs[node.id] ?? [];
  return upstream.map((from, i) => {
    const op = built.get(from);
    return {
      from,
      port: ports[i] ?? null,
      schema: op?.schema ?? validation.schemas[from] ?? [],
      eventTime: op?.eventTime ?? null,
    };
  });
}

function outputsOf(document: PipelineDocument, id: string): string[] {
  return document.edges.filter((e) => e.from === id).map((e) => e.to);
}

function eventTimeOf(node: PipelineNode, inputs: LogicalInput[], field: string | null, problems: Problem[]): EventTimeRef | null {
  if (field === null) return null;
  if (WINDOW_KINDS.has(node.kind)) return { field, offsetMs: WINDOW_RESULT_TIME_OFFSET_MS };
  if (node.kind === 'union') {
    const offsets = new Set(inputs.map((i) => i.eventTime?.offsetMs ?? 0));
    if (offsets.size > 1) {
      problems.push({
        code: 'TYPE_MISMATCH', node: node.id,
        message: `node '${node.id}': its inputs carry event time in '${field}' differently (some are window results, ` +
          'whose time is window_end − 1 ms, some are not); union inputs of the same origin, or drop the event time with a map',
      });
    }
  }
  return { field, offsetMs: inputs[0]?.eventTime?.offsetMs ?? 0 };
}

function keyFieldsOf(node: PipelineNode): string[] {
  switch (node.kind) {
    case 'tumbling-window':
    case 'sliding-window':
    case 'session-window':
    case 'count-window':
      return [...node.config.keyBy];
    case 'interval-join':
      return node.config.on.map((pair) => pair.left);
    case 'kafka-sink':
      return [...(node.config.key ?? [])];
    case 'postgres-sink':
      return [...(node.config.primaryKey ?? [])];
    default:
      return [];
  }
}

function watermarkOf(node: PipelineNode): WatermarkSpec | null {
  if (node.kind !== 'kafka-source' || !node.config.eventTime) return null;
  const { field, maxOutOfOrderness, idleTimeout } = node.config.eventTime;
  return {
    field,
    maxOutOfOrdernessMs: durationMs(maxOutOfOrderness),
    idleTimeoutMs: idleTimeout === undefined ? null : durationMs(idleTimeout),
  };
}

function durationsOf(node: PipelineNode): NodeDurations {
  switch (node.kind) {
    case 'tumbling-window':
      return { sizeMs: durationMs(node.config.size) };
    case 'sliding-window':
      return { sizeMs: durationMs(node.config.size), slideMs: durationMs(node.config.slide) };
    case 'session-window':
      return { gapMs: durationMs(node.config.gap) };
    case 'interval-join':
      return { lowerMs: durationMs(node.config.within.lower), upperMs: durationMs(node.config.within.upper) };
    default:
      return {};
  }
}

function aggregatesOf(node: PipelineNode, input: RecordSchema): AggregatePlan[] {
  if (!WINDOW_KINDS.has(node.kind)) return [];
  const config = node.config as { aggregates: { fn: AggregatePlan['fn']; field?: string; as: string }[] };
  return config.aggregates.map((a) => {
    const inputType = a.field === undefined ? null : input.find((f) => f.name === a.field)?.type ?? null;
    // Validation has checked every aggregate, so the result type exists.
    const resultType = aggregateType(a.fn, inputType) ?? 'bigint';
    return { fn: a.fn, field: a.field ?? null, as: a.as, inputType, resultType };
  });
}

import { getNodeKind, unknownKindMessage } from './catalog';
import type { PipelineDocument, PipelineNode } from './document';
import { ENGINES, engineSupportsKind, type EngineName } from './engines';
import type { RecordSchema } from './field';
import { orderIncoming, topologicalOrder } from './graph';
import { portsOf, type NodeInput, type NodeKindDefinition, type NodeOutput } from './node-kind';
import type { Problem } from './problem';
import { checkGraph, type GraphNode } from './validate-graph';
import { readEnvelope, type EnvelopeNode } from './validate-envelope';
import { issuesToProblems } from './zod-problems';

export interface ValidateOptions {
  /** Also report what this engine cannot run (UNSUPPORTED_ON_ENGINE). */
  engine?: EngineName;
}

interface Derived {
  /** Nodes in topological order (nodes on a cycle are left out). */
  order: string[];
  /** Upstream node ids of each node: port order for joins, edge order otherwise. */
  inputs: Record<string, string[]>;
  /** Output fields of every node whose output could be derived (sinks have none). */
  schemas: Record<string, RecordSchema>;
  /** The event-time field of each derived output, or null for processing time. */
  eventTimes: Record<string, string | null>;
}

export interface ValidationSuccess extends Derived {
  ok: true;
  problems: [];
  /** The document with settings and every node config parsed, defaults applied. */
  document: PipelineDocument;
}

export interface ValidationFailure extends Derived {
  ok: false;
  problems: Problem[];
  document?: undefined;
}

export type ValidationResult = ValidationSuccess | ValidationFailure;

interface CheckedNode extends GraphNode {
  envelope: EnvelopeNode;
  config: unknown;
  configOk: boolean;
}

/**
 * Validates a pipeline document and derives what the compiler needs, reporting every
 * problem at once. Never throws, whatever `input` is.
 */
export function validateDocument(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return validate(input, options);
  } catch (error) {
    return failure([{ code: 'BAD_DOCUMENT', message: `the document could not be validated: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}

function failure(problems: Problem[], derived?: Derived): ValidationFailure {
  return { ok: false, problems, order: [], inputs: {}, schemas: {}, eventTimes: {}, ...derived };
}

function validate(input: unknown, options: ValidateOptions): ValidationResult {
  const envelope = readEnvelope(input);
  const problems = [...envelope.problems];
  if (envelope.fatal) return failure(problems);
  const engine = options.engine !== undefined && Object.hasOwn(ENGINES, options.engine) ? ENGINES[options.engine] : undefined;
  if (options.engine !== undefined && engine === undefined) {
    problems.push({ code: 'UNSUPPORTED_ON_ENGINE', message: `unknown engine '${String(options.engine)}'; choose ${Object.keys(ENGINES).join(' or ')}` });
  }

  const nodes: CheckedNode[] = [];
  const firstIndex = new Map<string, number>();
  for (const envelopeNode of envelope.nodes) {
    const { id, index, kind } = envelopeNode;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      problems.push({ code: 'DUPLICATE_ID', node: id, field: `nodes.${index}.id`,
        message: `node id '${id}' is used by nodes ${earlier + 1} and ${index + 1}; ids must be unique` });
      continue;
    }
    firstIndex.set(id, index);
    const definition = kind === undefined ? undefined : getNodeKind(kind);
    if (kind !== undefined && !definition) {
      problems.push({ code: 'UNKNOWN_KIND', node: id, field: `nodes.${index}.kind`, message: `node '${id}': ${unknownKindMessage(kind)}` });
    }
    nodes.push({ ...checkConfig(envelopeNode, definition, problems), id, definition, envelope: envelopeNode });
    if (definition && engine && !engineSupportsKind(engine.engine, definition.kind)) {
      const reason = engine.unsupportedReasons[definition.kind as keyof typeof engine.unsupportedReasons];
      problems.push({ code: 'UNSUPPORTED_ON_ENGINE', node: id,
        message: `node '${id}': ${definition.kind} does not run on ${engine.label}${reason ? `: ${reason}` : ''}` });
    }
  }
  if (engine && envelope.settings && !engine.deliveries.includes(envelope.settings.delivery)) {
    problems.push({ code: 'UNSUPPORTED_ON_ENGINE', field: 'settings.delivery',
      message: `settings: delivery ${envelope.settings.delivery} is not available on ${engine.label}` });
  }

  const graph = checkGraph(nodes, envelope.edges);
  problems.push(...graph.problems);
  const derived = derive(nodes, graph, problems);
  if (problems.length > 0 || envelope.name === undefined || envelope.settings === undefined) return failure(problems, derived);

  const document: PipelineDocument = {
    version: 1,
    name: envelope.name,
    ...(envelope.description !== undefined ? { description: envelope.description } : {}),
    settings: envelope.settings,
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.definition?.kind,
      ...(n.envelope.ui !== undefined ? { ui: n.envelope.ui } : {}),
      config: n.config,
    }) as PipelineNode),
    edges: envelope.edges.map(({ from, to, port }) => (port === undefined ? { from, to } : { from, to, port })),
  };
  return { ok: true, problems: [], document, ...derived };
}

function checkConfig(node: EnvelopeNode, definition: NodeKindDefinition | undefined, problems: Problem[]): { config: unknown; configOk: boolean } {
  if (!definition) return { config: node.config, configOk: false };
  const raw = node.config === undefined ? {} : node.config;
  const parsed = definition.configSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, configOk: true };
  problems.push(...issuesToProblems(parsed.error.issues, {
    schema: definition.configSchema, data: raw, code: 'BAD_CONFIG', subject: `node '${node.id}'`, rootLabel: 'config', node: node.id,
  }));
  return { config: node.config, configOk: false };
}

/**
 * Schema propagation in topological order. A node's output is derived only when its own
 * config is valid and all its inputs are known; a node with problems of its own has no
 * known output, so its followers are not buried under consequences of one mistake.
 */
function derive(nodes: readonly CheckedNode[], graph: ReturnType<typeof checkGraph>, problems: Problem[]): Derived {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const { order } = topologicalOrder(nodes.map((n) => n.id), graph.edges);
  const outputs = new Map<string, NodeOutput>();
  const derived: Derived = { order, inputs: {}, schemas: {}, eventTimes: {} };
  for (const id of order) {
    const node = byId.get(id) as CheckedNode;
    const definition = node.definition;
    const upstream = orderIncoming(graph.dataInputs.get(id) ?? [], definition ? portsOf(definition.inputs) : []);
    derived.inputs[id] = upstream;
    if (!definition || !node.configOk || !graph.inputsComplete.has(id) || graph.cyclic.has(id)) continue;
    const inputs: NodeInput[] = [];
    for (const from of upstream) {
      const output = outputs.get(from);
      if (output) inputs.push({ from, ...output });
    }
    if (inputs.length !== upstream.length) continue;
    const result = definition.outputSchema(node.config, inputs);
    for (const problem of result.problems) {
      problems.push({ ...problem, node: id, message: `node '${id}': ${problem.message}` });
    }
    if (result.problems.length > 0 || definition.outputs === 'none') continue;
    outputs.set(id, { schema: result.schema, eventTime: result.eventTime });
    derived.schemas[id] = result.schema;
    derived.eventTimes[id] = result.eventTime;
  }
  return derived;
}

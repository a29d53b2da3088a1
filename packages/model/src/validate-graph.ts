import { edgesByTarget, findCycles, reachableFrom } from './graph';
import { portsOf, type NodeKindDefinition } from './node-kind';
import type { Problem } from './problem';
import { didYouMean, quoteList, withArticle } from './suggest';
import type { EnvelopeEdge } from './validate-envelope';

/**
 * Second stage of validation: the graph. Edges must join existing nodes through the right
 * ports, every node gets the inputs its kind takes, the graph is acyclic, and every node
 * lies on a path from a source to a sink.
 */

export interface GraphNode {
  id: string;
  /** Undefined for a kind Weir does not know (reported as UNKNOWN_KIND elsewhere). */
  definition: NodeKindDefinition | undefined;
}

export interface GraphCheck {
  problems: Problem[];
  /** Edges whose endpoints both exist. */
  edges: EnvelopeEdge[];
  /** Edges that carry data into their target as it expects (right port, or no port). */
  dataEdges: EnvelopeEdge[];
  /** `dataEdges` grouped by target. */
  dataInputs: Map<string, EnvelopeEdge[]>;
  /** Nodes whose inputs are exactly what their kind takes. */
  inputsComplete: Set<string>;
  /** Nodes on a cycle. */
  cyclic: Set<string>;
}

export function checkGraph(nodes: readonly GraphNode[], allEdges: readonly EnvelopeEdge[]): GraphCheck {
  const problems: Problem[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids = nodes.map((n) => n.id);
  const edges: EnvelopeEdge[] = [];
  const dataEdges: EnvelopeEdge[] = [];
  const badPortTargets = new Set<string>();

  for (const edge of allEdges) {
    const label = `edge from '${edge.from}' to '${edge.to}'`;
    let dangling = false;
    for (const end of ['from', 'to'] as const) {
      if (byId.has(edge[end])) continue;
      dangling = true;
      const other = edge[end === 'from' ? 'to' : 'from'];
      problems.push({
        code: 'DANGLING_EDGE',
        field: `edges.${edge.index}.${end}`,
        ...(byId.has(other) ? { node: other } : {}),
        message: `${label}: there is no node '${edge[end]}'${didYouMean(edge[end], ids)}`,
      });
    }
    if (dangling) continue;
    edges.push(edge);
    const source = byId.get(edge.from)?.definition;
    const target = byId.get(edge.to)?.definition;
    if (source?.outputs === 'none') {
      problems.push({ code: 'BAD_PORT', node: edge.from, field: `edges.${edge.index}.from`,
        message: `${label}: '${edge.from}' is ${withArticle(source.kind)}, which has no output; only its input can be connected` });
    }
    if (!target) continue;
    const ports = portsOf(target.inputs);
    if (ports.length > 0) {
      if (edge.port === undefined || !ports.includes(edge.port)) {
        badPortTargets.add(edge.to);
        const found = edge.port === undefined ? 'names no port' : `names port '${edge.port}'${didYouMean(edge.port, ports)}`;
        problems.push({ code: 'BAD_PORT', node: edge.to, field: `edges.${edge.index}.port`,
          message: `${label}: '${edge.to}' is ${withArticle(target.kind)} with ports ${quoteList(ports, 'and')}, but the edge ${found}` });
        continue;
      }
    } else if (edge.port !== undefined) {
      problems.push({ code: 'BAD_PORT', node: edge.to, field: `edges.${edge.index}.port`,
        message: `${label}: '${edge.to}' is ${withArticle(target.kind)} and has no named ports; remove port '${edge.port}'` });
    }
    dataEdges.push(edge);
  }

  const inputsComplete = new Set<string>();
  const orphans = new Set<string>();
  const dataInputs = edgesByTarget(dataEdges);
  const anyInputs = edgesByTarget(edges);
  for (const node of nodes) {
    const definition = node.definition;
    if (!definition) continue;
    const incoming = dataInputs.get(node.id) ?? [];
    const before = problems.length;
    if (!anyInputs.has(node.id) && definition.inputs !== 'none') orphans.add(node.id);
    if (!badPortTargets.has(node.id)) problems.push(...checkInputCount(node.id, definition, incoming));
    if (problems.length === before && !badPortTargets.has(node.id)) inputsComplete.add(node.id);
  }

  const cyclic = new Set<string>();
  for (const cycle of findCycles(ids, edges)) {
    cycle.forEach((id) => cyclic.add(id));
    const loop = [...cycle, cycle[0] as string].map((id) => `'${id}'`).join(' → ');
    problems.push({ code: 'CYCLE', node: cycle[0] as string,
      message: `nodes ${loop} form a cycle; a pipeline must not feed a node's output back into it` });
  }

  problems.push(...checkEnds(nodes, edges, anyInputs, orphans));
  return { problems, edges, dataEdges, dataInputs, inputsComplete, cyclic };
}

function checkInputCount(id: string, definition: NodeKindDefinition, incoming: readonly EnvelopeEdge[]): Problem[] {
  const from = quoteList(incoming.map((e) => e.from));
  const kind = definition.kind;
  const inputs = definition.inputs;
  if (inputs === 'none') {
    return incoming.length === 0 ? [] : [{ code: 'TOO_MANY_INPUTS', node: id,
      message: `node '${id}': ${withArticle(kind)} takes no input, but ${from} ${incoming.length === 1 ? 'is' : 'are'} connected to it` }];
  }
  if (inputs === 'one') {
    if (incoming.length === 0) return [{ code: 'MISSING_INPUT', node: id, message: `node '${id}': the ${kind} has no input; connect one node to it` }];
    if (incoming.length > 1) return [{ code: 'TOO_MANY_INPUTS', node: id,
      message: `node '${id}': ${withArticle(kind)} takes one input, but ${from} are connected; merge them with a union first` }];
    return [];
  }
  if (inputs === 'many') {
    return incoming.length >= 2 ? [] : [{ code: 'MISSING_INPUT', node: id,
      message: `node '${id}': ${withArticle(kind)} needs two or more inputs, but has ${incoming.length === 0 ? 'none' : `only ${from}`}` }];
  }
  const problems: Problem[] = [];
  for (const port of inputs) {
    const onPort = incoming.filter((e) => e.port === port);
    if (onPort.length === 0) problems.push({ code: 'MISSING_INPUT', node: id, message: `node '${id}': the ${kind} has no ${port} input` });
    if (onPort.length > 1) problems.push({ code: 'TOO_MANY_INPUTS', node: id,
      message: `node '${id}': the ${port} port takes one input, but ${quoteList(onPort.map((e) => e.from))} are connected` });
  }
  return problems;
}

/** NO_SOURCE, UNREACHABLE and NO_SINK: every node lies on a path from a source to a sink. */
function checkEnds(
  nodes: readonly GraphNode[],
  edges: readonly EnvelopeEdge[],
  inputs: ReadonlyMap<string, EnvelopeEdge[]>,
  orphans: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const sources = nodes.filter((n) => n.definition?.category === 'source').map((n) => n.id);
  const sinks = nodes.filter((n) => n.definition?.category === 'sink');
  if (sources.length === 0) {
    problems.push({ code: 'NO_SOURCE', message: 'the pipeline has no source; add a kafka-source' });
  } else {
    const reached = reachableFrom(sources, edges);
    for (const node of nodes) {
      // A node with no input at all is reported as MISSING_INPUT; its followers are cut off.
      if (reached.has(node.id) || orphans.has(node.id) || node.definition === undefined) continue;
      const feeders = quoteList([...new Set((inputs.get(node.id) ?? []).map((e) => e.from))]);
      problems.push({ code: 'UNREACHABLE', node: node.id,
        message: `node '${node.id}' is not reachable from any source: no source feeds ${feeders || 'it'}` });
    }
  }
  const sinkNames = 'a kafka-sink, postgres-sink or preview-sink';
  let deadEnds = 0;
  const feeding = new Set(edges.map((e) => e.from));
  for (const node of nodes) {
    if (node.definition?.outputs !== 'one' || feeding.has(node.id)) continue;
    deadEnds++;
    problems.push({ code: 'NO_SINK', node: node.id, message: sinks.length === 0
      ? `node '${node.id}': its output goes nowhere and the pipeline has no sink; connect it to ${sinkNames}`
      : `node '${node.id}': its output goes nowhere; every path must end in a sink, so connect it to one or remove it` });
  }
  if (sinks.length === 0 && deadEnds === 0) {
    problems.push({ code: 'NO_SINK', message: `the pipeline has no sink; add ${sinkNames}` });
  }
  return problems;
}

import type { JobDetails } from './rest-types';

/**
 * The operators of a Flink job graph, read from its vertex names. Flink names a vertex after
 * the operators chained into it, joined by " -> ": `Source: orders$kafka[1] -> Calc[2] ->
 * LocalWindowAggregate[3]`, `GlobalWindowAggregate[5] -> Calc[6] -> out[7]: Writer -> out[7]:
 * Committer`. Each operator's metrics live in its vertex under the operator's name with `: `
 * and `.` replaced by `_` (`Source__orders$kafka[1].numRecordsOut`), cut to 80 characters.
 */
export interface FlinkOperator {
  vertexId: string;
  /** Position in the vertex's chain. */
  index: number;
  /** `Source`, `Sink`, `Writer`, `Committer`, or the planner's node type (`Calc`, `GlobalWindowAggregate`, …). */
  type: string;
  /** The table a source or sink operator reads or writes. */
  table: string | null;
  /** Prefix of the operator's metric ids (without the trailing dot). */
  metricPrefix: string;
}

// Flink's TaskMetricGroup cuts operator names to this length.
const METRICS_OPERATOR_NAME_MAX_LENGTH = 80;

export function operatorMetricPrefix(operatorName: string): string {
  return operatorName.slice(0, METRICS_OPERATOR_NAME_MAX_LENGTH).replace(/[ :.]/g, '_');
}

export function parseOperator(vertexId: string, index: number, token: string): FlinkOperator {
  const name = token.trim();
  const base = { vertexId, index, metricPrefix: operatorMetricPrefix(name) };
  let m = /^(Source|Sink): (.+)\[\d+\]$/.exec(name);
  if (m) return { ...base, type: m[1] as string, table: m[2] as string };
  m = /^(.+)\[\d+\]: (Writer|Committer)$/.exec(name);
  if (m) return { ...base, type: m[2] as string, table: m[1] as string };
  m = /^([A-Za-z]+)\[\d+\]$/.exec(name);
  if (m) return { ...base, type: m[1] as string, table: null };
  return { ...base, type: name, table: null };
}

/** The vertices of a job in topological order (inputs before their consumers), with their operators. */
export function jobOperators(job: Pick<JobDetails, 'vertices' | 'plan'>): { vertexOrder: string[]; operators: FlinkOperator[]; upstream: Map<string, string[]> } {
  const upstream = new Map<string, string[]>();
  for (const node of job.plan?.nodes ?? []) upstream.set(node.id, (node.inputs ?? []).map((i) => i.id));
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const up of upstream.get(id) ?? []) visit(up);
    order.push(id);
  };
  for (const v of job.vertices) visit(v.id);
  const byId = new Map(job.vertices.map((v) => [v.id, v]));
  const operators: FlinkOperator[] = [];
  for (const id of order) {
    const v = byId.get(id);
    if (v) v.name.split(' -> ').forEach((token, i) => operators.push(parseOperator(id, i, token)));
  }
  return { vertexOrder: order.filter((id) => byId.has(id)), operators, upstream };
}

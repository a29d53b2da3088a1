import type { PipelineDocumentInput } from '@weir/model';
import { demoSource } from '../../apps/web/src/features/designer/templates/demo-schemas';

/** Canvas spacing of the templates (templates.ts): one column per step, one row per branch. */
const COLUMN = 280;
const ROW = 220;

const CLICK_FIELDS = ['user_id', 'page', 'referrer', 'ts'] as const;

/**
 * A `nodes`-node pipeline on the demo `clicks` topic, as a person might draw a big one: one
 * source fanning out into `branches` rows of filters and maps, each row ending in a
 * one-minute tumbling window (which shows a watermark) and a Kafka sink. The filters keep
 * different shares of the clicks, so the rates on the canvas differ from row to row and
 * change every second. Rows are spaced so a drag can start on the empty pane between them.
 */
export function bigPipeline(name: string, nodes = 150, branches = 6): PipelineDocumentInput {
  if (nodes < 1 + branches * 4) throw new Error(`a ${branches}-branch pipeline needs at least ${1 + branches * 4} nodes`);
  const doc = {
    version: 1,
    name,
    description: `${nodes}-node canvas benchmark on the demo clicks`,
    settings: { checkpointInterval: '10s' },
    nodes: [{ id: 'clicks', kind: 'kafka-source', ui: { x: 0, y: ((branches - 1) * ROW) / 2, label: 'Clicks' }, config: demoSource('clicks') }],
    edges: [],
  } as unknown as PipelineDocumentInput & { nodes: unknown[]; edges: { from: string; to: string }[] };
  const rest = nodes - 1;
  for (let b = 0; b < branches; b++) {
    const length = Math.floor(rest / branches) + (b < rest % branches ? 1 : 0);
    let previous = 'clicks';
    for (let i = 0; i < length; i++) {
      const id = `b${b}-n${i}`;
      const ui = { x: (i + 1) * COLUMN, y: b * ROW };
      let node: { id: string; kind: string; ui: object; config: object };
      if (i === length - 1) {
        node = { id, kind: 'kafka-sink', ui: { ...ui, label: `Out ${b}` }, config: { topic: `${name}-out-${b}`, key: ['page'] } };
      } else if (i === length - 2) {
        node = {
          id, kind: 'tumbling-window', ui: { ...ui, label: `Per page ${b}` },
          config: { size: '1m', keyBy: ['page'], aggregates: [{ fn: 'count', as: 'clicks' }, { fn: 'count_distinct', field: 'user_id', as: 'users' }] },
        };
      } else if (i % 2 === 0) {
        // Keeps users whose number is not a multiple of (b + i) % 7 + 2: a different share per node.
        const m = ((b + i) % 7) + 2;
        node = { id, kind: 'filter', ui: { ...ui, label: `Keep ${b}.${i}` }, config: { where: `MOD(CAST(SUBSTRING(user_id, 3) AS INT), ${m}) <> 0 OR page = '/'` } };
      } else {
        node = { id, kind: 'map', ui: { ...ui, label: `Tidy ${b}.${i}` }, config: { select: CLICK_FIELDS.map((f) => ({ name: f, expr: f === 'referrer' ? "COALESCE(NULLIF(referrer, ''), 'direct')" : f })) } };
      }
      doc.nodes.push(node);
      doc.edges.push({ from: previous, to: id });
      previous = id;
    }
  }
  return doc;
}

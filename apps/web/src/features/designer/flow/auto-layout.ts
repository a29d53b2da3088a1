import { kindInfo, kindPorts } from '../catalog/catalog';
import type { DesignDocument, DesignNode, Position } from '../document/design-document';
import { edgeId, IN_HANDLE, OUT_HANDLE, targetHandleOf } from '../document/edge-identity';
import type { Measured } from './document-to-flow';

/** Used for nodes React Flow has not measured yet (a freshly imported document). */
export const DEFAULT_NODE_SIZE: Measured = { width: 220, height: 72 };

/** Where the node component draws its handles: inputs on the left, the output on the right, joins' ports at ⅓ and ⅔. */
export function handleOffset(port: string): number {
  return port === 'left' ? 1 / 3 : port === 'right' ? 2 / 3 : 1 / 2;
}

function portsOf(node: DesignNode, size: Measured) {
  const info = kindInfo(node.kind);
  const inputs = info?.inputs === 'none' ? [] : kindPorts(node.kind).length > 0 ? kindPorts(node.kind) : [IN_HANDLE];
  const ports = inputs.map((p) => ({ id: `${node.id}/${p}`, x: 0, y: size.height * handleOffset(p), width: 1, height: 1 }));
  if (info?.outputs !== 'none') ports.push({ id: `${node.id}/${OUT_HANDLE}`, x: size.width, y: size.height / 2, width: 1, height: 1 });
  return ports;
}

/**
 * Left-to-right layered layout with ELK. ELK (1.5 MB) is loaded on first use, so the
 * designer opens without it. Join ports keep their order (left above right).
 */
export async function layoutPositions(doc: DesignDocument, measured: Readonly<Record<string, Measured>> = {}): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: doc.nodes.map((n) => {
      const size = measured[n.id] ?? DEFAULT_NODE_SIZE;
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
        ports: portsOf(n, size),
      };
    }),
    edges: doc.edges
      .filter((e) => doc.nodes.some((n) => n.id === e.from) && doc.nodes.some((n) => n.id === e.to))
      .map((e) => ({ id: edgeId(e), sources: [`${e.from}/${OUT_HANDLE}`], targets: [`${e.to}/${targetHandleOf(e)}`] })),
  });
  return new Map((graph.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
}

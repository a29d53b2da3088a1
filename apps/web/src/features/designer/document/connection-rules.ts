import { reachableFrom } from '@weir/model';
import { kindInfo } from '../catalog/catalog';
import { findNode, nodeLabel, type DesignDocument, type DesignEdge } from './design-document';
import { IN_HANDLE } from './edge-identity';

/** A connection as the canvas proposes it: from a node's output to a node's input handle. */
export interface ProposedConnection {
  source: string;
  target: string;
  /** The target handle: `in`, or a join's port (`left`, `right`). */
  targetHandle?: string | null;
}

export type ConnectionCheck = { ok: true; edge: DesignEdge } | { ok: false; reason: string };

function refuse(reason: string): ConnectionCheck {
  return { ok: false, reason };
}

function quoted(doc: DesignDocument, id: string): string {
  const node = findNode(doc, id);
  return node ? `'${nodeLabel(node)}'` : `'${id}'`;
}

/**
 * Whether an edge may be drawn, and if not, why — in words a person can act on. Checks
 * what the canvas can know at once; everything else is left to validation.
 */
export function checkConnection(doc: DesignDocument, proposed: ProposedConnection): ConnectionCheck {
  const { source, target } = proposed;
  const from = findNode(doc, source);
  const to = findNode(doc, target);
  if (!from || !to) return refuse('That node no longer exists.');
  if (source === target) return refuse(`${quoted(doc, source)} cannot feed itself: a pipeline has no loops.`);

  const fromKind = kindInfo(from.kind);
  const toKind = kindInfo(to.kind);
  if (fromKind?.outputs === 'none') return refuse(`${quoted(doc, source)} is a ${fromKind.label.toLowerCase()}: sinks end a pipeline and have no output.`);
  if (toKind?.inputs === 'none') return refuse(`${quoted(doc, target)} is a ${toKind.label.toLowerCase()}: sources read from Kafka and take no input.`);

  const ports = toKind && typeof toKind.inputs !== 'string' ? toKind.inputs : [];
  const handle = proposed.targetHandle ?? IN_HANDLE;
  let port: string | undefined;
  if (ports.length > 0) {
    if (!ports.includes(handle)) return refuse(`${quoted(doc, target)} takes its inputs on the ports ${ports.join(' and ')}.`);
    port = handle;
  }

  const incoming = doc.edges.filter((e) => e.to === target);
  if (incoming.some((e) => e.from === source)) {
    return refuse(`${quoted(doc, source)} is already connected to ${quoted(doc, target)}.`);
  }
  if (port !== undefined) {
    const taken = incoming.find((e) => e.port === port);
    if (taken) return refuse(`The ${port} input of ${quoted(doc, target)} is already connected to ${quoted(doc, taken.from)}; delete that edge first.`);
  } else if (toKind?.inputs === 'one' && incoming.length > 0) {
    return refuse(
      `${quoted(doc, target)} (${toKind.label}) takes one input and already has ${quoted(doc, incoming[0]!.from)}; ` +
        'delete that edge first, or merge the streams with a Union.',
    );
  }

  if (reachableFrom([target], doc.edges).has(source)) {
    return refuse(`Connecting ${quoted(doc, source)} to ${quoted(doc, target)} would make a cycle: ${quoted(doc, target)} already feeds ${quoted(doc, source)}.`);
  }
  return { ok: true, edge: port === undefined ? { from: source, to: target } : { from: source, to: target, port } };
}

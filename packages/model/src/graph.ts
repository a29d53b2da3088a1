/**
 * Graph helpers over any `{ from, to, port? }` edge list, so the compiler, the validator
 * and the canvas (with its own node objects) share one reading of the graph.
 */

export interface GraphEdge {
  from: string;
  to: string;
  port?: string | undefined;
}

/** Edges into `nodeId`, in document order. */
export function incomingEdges<E extends GraphEdge>(edges: readonly E[], nodeId: string): E[] {
  return edges.filter((e) => e.to === nodeId);
}

/** Edges out of `nodeId`, in document order. */
export function outgoingEdges<E extends GraphEdge>(edges: readonly E[], nodeId: string): E[] {
  return edges.filter((e) => e.from === nodeId);
}

/**
 * The upstream node ids of `nodeId` grouped by port: `''` holds edges without a port
 * (in edge order), and every named port its own list.
 */
export function inputsByPort(edges: readonly GraphEdge[], nodeId: string): Map<string, string[]> {
  const byPort = new Map<string, string[]>();
  for (const edge of incomingEdges(edges, nodeId)) {
    const port = edge.port ?? '';
    const group = byPort.get(port);
    if (group) group.push(edge.from);
    else byPort.set(port, [edge.from]);
  }
  return byPort;
}

/**
 * The upstream node ids in the order a kind consumes them: port order for kinds with named
 * ports (`['left', 'right']` → [left input, right input]), otherwise edge order.
 */
export function orderedInputs(edges: readonly GraphEdge[], nodeId: string, ports: readonly string[] = []): string[] {
  return orderIncoming(incomingEdges(edges, nodeId), ports);
}

/** `orderedInputs` over a node's incoming edges (from `edgesByTarget`), for whole-graph passes. */
export function orderIncoming(incoming: readonly GraphEdge[], ports: readonly string[] = []): string[] {
  if (ports.length === 0) return incoming.map((e) => e.from);
  return ports.flatMap((port) => incoming.filter((e) => e.port === port).map((e) => e.from));
}

/** Edges grouped by their target, each group in document order: one pass instead of one per node. */
export function edgesByTarget<E extends GraphEdge>(edges: readonly E[]): Map<string, E[]> {
  const byTarget = new Map<string, E[]>();
  for (const edge of edges) {
    const group = byTarget.get(edge.to);
    if (group) group.push(edge);
    else byTarget.set(edge.to, [edge]);
  }
  return byTarget;
}

/** Every node reachable from `starts` (including them) along the edges. */
export function reachableFrom(starts: Iterable<string>, edges: readonly GraphEdge[]): Set<string> {
  const next = adjacency(edges);
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const to of next.get(id) ?? []) if (!seen.has(to)) stack.push(to);
  }
  return seen;
}

/**
 * Kahn's algorithm, stable: among ready nodes the one earliest in `nodeIds` goes first, so
 * the order only changes when the graph does. Nodes on or behind a cycle are left out of
 * `order` and listed in `blocked`. Edges naming unknown nodes are ignored.
 */
export function topologicalOrder(nodeIds: readonly string[], edges: readonly GraphEdge[]): { order: string[]; blocked: string[] } {
  const position = new Map(nodeIds.map((id, i) => [id, i]));
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  const known = edges.filter((e) => position.has(e.from) && position.has(e.to));
  for (const edge of known) indegree.set(edge.to, (indegree.get(edge.to) ?? 0) + 1);
  const next = adjacency(known);
  const ready = nodeIds.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      const remaining = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, remaining);
      if (remaining === 0) ready.push(to);
    }
  }
  const placed = new Set(order);
  return { order, blocked: nodeIds.filter((id) => !placed.has(id)) };
}

/**
 * The cycles of the graph, one per strongly connected component that has one, each as
 * the node ids along a cycle in edge direction (starting at its earliest node), followed by
 * any other nodes of the same component.
 */
export function findCycles(nodeIds: readonly string[], edges: readonly GraphEdge[]): string[][] {
  const position = new Map(nodeIds.map((id, i) => [id, i]));
  const known = edges.filter((e) => position.has(e.from) && position.has(e.to));
  const next = adjacency(known);
  const cycles: string[][] = [];
  for (const component of stronglyConnected(nodeIds, next)) {
    const members = new Set(component);
    const first = [...component].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))[0] as string;
    const selfLoop = (next.get(first) ?? []).includes(first);
    if (component.length === 1 && !selfLoop) continue;
    const path = selfLoop && component.length === 1 ? [first] : cyclePath(first, members, next);
    const rest = nodeIds.filter((id) => members.has(id) && !path.includes(id));
    cycles.push([...path, ...rest]);
  }
  return cycles.sort((a, b) => (position.get(a[0] as string) ?? 0) - (position.get(b[0] as string) ?? 0));
}

function adjacency(edges: readonly GraphEdge[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const targets = next.get(edge.from);
    if (targets) targets.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  return next;
}

/** Tarjan's algorithm, iterative so that a long chain cannot overflow the stack. */
function stronglyConnected(nodeIds: readonly string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of nodeIds) {
    if (index.has(root)) continue;
    const work: { id: string; child: number }[] = [{ id: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; child: number };
      const children = next.get(frame.id) ?? [];
      if (frame.child < children.length) {
        const to = children[frame.child++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, child: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest path from `start` back to itself inside one component (breadth-first). */
function cyclePath(start: string, members: Set<string>, next: Map<string, string[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const to of next.get(id) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(parent.get(path[0] as string) as string);
        return path;
      }
      if (!parent.has(to)) {
        parent.set(to, id);
        queue.push(to);
      }
    }
  }
  return [start];
}

import type { DesignEdge } from './design-document';

/** Handle ids on the canvas: every node with an output has `out`; one-input and many-input kinds take `in`; joins name their ports. */
export const OUT_HANDLE = 'out';
export const IN_HANDLE = 'in';

/** A stable id for an edge; node ids cannot contain `>`, so `a->b:left` is unambiguous. */
export function edgeId(edge: DesignEdge): string {
  return `${edge.from}->${edge.to}${edge.port ? `:${edge.port}` : ''}`;
}

/** The target handle an edge arrives at. */
export function targetHandleOf(edge: DesignEdge): string {
  return edge.port ?? IN_HANDLE;
}

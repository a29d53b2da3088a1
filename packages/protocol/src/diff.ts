import { z } from 'zod';

/** `GET /api/pipelines/:id/diff?from=N&to=M`. */
export const DiffQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
export type DiffQuery = z.infer<typeof DiffQuerySchema>;

/** One changed value: `path` is dotted from the node (`config.aggregates.1.field`) or the document (`settings.delivery`). */
export const FieldChangeSchema = z.object({
  path: z.string(),
  /** Absent when the field was added. */
  before: z.unknown().optional(),
  /** Absent when the field was removed. */
  after: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const DiffNodeSchema = z.object({ id: z.string(), kind: z.string() });
export type DiffNode = z.infer<typeof DiffNodeSchema>;

export const NodeChangeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** Every field that differs, kind and ui label included, positions excluded. */
  changes: z.array(FieldChangeSchema),
});
export type NodeChange = z.infer<typeof NodeChangeSchema>;

const PositionSchema = z.object({ x: z.number().nullable(), y: z.number().nullable() });

/** A node whose only difference is its position on the canvas. */
export const NodeMoveSchema = z.object({ id: z.string(), from: PositionSchema, to: PositionSchema });
export type NodeMove = z.infer<typeof NodeMoveSchema>;

export const DiffEdgeSchema = z.object({ from: z.string(), to: z.string(), port: z.string().optional() });
export type DiffEdge = z.infer<typeof DiffEdgeSchema>;

/** An edge between the same two nodes whose port changed. */
export const EdgeChangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(FieldChangeSchema),
});
export type EdgeChange = z.infer<typeof EdgeChangeSchema>;

/** What changed from version `from` to version `to` (either may be the older one). */
export const PipelineDiffSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  nodes: z.object({
    added: z.array(DiffNodeSchema),
    removed: z.array(DiffNodeSchema),
    changed: z.array(NodeChangeSchema),
    moved: z.array(NodeMoveSchema),
  }),
  edges: z.object({
    added: z.array(DiffEdgeSchema),
    removed: z.array(DiffEdgeSchema),
    changed: z.array(EdgeChangeSchema),
  }),
  /** Name, description and settings (`settings.delivery`, …). */
  document: z.array(FieldChangeSchema),
});
export type PipelineDiff = z.infer<typeof PipelineDiffSchema>;

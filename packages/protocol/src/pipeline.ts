import { z } from 'zod';
import { PipelineNameSchema, ProblemSchema } from '@weir/model';
import { IdSchema, TimestampSchema } from './common';

/**
 * A pipeline document as the store keeps it: the outer shape the server needs to file it
 * (version 1, a valid name, nodes and edges), the rest as the editor wrote it. Problems
 * with node configs, settings or the graph do not stop a save — they come back as
 * `problems` beside the stored draft (see pipeline-format.md for the full rules).
 */
export const DraftNodeSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  ui: z.looseObject({ x: z.number().optional(), y: z.number().optional(), label: z.string().optional() }).optional(),
  config: z.unknown().optional(),
});
export type DraftNode = z.infer<typeof DraftNodeSchema>;

export const DraftEdgeSchema = z.looseObject({ from: z.string(), to: z.string(), port: z.string().optional() });
export type DraftEdge = z.infer<typeof DraftEdgeSchema>;

export const DraftDocumentSchema = z.looseObject({
  version: z.literal(1),
  name: PipelineNameSchema,
  description: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(DraftNodeSchema),
  edges: z.array(DraftEdgeSchema),
});
export type DraftDocument = z.infer<typeof DraftDocumentSchema>;

/** One row of `GET /api/pipelines`. */
export const PipelineSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  /** The latest version number (1 for a new pipeline). */
  version: z.number().int().positive(),
  /** False when the latest version has problems (a draft); `problemCount` says how many. */
  valid: z.boolean(),
  problemCount: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Name of the user who saved the latest version; null when that user was deleted. */
  updatedBy: z.string().nullable(),
});
export type PipelineSummary = z.infer<typeof PipelineSummarySchema>;

export const PipelineListSchema = z.object({ pipelines: z.array(PipelineSummarySchema) });
export type PipelineList = z.infer<typeof PipelineListSchema>;

/** One version of a pipeline: `POST`, `GET`, `PUT /api/pipelines[/:id]`. */
export const PipelineRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  version: z.number().int().positive(),
  /** The latest version of the pipeline, so an editor of an older version knows it is behind. */
  latestVersion: z.number().int().positive(),
  document: DraftDocumentSchema,
  /** Every validation problem of this version; empty when it is valid. */
  problems: z.array(ProblemSchema),
  createdAt: TimestampSchema,
  /** When this version was saved, and by whom. */
  updatedAt: TimestampSchema,
  updatedBy: z.string().nullable(),
});
export type PipelineRecord = z.infer<typeof PipelineRecordSchema>;

/** `POST /api/pipelines`. The pipeline's name is the document's `name`. */
export const CreatePipelineRequestSchema = z.object({ document: DraftDocumentSchema });
export type CreatePipelineRequest = z.infer<typeof CreatePipelineRequestSchema>;

/** `PUT /api/pipelines/:id`: `baseVersion` is the version the editor started from; a stale one gets 409 VERSION_CONFLICT. */
export const UpdatePipelineRequestSchema = z.object({
  baseVersion: z.number().int().positive(),
  document: DraftDocumentSchema,
});
export type UpdatePipelineRequest = z.infer<typeof UpdatePipelineRequestSchema>;

/** `GET /api/pipelines/:id?version=N`: absent means the latest. */
export const PipelineQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });
export type PipelineQuery = z.infer<typeof PipelineQuerySchema>;

export const PipelineVersionSchema = z.object({
  version: z.number().int().positive(),
  createdAt: TimestampSchema,
  author: z.string().nullable(),
  valid: z.boolean(),
});
export type PipelineVersion = z.infer<typeof PipelineVersionSchema>;

/** `GET /api/pipelines/:id/versions`, newest first. */
export const PipelineVersionsSchema = z.object({ versions: z.array(PipelineVersionSchema) });
export type PipelineVersions = z.infer<typeof PipelineVersionsSchema>;

/** Details of a 409 VERSION_CONFLICT. */
export const VersionConflictDetailsSchema = z.object({ currentVersion: z.number().int().positive() });
export type VersionConflictDetails = z.infer<typeof VersionConflictDetailsSchema>;

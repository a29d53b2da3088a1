import { z } from 'zod';
import { durationSchema } from './duration';
import { KafkaTopicSchema, NodeIdSchema, PipelineNameSchema } from './names';
import type { NodeConfig, NodeKindName } from './nodes/index';
import { addProblem } from './zod-problems';

/** The pipeline document, version 1 (shared/pipeline-format.md). */

export const DELIVERY_GUARANTEES = ['at-least-once', 'exactly-once'] as const;
export const DeliverySchema = z.enum(DELIVERY_GUARANTEES);
export type Delivery = z.infer<typeof DeliverySchema>;

export const ERROR_POLICIES = ['fail', 'skip', 'dead-letter'] as const;

/** `topic` may stay set under another policy, so switching the policy in a form loses nothing. */
export const OnErrorSchema = z
  .strictObject({
    policy: z.enum(ERROR_POLICIES),
    topic: KafkaTopicSchema.optional().describe('Dead-letter topic; required for policy dead-letter.'),
  })
  .superRefine((onError, ctx) => {
    if (onError.policy === 'dead-letter' && onError.topic === undefined) {
      addProblem(ctx, 'BAD_CONFIG', 'policy dead-letter needs topic: the Kafka topic failed and late records are written to', ['topic']);
    }
  });
export type OnError = z.output<typeof OnErrorSchema>;

export const MAX_PARALLELISM = 1024;

export const SettingsSchema = z.strictObject({
  checkpointInterval: durationSchema({}, 'How often state and source offsets are snapshotted.').default('10s'),
  delivery: DeliverySchema.default('at-least-once'),
  onError: OnErrorSchema.default({ policy: 'fail' }),
  parallelism: z.number().int().min(1).max(MAX_PARALLELISM).default(1)
    .describe('Requested parallelism; an engine may cap it and says so.'),
});
export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Canvas layout; free-form beyond position and label, and never changes meaning. */
export const NodeUiSchema = z.looseObject({
  x: z.number().optional(),
  y: z.number().optional(),
  label: z.string().optional(),
});
export type NodeUi = z.output<typeof NodeUiSchema>;

/** A node whose `config` has not been checked against its kind yet. */
export const NodeEnvelopeSchema = z.strictObject({
  id: NodeIdSchema,
  kind: z.string().min(1),
  ui: NodeUiSchema.optional(),
  config: z.unknown().optional(),
});
export type NodeEnvelope = z.output<typeof NodeEnvelopeSchema>;

export const EdgeSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  port: z.string().optional().describe('Input port of a join: left or right.'),
});
export type Edge = z.output<typeof EdgeSchema>;

/**
 * The document as stored and exchanged. Node configs are checked per kind by
 * `validateDocument`, which is also what applies their defaults; parse with this schema
 * only to accept a document whose meaning is checked later (a draft being edited).
 */
export const PipelineDocumentSchema = z.strictObject({
  version: z.literal(1),
  name: PipelineNameSchema,
  description: z.string().optional(),
  settings: SettingsSchema.prefault({}),
  nodes: z.array(NodeEnvelopeSchema),
  edges: z.array(EdgeSchema),
});
export type PipelineDocumentEnvelope = z.output<typeof PipelineDocumentSchema>;
/** A document as a person or the canvas writes it (settings and defaults may be absent). */
export type PipelineDocumentInput = z.input<typeof PipelineDocumentSchema>;

/** A checked node: its config parsed by its kind's schema, defaults applied. */
export type PipelineNode = {
  [K in NodeKindName]: { id: string; kind: K; ui?: NodeUi; config: NodeConfig<K> };
}[NodeKindName];

/** A document that `validateDocument` accepted: settings and every config with defaults applied. */
export type PipelineDocument = Omit<PipelineDocumentEnvelope, 'nodes'> & { nodes: PipelineNode[] };

import type { z } from 'zod';
import type { RecordSchema } from './field';
import type { Problem } from './problem';

export const NODE_CATEGORIES = ['source', 'transform', 'window', 'join', 'sink'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/**
 * How many upstream nodes a kind takes: `none` (sources), `one`, `many` (two or more, in
 * edge order), or named ports (joins: every edge names one port, each port takes one edge).
 */
export type NodeInputs = 'none' | 'one' | 'many' | readonly string[];

/**
 * What flows out of a node: its fields in order, and which of them (if any) is the
 * event-time attribute. `eventTime: null` means the rows are on processing time.
 */
export interface NodeOutput {
  schema: RecordSchema;
  eventTime: string | null;
}

/** An upstream node's output as a node sees it, with the upstream node's id for messages. */
export interface NodeInput extends NodeOutput {
  from: string;
}

/**
 * The result of schema propagation for one node. Problems carry `field` (a dotted path
 * inside the node's config) and a message without the node prefix; validation adds `node`.
 * A sink returns an empty schema: it has no output.
 */
export interface Derivation extends NodeOutput {
  problems: Problem[];
}

/**
 * A node kind: everything the canvas (palette, config form, ports), validation and the
 * compiler need to know about it, registered once in `nodes/index.ts`.
 */
export interface NodeKindDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly label: string;
  readonly category: NodeCategory;
  /** An icon name the canvas maps to an icon (lucide-style names). */
  readonly icon: string;
  /** One or two sentences for the palette's tooltip. */
  readonly help: string;
  readonly inputs: NodeInputs;
  readonly outputs: 'one' | 'none';
  /** A strict zod object: unknown keys are reported, defaults are applied. */
  readonly configSchema: S;
  /** The config a node gets when dropped on the canvas. */
  defaultConfig(): z.input<S>;
  /**
   * Schema propagation. `inputs` are the outputs of the upstream nodes in edge order, or
   * in port order for kinds with named ports (`[left, right]`), and always as many as the
   * kind takes (validation does not call this before the inputs are complete).
   */
  outputSchema(config: z.output<S>, inputs: readonly NodeInput[]): Derivation;
}

/** Keeps the literal kind and the config schema's type when a kind is declared. */
export function defineNodeKind<K extends string, S extends z.ZodType>(
  definition: NodeKindDefinition<K, S>,
): NodeKindDefinition<K, S> {
  return definition;
}

/** Port names of a kind with named ports, otherwise an empty list. */
export function portsOf(inputs: NodeInputs): readonly string[] {
  return typeof inputs === 'string' ? [] : inputs;
}

import { z } from 'zod';
import { NODE_CATEGORIES, type NodeCategory, type NodeInputs, type NodeKindDefinition } from './node-kind';
import { NODE_KINDS, type NodeKindName } from './nodes/index';
import { didYouMean } from './suggest';

/**
 * The node catalog: what the canvas palette, the config forms, validation and the compiler
 * know about each kind. The kinds themselves are registered in `nodes/index.ts`.
 */

export const CATEGORY_LABELS: Record<NodeCategory, string> = {
  source: 'Sources',
  transform: 'Transforms',
  window: 'Windows',
  join: 'Joins',
  sink: 'Sinks',
};

const BY_KIND = new Map<string, NodeKindDefinition>(NODE_KINDS.map((k) => [k.kind, k as NodeKindDefinition]));

export function isNodeKind(kind: unknown): kind is NodeKindName {
  return typeof kind === 'string' && BY_KIND.has(kind);
}

/** The definition of a kind, or undefined for a kind Weir does not know. */
export function getNodeKind(kind: string): NodeKindDefinition | undefined {
  return BY_KIND.get(kind);
}

/** "unknown node kind 'filtr'; did you mean 'filter'?" */
export function unknownKindMessage(kind: string): string {
  return `unknown node kind '${kind}'${didYouMean(kind, BY_KIND.keys()) || `; known kinds are ${[...BY_KIND.keys()].join(', ')}`}`;
}

/** The palette: categories in order, each with its kinds in registration order. */
export function nodeKindsByCategory(): { category: NodeCategory; label: string; kinds: NodeKindDefinition[] }[] {
  return NODE_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    kinds: NODE_KINDS.filter((k) => k.category === category) as NodeKindDefinition[],
  }));
}

/** A catalog entry as plain JSON (for an API answer or a form generator outside TypeScript). */
export interface NodeKindDescription {
  kind: string;
  label: string;
  category: NodeCategory;
  icon: string;
  help: string;
  inputs: NodeInputs;
  outputs: 'one' | 'none';
  defaultConfig: unknown;
  /** JSON Schema (draft 2020-12) of the config as written, with defaults and descriptions. */
  configJsonSchema: Record<string, unknown>;
}

export function describeNodeKind(definition: NodeKindDefinition): NodeKindDescription {
  return {
    kind: definition.kind,
    label: definition.label,
    category: definition.category,
    icon: definition.icon,
    help: definition.help,
    inputs: definition.inputs,
    outputs: definition.outputs,
    defaultConfig: definition.defaultConfig(),
    configJsonSchema: z.toJSONSchema(definition.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  };
}

export function describeCatalog(): NodeKindDescription[] {
  return NODE_KINDS.map((k) => describeNodeKind(k as NodeKindDefinition));
}

import { z } from 'zod';
import { EdgeSchema, NodeEnvelopeSchema, PipelineDocumentSchema, SettingsSchema, type Edge, type NodeUi, type Settings } from './document';
import type { Problem } from './problem';
import { issuesToProblems } from './zod-problems';

/**
 * First stage of validation: the document's outer shape. Each part is read on its own so
 * that a bad setting or one malformed node does not hide the problems of the others.
 */

export interface EnvelopeNode {
  index: number;
  id: string;
  kind: string | undefined;
  ui: NodeUi | undefined;
  config: unknown;
}

export interface EnvelopeEdge extends Edge {
  index: number;
}

export interface Envelope {
  /** Not an object, or not version 1: nothing else can be read. */
  fatal: boolean;
  problems: Problem[];
  name?: string;
  description?: string;
  settings?: Settings;
  nodes: EnvelopeNode[];
  edges: EnvelopeEdge[];
}

const TopLevelSchema = PipelineDocumentSchema.extend({
  settings: z.unknown().optional(),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
});

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readEnvelope(input: unknown): Envelope {
  const envelope: Envelope = { fatal: true, problems: [], nodes: [], edges: [] };
  if (!isPlainObject(input)) {
    envelope.problems.push({ code: 'BAD_DOCUMENT', message: 'the document must be a JSON object with version, name, nodes and edges' });
    return envelope;
  }
  if (input.version !== 1) {
    const message = input.version === undefined
      ? 'document: version is missing; add "version": 1 (this is pipeline format version 1)'
      : `document: version ${JSON.stringify(input.version)} is not supported; Weir reads pipeline format version 1`;
    envelope.problems.push({ code: 'BAD_DOCUMENT', field: 'version', message });
    return envelope;
  }
  envelope.fatal = false;

  const top = TopLevelSchema.safeParse(input);
  if (!top.success) {
    envelope.problems.push(...issuesToProblems(top.error.issues, {
      schema: TopLevelSchema, data: input, code: 'BAD_DOCUMENT', subject: 'document', rootLabel: 'document',
    }));
  }
  if (typeof input.name === 'string') envelope.name = input.name;
  if (typeof input.description === 'string') envelope.description = input.description;

  const settings = SettingsSchema.safeParse(input.settings === undefined ? {} : input.settings);
  if (settings.success) envelope.settings = settings.data;
  else {
    envelope.problems.push(...issuesToProblems(settings.error.issues, {
      schema: SettingsSchema, data: input.settings, code: 'BAD_CONFIG', subject: 'settings', rootLabel: 'settings', fieldPrefix: 'settings',
    }));
  }

  if (Array.isArray(input.nodes)) {
    input.nodes.forEach((raw, index) => {
      const node = readNode(raw, index, envelope.problems);
      if (node) envelope.nodes.push(node);
    });
  }
  if (Array.isArray(input.edges)) {
    input.edges.forEach((raw, index) => {
      const parsed = EdgeSchema.safeParse(raw);
      if (parsed.success) {
        envelope.edges.push({ ...parsed.data, index });
        return;
      }
      envelope.problems.push(...issuesToProblems(parsed.error.issues, {
        schema: EdgeSchema, data: raw, code: 'BAD_DOCUMENT', subject: `edge ${index + 1}`, rootLabel: 'edge', fieldPrefix: `edges.${index}`,
      }));
      // An edge with usable endpoints still counts, so its nodes are not reported as cut off.
      if (isPlainObject(raw) && typeof raw.from === 'string' && typeof raw.to === 'string') {
        envelope.edges.push({ from: raw.from, to: raw.to, port: typeof raw.port === 'string' ? raw.port : undefined, index });
      }
    });
  }
  return envelope;
}

/** A node with a string id takes part in the graph even when other parts of it are malformed. */
function readNode(raw: unknown, index: number, problems: Problem[]): EnvelopeNode | undefined {
  const parsed = NodeEnvelopeSchema.safeParse(raw);
  const id = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, {
      schema: NodeEnvelopeSchema,
      data: raw,
      code: 'BAD_DOCUMENT',
      subject: id !== undefined ? `node '${id}'` : `node ${index + 1}`,
      rootLabel: 'node',
      fieldPrefix: `nodes.${index}`,
      ...(id !== undefined ? { node: id } : {}),
    }));
  }
  if (id === undefined || !isPlainObject(raw)) return undefined;
  return {
    index,
    id,
    kind: typeof raw.kind === 'string' && raw.kind !== '' ? raw.kind : undefined,
    ui: parsed.success ? parsed.data.ui : undefined,
    config: raw.config,
  };
}

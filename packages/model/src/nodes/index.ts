import type { z } from 'zod';
import { countWindowKind } from './count-window';
import { filterKind } from './filter';
import { intervalJoinKind } from './interval-join';
import { kafkaSinkKind } from './kafka-sink';
import { kafkaSourceKind } from './kafka-source';
import { mapKind } from './map';
import { postgresSinkKind } from './postgres-sink';
import { previewSinkKind } from './preview-sink';
import { sessionWindowKind } from './session-window';
import { slidingWindowKind } from './sliding-window';
import { tumblingWindowKind } from './tumbling-window';
import { unionKind } from './union';

/** Every node kind, registered once, in palette order. */
export const NODE_KINDS = [
  kafkaSourceKind,
  filterKind,
  mapKind,
  unionKind,
  tumblingWindowKind,
  slidingWindowKind,
  sessionWindowKind,
  countWindowKind,
  intervalJoinKind,
  kafkaSinkKind,
  postgresSinkKind,
  previewSinkKind,
] as const;

export type AnyNodeKind = (typeof NODE_KINDS)[number];
export type NodeKindName = AnyNodeKind['kind'];
export type NodeConfigSchemaOf<K extends NodeKindName> = Extract<AnyNodeKind, { kind: K }>['configSchema'];
/** A node's config after parsing: defaults applied. */
export type NodeConfig<K extends NodeKindName> = z.output<NodeConfigSchemaOf<K>>;
/** A node's config as written in a document: defaults may be absent. */
export type NodeConfigInput<K extends NodeKindName> = z.input<NodeConfigSchemaOf<K>>;

export const NODE_KIND_NAMES: readonly NodeKindName[] = NODE_KINDS.map((k) => k.kind);

export * from './count-window';
export * from './expression-field';
export * from './filter';
export * from './interval-join';
export * from './kafka-sink';
export * from './kafka-source';
export * from './map';
export * from './postgres-sink';
export * from './preview-sink';
export * from './session-window';
export * from './sliding-window';
export * from './tumbling-window';
export * from './union';
export * from './window-common';

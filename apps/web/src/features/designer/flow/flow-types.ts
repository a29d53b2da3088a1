import { PipelineNode } from './pipeline-node';
import { SchemaEdge } from './schema-edge';

// Defined once at module scope: a new object per render would make React Flow re-create every node.
export const NODE_TYPES = { pipeline: PipelineNode };
export const EDGE_TYPES = { schema: SchemaEdge };

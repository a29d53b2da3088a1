/**
 * Names Weir derives for a pipeline's resources in Kafka. Pipeline names are
 * `[a-z0-9-]` and node ids `[A-Za-z0-9_-]`, so `.` separates them without ambiguity
 * (`a-b` + `c` and `a` + `b-c` stay distinct).
 */

/** The default prefix of a pipeline's consumer groups and transactional ids. */
export function defaultResourcePrefix(pipelineName: string): string {
  return `weir.${pipelineName}`;
}

/**
 * One consumer group per source node: two sources reading the same topic must not share
 * a group, or they would split its partitions (embedded) or overwrite each other's
 * committed offsets (Flink). Stable across deployments, so `startFrom: committed` resumes.
 */
export function consumerGroupId(prefix: string, sourceId: string): string {
  return `${prefix}.${sourceId}`;
}

/** Flink: one transactional-id prefix per Kafka sink table. */
export function sinkTransactionalIdPrefix(prefix: string, sinkId: string): string {
  return `${prefix}.${sinkId}`;
}

import { resolveMavenClasspath, type MavenArtifact } from '../maven-classpath';

/**
 * One Flink version for every module. 2.2.0 because the newest Kafka SQL connector on Maven
 * Central, `flink-sql-connector-kafka:5.0.0-2.2`, is built for Flink 2.2, and Flink 2.2.1 is not
 * complete there (`flink-csv:2.2.1` is missing), so 2.2.0 is the newest 2.2 that resolves whole.
 */
export const FLINK_VERSION = '2.2.0';
export const FLINK_KAFKA_CONNECTOR_VERSION = '5.0.0-2.2';
/**
 * The JDBC connector's newest release on Maven Central is built for Flink 2.0; its table
 * factory and sink run unchanged on 2.2 (checked by the postgres-sink equivalence case).
 */
export const FLINK_JDBC_CONNECTOR_VERSION = '4.0.0-2.0';
export const POSTGRESQL_DRIVER_VERSION = '42.7.13';
const LOG4J_VERSION = '2.24.3';

const flink = (artifactId: string, version = FLINK_VERSION): MavenArtifact => ({ groupId: 'org.apache.flink', artifactId, version });

/**
 * What a flink-dist's lib/ would hold, from Maven: the runtime and web UI, the SQL planner
 * (only the loader, never `flink-table-planner_2.12` beside it), the SQL Gateway, the json
 * and csv formats, and the connectors Weir's SQL uses. One classpath serves the JobManager,
 * the TaskManager and the gateway, so connector classes reach the TaskManager too.
 */
export const FLINK_ARTIFACTS: readonly MavenArtifact[] = [
  flink('flink-runtime'),
  flink('flink-runtime-web'),
  flink('flink-clients'),
  flink('flink-streaming-java'),
  flink('flink-table-api-java-bridge'),
  flink('flink-table-runtime'),
  flink('flink-table-planner-loader'),
  flink('flink-sql-gateway'),
  flink('flink-json'),
  flink('flink-csv'),
  // The JDBC connector asks for flink-connector-base 2.0.0; pin the cluster's own version.
  flink('flink-connector-base'),
  flink('flink-sql-connector-kafka', FLINK_KAFKA_CONNECTOR_VERSION),
  flink('flink-connector-jdbc-core', FLINK_JDBC_CONNECTOR_VERSION),
  flink('flink-connector-jdbc-postgres', FLINK_JDBC_CONNECTOR_VERSION),
  { groupId: 'org.postgresql', artifactId: 'postgresql', version: POSTGRESQL_DRIVER_VERSION },
  // flink-dist's logging: slf4j 1.7 routed to log4j2, plus the log4j 1.x bridge for old connectors.
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-slf4j-impl', version: LOG4J_VERSION },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-core', version: LOG4J_VERSION },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-1.2-api', version: LOG4J_VERSION },
];

export interface ResolveFlinkOptions {
  cacheDir?: string;
  onLog?: (line: string) => void;
}

/** The jars of FLINK_ARTIFACTS and their runtime dependencies (cached under `flink-<version>`). */
export function resolveFlinkClasspath(options: ResolveFlinkOptions = {}): Promise<string[]> {
  return resolveMavenClasspath({ name: `flink-${FLINK_VERSION}`, artifacts: FLINK_ARTIFACTS, ...options });
}

import { resolveMavenClasspath, type MavenArtifact } from './maven-classpath';

export const KAFKA_VERSION = '4.1.1';
export const SCALA_BINARY_VERSION = '2.13';

// The bindings Kafka 4.1's own distribution ships in libs/: slf4j 1.7 API routed to log4j2.
const LOGGING: MavenArtifact[] = [
  { groupId: 'org.slf4j', artifactId: 'slf4j-api', version: '1.7.36' },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-slf4j-impl', version: '2.24.3' },
  { groupId: 'org.apache.logging.log4j', artifactId: 'log4j-core', version: '2.24.3' },
];

export const KAFKA_BROKER_ARTIFACTS: readonly MavenArtifact[] = [
  { groupId: 'org.apache.kafka', artifactId: `kafka_${SCALA_BINARY_VERSION}`, version: KAFKA_VERSION },
  ...LOGGING,
];

export const KAFKA_TOOLS_ARTIFACTS: readonly MavenArtifact[] = [
  { groupId: 'org.apache.kafka', artifactId: 'kafka-tools', version: KAFKA_VERSION },
  ...LOGGING,
];

export interface ResolveOptions {
  cacheDir?: string;
  onLog?: (line: string) => void;
}

/** Jars to run the broker (`kafka.Kafka`) and `kafka.tools.StorageTool`. */
export function resolveKafkaClasspath(options: ResolveOptions = {}): Promise<string[]> {
  return resolveMavenClasspath({ name: `kafka-${KAFKA_VERSION}`, artifacts: KAFKA_BROKER_ARTIFACTS, ...options });
}

/** Jars of Kafka's command-line tools (`org.apache.kafka.tools.*`, e.g. ConsumerGroupCommand). */
export function resolveKafkaToolsClasspath(options: ResolveOptions = {}): Promise<string[]> {
  return resolveMavenClasspath({ name: `kafka-tools-${KAFKA_VERSION}`, artifacts: KAFKA_TOOLS_ARTIFACTS, ...options });
}

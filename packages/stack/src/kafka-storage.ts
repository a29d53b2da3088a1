import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateClusterId, parseProperties, toolsLog4j2Properties } from './kafka-config';
import type { KafkaLayout } from './kafka-layout';
import { runJava } from './java-process';
import { StackError, lastLines } from './stack-error';

/**
 * Formats the KRaft storage of a layout unless it already is, and returns its cluster id.
 * An existing but unusable directory is reported, never wiped: it may hold someone's data.
 */
export async function ensureStorageFormatted(
  layout: KafkaLayout,
  classpath: readonly string[],
  java: string,
  nodeId = 1,
): Promise<{ clusterId: string; formatted: boolean }> {
  const meta = join(layout.storageDir, 'meta.properties');
  if (existsSync(meta)) {
    let props: Record<string, string>;
    try {
      props = parseProperties(readFileSync(meta, 'utf8'));
    } catch (err) {
      throw new StackError('STORAGE_UNREADABLE', `Cannot read ${meta}: ${(err as Error).message}`, { cause: err });
    }
    if (!props['cluster.id'] || props['node.id'] !== String(nodeId)) {
      throw new StackError(
        'STORAGE_UNREADABLE',
        `${meta} is not the storage of a single-node Weir broker (cluster.id=${props['cluster.id'] ?? 'missing'}, node.id=${props['node.id'] ?? 'missing'}); remove ${layout.dataDir} to start afresh`,
      );
    }
    return { clusterId: props['cluster.id'], formatted: false };
  }

  let entries: string[] = [];
  try {
    entries = existsSync(layout.storageDir) ? readdirSync(layout.storageDir) : [];
  } catch (err) {
    throw new StackError('STORAGE_UNREADABLE', `Cannot read ${layout.storageDir}: ${(err as Error).message}`, { cause: err });
  }
  if (entries.length > 0) {
    throw new StackError(
      'STORAGE_UNREADABLE',
      `${layout.storageDir} holds files but no meta.properties, so it is not a formatted Kafka log directory; remove it or choose another data directory`,
    );
  }

  writeFileSync(layout.toolsLog4j2Properties, toolsLog4j2Properties());
  const clusterId = generateClusterId();
  const r = await runJava({
    classpath,
    mainClass: 'kafka.tools.StorageTool',
    args: ['format', '--cluster-id', clusterId, '--config', layout.serverProperties],
    jvmArgs: ['-Xmx256m', '-XX:+UseSerialGC', `-Dlog4j2.configurationFile=${layout.toolsLog4j2Properties}`],
    cwd: layout.dataDir,
  }, java);
  if (r.code !== 0) {
    throw new StackError(
      'STORAGE_UNREADABLE',
      `Formatting Kafka storage at ${layout.storageDir} failed (exit ${r.code ?? r.signal}):\n${lastLines(`${r.stdout}\n${r.stderr}`, 15)}`,
    );
  }
  return { clusterId, formatted: true };
}

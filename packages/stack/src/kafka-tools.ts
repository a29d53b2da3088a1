import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stackCacheDir } from './cache-dir';
import { KAFKA_VERSION, resolveKafkaToolsClasspath } from './kafka-artifacts';
import { toolsLog4j2Properties } from './kafka-config';
import { checkJava, runJava } from './java-process';
import { StackError, lastLines } from './stack-error';

export interface RunKafkaToolOptions {
  cacheDir?: string;
  /** Default true: a non-zero exit raises TOOL_FAILED with the tool's last lines. */
  check?: boolean;
  jvmArgs?: readonly string[];
}

export interface KafkaToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of Kafka's command-line tools by main class, e.g.
 * `runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
 *  ['--bootstrap-server', brokers, '--describe', '--group', g])`.
 */
export async function runKafkaTool(mainClass: string, args: readonly string[], options: RunKafkaToolOptions = {}): Promise<KafkaToolResult> {
  const { java } = checkJava();
  const cacheDir = options.cacheDir ?? stackCacheDir();
  const classpath = await resolveKafkaToolsClasspath({ cacheDir });
  const dir = join(cacheDir, `kafka-tools-${KAFKA_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const log4j = join(dir, 'tools-log4j2.properties');
  writeFileSync(log4j, toolsLog4j2Properties());
  const r = await runJava({
    classpath,
    mainClass,
    args,
    jvmArgs: ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', `-Dlog4j2.configurationFile=${log4j}`, ...(options.jvmArgs ?? [])],
  }, java);
  if ((options.check ?? true) && r.code !== 0) {
    const name = mainClass.split('.').pop();
    throw new StackError(
      'TOOL_FAILED',
      `${name} ${args.join(' ')} exited with ${r.code ?? r.signal}:\n${lastLines(`${r.stdout}\n${r.stderr}`, 15)}`,
    );
  }
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

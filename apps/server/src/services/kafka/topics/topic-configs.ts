import { ConfigResourceTypes, type Admin } from '@weir/kafka';
import type { TopicConfigEntry } from '@weir/protocol';

// Kafka's DescribeConfigs config sources, by number.
const SOURCES: Record<number, string> = {
  0: 'UNKNOWN', 1: 'DYNAMIC_TOPIC_CONFIG', 2: 'DYNAMIC_BROKER_CONFIG', 3: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  4: 'STATIC_BROKER_CONFIG', 5: 'DEFAULT_CONFIG', 6: 'DYNAMIC_BROKER_LOGGER_CONFIG',
};
const TOPIC_SOURCE = 1;

interface RawEntry {
  configName: string;
  configValue: string | null;
  readOnly: boolean;
  isDefault: boolean;
  configSource?: number;
  isSensitive: boolean;
}

export async function describeTopicConfigs(admin: Admin, topic: string): Promise<TopicConfigEntry[]> {
  const result = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false });
  const entries = (result.resources[0]?.configEntries ?? []) as RawEntry[];
  return entries
    .map((e) => ({
      name: e.configName,
      value: e.isSensitive ? null : e.configValue,
      source: SOURCES[e.configSource ?? 0] ?? 'UNKNOWN',
      isDefault: e.isDefault,
      isSensitive: e.isSensitive,
      readOnly: e.readOnly,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The full set of topic-level values after a change. kafkajs speaks the legacy AlterConfigs,
 * which replaces every topic-level value, so the values already set on the topic are sent
 * again with the change applied.
 */
export function mergedTopicConfigs(current: readonly TopicConfigEntry[], set: Readonly<Record<string, string>>, reset: readonly string[]): Array<{ name: string; value: string }> {
  const out = new Map<string, string>();
  for (const e of current) if (e.source === SOURCES[TOPIC_SOURCE] && e.value !== null) out.set(e.name, e.value);
  for (const name of reset) out.delete(name);
  for (const [name, value] of Object.entries(set)) out.set(name, value);
  return [...out].map(([name, value]) => ({ name, value }));
}

export async function alterTopicConfigs(admin: Admin, topic: string, entries: Array<{ name: string; value: string }>): Promise<void> {
  await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: entries }] });
}

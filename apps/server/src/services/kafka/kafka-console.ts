import type { FastifyBaseLogger } from 'fastify';
import type {
  AlterTopicConfigsRequest, BrowseResponse, ConnectionInputParsed, ConnectionTestResult, CreateTopicRequest, GroupDetail, GroupList, KafkaClusterOverview, ProduceResponse,
  ResetOffsetsPreview, ResetOffsetsRequest, SearchCheckResponse, SearchRequestParsed, TopicConfigs, TopicDetail, TopicList,
} from '@weir/protocol';
import { ApiError } from '../../api-error';
import type { AuditService } from '../audit-service';
import { requireRole, type Actor } from '../auth/actor';
import type { Store } from '../store/store';
import { createClusterClients, createClusterPool, type ClusterClients } from './cluster-pool';
import { createConnectionsService } from './connections-service';
import { groupDetail, listGroups } from './groups/groups';
import { applyReset, previewReset } from './groups/reset-offsets';
import { toApiError } from './kafka-errors';
import { browseMessages, type BrowseOptions } from './messages/browse';
import { produceMessage, type ProduceInput } from './messages/produce';
import { clusterOverview } from './overview';
import { ClusterSampler, DEFAULT_SAMPLER_OPTIONS } from './sampler/cluster-sampler';
import type { ClusterSample } from './sampler/compute-sample';
import { checkSearch, prepareSearch, type PreparedSearch } from './search/prepare-search';
import { createSecretBox, loadSecretKey, type SecretBox } from './secret-box';
import { alterTopicConfigs, describeTopicConfigs, mergedTopicConfigs } from './topics/topic-configs';
import { createTopicSizes, type TopicSizes } from './topics/topic-sizes';
import { createTopic, deleteTopic, listTopics, topicDetail } from './topics/topics';

export interface KafkaConsoleDeps {
  store: Store;
  audit: AuditService;
  now: () => number;
  dataDir: string;
  defaultBrokers: string | undefined;
  log: FastifyBaseLogger;
  sampler?: Partial<typeof DEFAULT_SAMPLER_OPTIONS>;
}

/** A cluster in use: its clients, its sampler (started on first use) and its size cache. */
export interface ClusterHandle {
  clients: ClusterClients;
  sampler: ClusterSampler;
  sizes: TopicSizes;
}

/**
 * The Kafka console's service: every method takes the actor and checks the role it needs
 * (viewer reads; operator produces, creates topics and exports; admin deletes topics, edits
 * their configs, resets offsets and manages connections), so REST and the live socket get
 * the same checks.
 */
export function createKafkaConsole(deps: KafkaConsoleDeps) {
  const { store, audit, log } = deps;
  const samplerOptions = { ...DEFAULT_SAMPLER_OPTIONS, ...deps.sampler };
  let box: SecretBox | null = null;
  const handles = new Map<string, Promise<ClusterHandle>>();

  const connections = createConnectionsService({
    store,
    audit,
    now: deps.now,
    box: () => (box ??= createSecretBox(loadSecretKey(deps.dataDir))),
    defaultBrokers: deps.defaultBrokers,
    changed: (name) => forget(name),
  });
  const pool = createClusterPool((name) => connections.settings(name), log);

  function forget(name: string): void {
    const h = handles.get(name);
    handles.delete(name);
    void h?.then((x) => x.sampler.stop()).catch(() => {});
    pool.invalidate(name);
  }

  /** The cluster's handle; its sampler starts here, so history begins with the console's first use. */
  function cluster(name: string): Promise<ClusterHandle> {
    let h = handles.get(name);
    if (!h) {
      h = pool.get(name).then((clients) => {
        const sampler = new ClusterSampler(clients, { ...samplerOptions, now: deps.now, log });
        sampler.start();
        return { clients, sampler, sizes: createTopicSizes(clients.raw, deps.now) };
      });
      h.catch(() => handles.delete(name));
      handles.set(name, h);
    }
    return h;
  }

  /** The latest sample when it is recent, else a fresh one. */
  async function sample(h: ClusterHandle): Promise<ClusterSample> {
    const last = h.sampler.latest();
    if (last && deps.now() - last.at < samplerOptions.intervalMs * 3) return last;
    try {
      return await h.sampler.sampleNow();
    } catch (err) {
      throw toApiError(err, 'sample offsets', h.clients.name);
    }
  }

  /** Runs `fn`, turning a Kafka failure into the ApiError that names it. */
  async function kafka<T>(h: ClusterHandle, what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toApiError(err, what, h.clients.name);
    }
  }

  return {
    connections,
    cluster,
    /** A connection's clients without starting its sampler (health probes, the summary route). */
    clients: (name: string) => pool.get(name),
    samplerIntervalMs: samplerOptions.intervalMs,

    /** Whether Weir reaches a cluster with these settings (stored secrets fill in what the input leaves out). */
    async testConnection(actor: Actor, input: ConnectionInputParsed): Promise<ConnectionTestResult> {
      const settings = await connections.settingsForTest(actor, input);
      const clients = createClusterClients(settings, log);
      try {
        const described = await clients.call('describe cluster', (admin) => admin.describeCluster());
        return { ok: true, brokers: described.brokers.length, clusterId: described.clusterId || null, error: null };
      } catch (err) {
        return { ok: false, brokers: 0, clusterId: null, error: err instanceof Error ? err.message : String(err) };
      } finally {
        await clients.close();
      }
    },

    async clusterOverview(actor: Actor, name: string): Promise<KafkaClusterOverview> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return clusterOverview(h.clients);
    },

    async topics(actor: Actor, name: string, includeInternal: boolean): Promise<TopicList> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return listTopics(h.clients, await sample(h), h.sizes, includeInternal);
    },

    async topic(actor: Actor, name: string, topic: string): Promise<TopicDetail> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return kafka(h, `read topic ${topic}`, async () => topicDetail(h.clients, topic, await sample(h), h.sizes));
    },

    async createTopic(actor: Actor, name: string, req: CreateTopicRequest & { configs: Record<string, string> }): Promise<TopicDetail> {
      requireRole(actor, 'operator');
      const h = await cluster(name);
      await createTopic(h.clients, req);
      await kafka(h, `read topic ${req.name}`, () => h.clients.raw.partitions(req.name, { refresh: true }));
      await audit.record(actor, { action: 'topic.create', target: `topic:${name}/${req.name}`, details: { partitions: req.partitions, replicationFactor: req.replicationFactor ?? null, configs: req.configs } });
      return kafka(h, `read topic ${req.name}`, async () => topicDetail(h.clients, req.name, await sample(h), h.sizes));
    },

    async deleteTopic(actor: Actor, name: string, topic: string, confirm: string): Promise<void> {
      requireRole(actor, 'admin');
      if (confirm !== topic) {
        throw new ApiError(400, 'CONFIRMATION_MISMATCH', `To delete ${topic}, repeat its name exactly in "confirm" (got "${confirm}").`);
      }
      const h = await cluster(name);
      await kafka(h, `delete topic ${topic}`, () => deleteTopic(h.clients, topic));
      await audit.record(actor, { action: 'topic.delete', target: `topic:${name}/${topic}` });
    },

    async topicConfigs(actor: Actor, name: string, topic: string): Promise<TopicConfigs> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return { configs: await h.clients.call(`describe configs of ${topic}`, (admin) => describeTopicConfigs(admin, topic)) };
    },

    async alterTopicConfigs(actor: Actor, name: string, topic: string, req: Required<AlterTopicConfigsRequest>): Promise<TopicConfigs> {
      requireRole(actor, 'admin');
      const h = await cluster(name);
      const configs = await h.clients.call(`change configs of ${topic}`, async (admin) => {
        const current = await describeTopicConfigs(admin, topic);
        await alterTopicConfigs(admin, topic, mergedTopicConfigs(current, req.set, req.reset));
        return describeTopicConfigs(admin, topic);
      });
      await audit.record(actor, { action: 'topic.configs', target: `topic:${name}/${topic}`, details: { set: req.set, reset: req.reset } });
      return { configs };
    },

    async browse(actor: Actor, name: string, topic: string, options: BrowseOptions): Promise<BrowseResponse> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return kafka(h, `read messages of ${topic}`, () => browseMessages(h.clients.raw, topic, options));
    },

    async produce(actor: Actor, name: string, topic: string, input: ProduceInput): Promise<ProduceResponse> {
      requireRole(actor, 'operator');
      const h = await cluster(name);
      const result = await produceMessage(h.clients, topic, input);
      await audit.record(actor, { action: 'topic.produce', target: `topic:${name}/${topic}`, details: { ...result, keyBytes: input.key?.length ?? null, valueBytes: input.value?.length ?? null } });
      return result;
    },

    async checkSearch(actor: Actor, name: string, topic: string, req: Pick<SearchRequestParsed, 'expression' | 'schema' | 'range'>): Promise<SearchCheckResponse> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return kafka(h, `check a search of ${topic}`, () => checkSearch(h.clients.raw, topic, req.expression, req.schema, req.range));
    },

    /** A search ready to scan (viewer to search; the export route asks for operator). */
    async prepareSearch(actor: Actor, name: string, topic: string, req: Pick<SearchRequestParsed, 'expression' | 'schema' | 'range'>, role: 'viewer' | 'operator' = 'viewer'): Promise<PreparedSearch & { handle: ClusterHandle }> {
      requireRole(actor, role);
      const h = await cluster(name);
      const prepared = await kafka(h, `prepare a search of ${topic}`, () => prepareSearch(h.clients.raw, topic, req.expression, req.schema, req.range));
      return { ...prepared, handle: h };
    },

    async groups(actor: Actor, name: string): Promise<GroupList> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return listGroups(h.clients, await sample(h));
    },

    async group(actor: Actor, name: string, groupId: string): Promise<GroupDetail> {
      requireRole(actor, 'viewer');
      const h = await cluster(name);
      return kafka(h, `read group ${groupId}`, () => groupDetail(h.clients, groupId, h.sampler, samplerOptions.intervalMs));
    },

    async previewReset(actor: Actor, name: string, groupId: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> {
      requireRole(actor, 'admin');
      const h = await cluster(name);
      return kafka(h, `preview an offset reset of ${groupId}`, () => previewReset(h.clients, groupId, req));
    },

    async resetOffsets(actor: Actor, name: string, groupId: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> {
      requireRole(actor, 'admin');
      const h = await cluster(name);
      const applied = await kafka(h, `reset offsets of ${groupId}`, () => applyReset(h.clients, groupId, req));
      await audit.record(actor, {
        action: 'group.reset-offsets',
        target: `group:${name}/${groupId}`,
        details: { to: req.to, partitions: applied.partitions.map((p) => ({ topic: p.topic, partition: p.partition, from: p.current, to: p.target })) },
      });
      return applied;
    },

    async close(): Promise<void> {
      for (const h of handles.values()) void h.then((x) => x.sampler.stop()).catch(() => {});
      handles.clear();
      await pool.closeAll();
    },
  };
}
export type KafkaConsole = ReturnType<typeof createKafkaConsole>;

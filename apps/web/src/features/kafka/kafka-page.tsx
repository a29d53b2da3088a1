import { useState } from 'react';
import { KAFKA_EVENTS, KAFKA_ROOMS, type TopicRatesEvent } from '@weir/protocol';
import { useResource } from '../../api/use-resource';
import { useLiveRoom } from '../../realtime/use-live-room';
import { Link } from '../../router/link';
import { PageHeader } from '../../shell/page-header';
import { Button } from '../../ui/button';
import { Card, Stat } from '../../ui/card';
import { ErrorNotice } from '../../ui/error-notice';
import { PlusIcon, RefreshIcon, SearchIcon } from '../../ui/icons';
import { Spinner } from '../../ui/spinner';
import { fetchOverview, fetchTopics, listConnections } from './api/kafka-endpoints';
import { BrokerTable } from './broker-table';
import { ClusterPicker } from './cluster-picker';
import { useCluster } from './cluster-store';
import { compact } from './format';
import { LiveBadge } from './live-badge';
import { kafkaPaths } from './paths';
import { RoleButton } from './role-gate';
import { TopicTable } from './topic-table';
import { CreateTopicDialog } from './topics/create-topic-dialog';
import { withRates } from './topics/topic-rows';

// Topics come and go while a person watches (datagen, deployed pipelines); rates arrive live.
const REFRESH_MS = 10_000;

export function KafkaPage() {
  const { cluster, choose } = useCluster();
  const [includeInternal, setIncludeInternal] = useState(false);
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [rates, setRates] = useState<TopicRatesEvent | null>(null);
  const connections = useResource((signal) => listConnections(signal));
  const overview = useResource((signal) => fetchOverview(cluster, signal), { key: cluster, intervalMs: REFRESH_MS });
  const topics = useResource((signal) => fetchTopics(cluster, includeInternal, signal), { key: `${cluster}/${includeInternal}`, intervalMs: REFRESH_MS });
  const live = useLiveRoom(`${KAFKA_ROOMS.topics}:${cluster}`, { cluster }, {
    [KAFKA_EVENTS.topicRates]: (e: TopicRatesEvent) => setRates(e),
  });
  const data = overview.data;
  const loading = overview.loading || topics.loading;
  const refresh = () => {
    overview.refresh();
    topics.refresh();
  };

  return (
    <>
      <PageHeader
        title="Kafka"
        description={data?.clusterId ? <>Cluster <span className="font-mono">{data.clusterId}</span>{data.kafkaVersion ? <> · Kafka {data.kafkaVersion}</> : null}</> : 'The cluster Weir is connected to.'}
        actions={
          <>
            <ClusterPicker connections={connections.data?.connections ?? []} value={cluster} onChange={(c) => { setRates(null); choose(c); }} />
            <Link to={kafkaPaths.groups(cluster)} className="rounded-md px-3 py-1.5 text-sm font-medium text-cyan-800 hover:bg-cyan-50 dark:text-cyan-300 dark:hover:bg-cyan-950">Consumer groups</Link>
            <Link to={kafkaPaths.connections} className="rounded-md px-3 py-1.5 text-sm font-medium text-cyan-800 hover:bg-cyan-50 dark:text-cyan-300 dark:hover:bg-cyan-950">Connections</Link>
            <Button size="sm" onClick={refresh} disabled={loading} aria-label="Refresh cluster overview">
              <RefreshIcon className={`h-4 w-4 ${loading ? 'animate-spin' : ''}`} />
              Refresh
            </Button>
          </>
        }
      />
      {overview.error && (
        <div className="mb-6">
          <ErrorNotice title="Cannot load the cluster overview" message={overview.error.message} code={overview.error.code} action={<Button size="sm" onClick={refresh}>Retry</Button>} />
        </div>
      )}
      {!data && !overview.error && <Spinner label="Loading the cluster overview" />}
      {data && (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Cluster overview">
            <Stat label="Brokers" value={data.brokers.length} />
            <Stat label="Controller" value={data.controller ?? '—'} />
            <Stat label="Topics" value={data.topicCount} />
            <Stat label="Partitions" value={compact(data.partitionCount)} />
            <Stat label="Consumer groups" value={data.groupCount} />
            <Stat label="Kafka" value={data.kafkaVersion ?? '—'} />
          </dl>
          {data.underReplicatedPartitions > 0 && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
              {data.underReplicatedPartitions} partitions have fewer in-sync replicas than replicas.
            </p>
          )}
          <div className="space-y-6">
            <Card title="Brokers">
              <BrokerTable brokers={data.brokers} controller={data.controller} />
            </Card>
            <Card
              title={<span className="flex items-center gap-3">Topics <LiveBadge status={live} /></span>}
              actions={
                <>
                  <label className="relative">
                    <span className="sr-only">Filter topics</span>
                    <SearchIcon className="pointer-events-none absolute top-1.5 left-2 h-4 w-4 text-slate-400" />
                    <input
                      className="w-40 rounded-md border border-slate-300 bg-white py-1 pr-2 pl-7 text-xs dark:border-slate-700 dark:bg-slate-950"
                      placeholder="Filter topics"
                      value={filter}
                      onChange={(e) => setFilter(e.target.value)}
                    />
                  </label>
                  <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
                    <input type="checkbox" className="accent-cyan-700" checked={includeInternal} onChange={(e) => setIncludeInternal(e.target.checked)} />
                    Show internal topics
                  </label>
                  <RoleButton role="operator" size="sm" variant="primary" onClick={() => setCreating(true)}>
                    <PlusIcon className="h-4 w-4" />
                    Create topic
                  </RoleButton>
                </>
              }
            >
              {topics.error && <ErrorNotice title="Cannot list the topics" message={topics.error.message} code={topics.error.code} />}
              {topics.data && (
                <>
                  <TopicTable cluster={cluster} topics={withRates(topics.data.topics, rates)} filter={filter} />
                  {!topics.data.sizes.available && <p className="mt-3 text-xs text-slate-500">Sizes unavailable: {topics.data.sizes.reason}</p>}
                </>
              )}
            </Card>
          </div>
        </div>
      )}
      {creating && <CreateTopicDialog cluster={cluster} onClose={() => setCreating(false)} />}
    </>
  );
}

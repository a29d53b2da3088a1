import { useState } from 'react';
import { fetchCluster } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { PageHeader } from '../../shell/page-header';
import { Button } from '../../ui/button';
import { Card, Stat } from '../../ui/card';
import { ErrorNotice } from '../../ui/error-notice';
import { RefreshIcon } from '../../ui/icons';
import { Spinner } from '../../ui/spinner';
import { BrokerTable } from './broker-table';
import { TopicTable } from './topic-table';

// Topics come and go while a person watches (datagen, deployed pipelines).
const REFRESH_MS = 10_000;

export function KafkaPage() {
  const [includeInternal, setIncludeInternal] = useState(false);
  const cluster = useResource((signal) => fetchCluster(includeInternal, signal), {
    key: String(includeInternal),
    intervalMs: REFRESH_MS,
  });
  const { data, error, loading, refresh } = cluster;

  return (
    <>
      <PageHeader
        title="Kafka"
        description={data?.clusterId ? <>Cluster <span className="font-mono">{data.clusterId}</span></> : 'The cluster Weir is connected to.'}
        actions={
          <Button size="sm" onClick={refresh} disabled={loading} aria-label="Refresh cluster overview">
            <RefreshIcon className={`h-4 w-4 ${loading ? 'animate-spin' : ''}`} />
            Refresh
          </Button>
        }
      />
      {error && (
        <div className="mb-6">
          <ErrorNotice
            title="Cannot load the cluster overview"
            message={error.message}
            code={error.code}
            action={
              <Button size="sm" onClick={refresh}>
                Retry
              </Button>
            }
          />
        </div>
      )}
      {!data && !error && <Spinner label="Loading the cluster overview" />}
      {data && (
        <div className="space-y-6">
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3" aria-label="Cluster overview">
            <Stat label="Brokers" value={data.brokers.length} />
            <Stat label="Controller" value={data.controller ?? '—'} />
            <Stat label="Topics" value={data.topicCount} />
          </dl>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
            <Card title="Brokers" className="lg:col-span-2">
              <BrokerTable brokers={data.brokers} controller={data.controller} />
            </Card>
            <Card
              title="Topics"
              className="lg:col-span-3"
              actions={
                <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
                  <input
                    type="checkbox"
                    className="accent-cyan-700"
                    checked={includeInternal}
                    onChange={(e) => setIncludeInternal(e.target.checked)}
                  />
                  Show internal topics
                </label>
              }
            >
              <TopicTable topics={data.topics} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

import { useState } from 'react';
import { useResource } from '../../../api/use-resource';
import { Link } from '../../../router/link';
import { navigate, useRouter } from '../../../router/router-store';
import { PageHeader } from '../../../shell/page-header';
import { Button } from '../../../ui/button';
import { Card, Stat } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { ArrowLeftIcon, PlusIcon, RefreshIcon, TrashIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { fetchTopic } from '../api/kafka-endpoints';
import { bytes, count, perSecond } from '../format';
import { MessageBrowser } from '../messages/message-browser';
import { ProduceDialog } from '../messages/produce-dialog';
import { kafkaPaths } from '../paths';
import { RoleButton } from '../role-gate';
import { Tabs } from '../tabs';
import { ConfigsTab } from './configs-tab';
import { ConsumersTab } from './consumers-tab';
import { DeleteTopicDialog } from './delete-topic-dialog';
import { PartitionsTab } from './partitions-tab';

const REFRESH_MS = 5000;

export function TopicPage({ cluster, topic }: { cluster: string; topic: string }) {
  const search = useRouter((s) => s.search);
  const tab = new URLSearchParams(search).get('tab') ?? 'messages';
  const [producing, setProducing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const detail = useResource((signal) => fetchTopic(cluster, topic, signal), { key: `${cluster}/${topic}`, intervalMs: REFRESH_MS });
  const d = detail.data;

  return (
    <>
      <Link to={kafkaPaths.overview} className="mb-2 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800 dark:hover:text-white">
        <ArrowLeftIcon className="h-4 w-4" /> Kafka · {cluster}
      </Link>
      <PageHeader
        title={topic}
        description={d ? `${d.partitions.length} partitions, replication ${d.replicationFactor}${d.internal ? ', internal' : ''}` : `Topic on ${cluster}`}
        actions={
          <>
            <Button size="sm" onClick={detail.refresh} disabled={detail.loading} aria-label="Refresh topic">
              <RefreshIcon className={`h-4 w-4 ${detail.loading ? 'animate-spin' : ''}`} /> Refresh
            </Button>
            <RoleButton role="operator" size="sm" variant="primary" onClick={() => setProducing(true)} disabled={!d}>
              <PlusIcon className="h-4 w-4" /> Produce
            </RoleButton>
            <RoleButton role="admin" size="sm" variant="danger" onClick={() => setDeleting(true)} disabled={!d}>
              <TrashIcon className="h-4 w-4" /> Delete
            </RoleButton>
          </>
        }
      />
      {detail.error && <div className="mb-4"><ErrorNotice title="Cannot load the topic" message={detail.error.message} code={detail.error.code} /></div>}
      {!d && !detail.error && <Spinner label="Loading the topic" />}
      {d && (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" aria-label="Topic figures">
            <Stat label="Messages" value={count(d.messages)} />
            <Stat label="Size" value={bytes(d.sizeBytes)} />
            <Stat label="Produced" value={perSecond(d.produceRate)} />
            <Stat label="Consumed" value={perSecond(d.consumeRate)} />
            <Stat label="Groups" value={d.groups.length} />
          </dl>
          <Card>
            <Tabs
              label="Topic views"
              current={tab}
              onChange={(id) => navigate(kafkaPaths.topic(cluster, topic, id === 'messages' ? undefined : id), { replace: true })}
              tabs={[
                { id: 'messages', label: 'Messages' },
                { id: 'partitions', label: `Partitions (${d.partitions.length})` },
                { id: 'configs', label: 'Configs' },
                { id: 'consumers', label: `Consumers (${d.groups.length})` },
              ]}
            />
            <div hidden={tab !== 'messages'}><MessageBrowser cluster={cluster} topic={topic} partitions={d.partitions.length} /></div>
            {tab === 'partitions' && <PartitionsTab partitions={d.partitions} />}
            {tab === 'configs' && <ConfigsTab cluster={cluster} topic={topic} configs={d.configs} onChanged={detail.refresh} />}
            {tab === 'consumers' && <ConsumersTab cluster={cluster} groups={d.groups} />}
          </Card>
        </div>
      )}
      {producing && d && <ProduceDialog cluster={cluster} topic={topic} partitions={d.partitions.length} onClose={() => setProducing(false)} onProduced={detail.refresh} />}
      {deleting && <DeleteTopicDialog cluster={cluster} topic={topic} onClose={() => setDeleting(false)} />}
    </>
  );
}

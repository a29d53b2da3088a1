import type { ReactNode } from 'react';
import type { RouteMatch } from '../../router/match-route';
import { ConnectionsPage } from './connections/connections-page';
import { GroupPage } from './groups/group-page';
import { GroupsPage } from './groups/groups-page';
import { KafkaPage } from './kafka-page';
import { TopicPage } from './topics/topic-page';

/** The Kafka console's pages (listed in the app's ROUTES); `:cluster` names a connection. */
export const KAFKA_ROUTES: ReadonlyArray<{ pattern: string; render: (match: RouteMatch) => ReactNode }> = [
  { pattern: '/kafka', render: () => <KafkaPage /> },
  { pattern: '/kafka/connections', render: () => <ConnectionsPage /> },
  { pattern: '/kafka/:cluster/topics/:topic', render: (m) => <TopicPage key={`${m.params.cluster}/${m.params.topic}`} cluster={m.params.cluster ?? ''} topic={m.params.topic ?? ''} /> },
  { pattern: '/kafka/:cluster/groups', render: (m) => <GroupsPage key={m.params.cluster} cluster={m.params.cluster ?? ''} /> },
  { pattern: '/kafka/:cluster/groups/:group', render: (m) => <GroupPage key={`${m.params.cluster}/${m.params.group}`} cluster={m.params.cluster ?? ''} group={m.params.group ?? ''} /> },
];

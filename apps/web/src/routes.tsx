import type { ReactNode } from 'react';
import { PipelinesPage } from './features/designer/pipelines-page';
import { JobsPage } from './features/jobs/jobs-page';
import { KafkaPage } from './features/kafka/kafka-page';
import type { RouteMatch } from './router/match-route';

/** The app's pages, matched in order by the router. */
export const ROUTES: ReadonlyArray<{ pattern: string; render: (match: RouteMatch) => ReactNode }> = [
  { pattern: '/pipelines', render: () => <PipelinesPage /> },
  { pattern: '/jobs', render: () => <JobsPage /> },
  { pattern: '/kafka', render: () => <KafkaPage /> },
];

/** Where `/` leads. */
export const HOME = '/pipelines';

import type { ReactNode } from 'react';
import { LoginPage } from './features/auth/login-page';
import { PipelineEditorPage } from './features/designer/editor/pipeline-editor-page';
import { PipelinesPage } from './features/designer/pipelines-page';
import { JobsPage } from './features/jobs/jobs-page';
import { KafkaPage } from './features/kafka/kafka-page';
import type { RouteMatch } from './router/match-route';
import type { ShellLayout } from './shell/app-shell';

/** Where `/` leads. */
export const HOME = '/pipelines';

/**
 * The app's pages, matched in order by the router. `layout`: `page` (the default) is a
 * centred column inside the shell, `full` fills the shell (the canvas), `bare` has no shell (login).
 */
export const ROUTES: ReadonlyArray<{ pattern: string; layout?: ShellLayout; render: (match: RouteMatch) => ReactNode }> = [
  { pattern: '/login', layout: 'bare', render: () => <LoginPage home={HOME} /> },
  { pattern: '/pipelines', render: () => <PipelinesPage /> },
  { pattern: '/pipelines/new', layout: 'full', render: () => <PipelineEditorPage pipelineId={null} /> },
  { pattern: '/pipelines/:id', layout: 'full', render: (m) => <PipelineEditorPage pipelineId={m.params.id ?? null} /> },
  { pattern: '/jobs', render: () => <JobsPage /> },
  { pattern: '/kafka', render: () => <KafkaPage /> },
];

import { lazy, Suspense, type ReactNode } from 'react';
import { LoginPage } from './features/auth/login-page';
import { PipelinesPage } from './features/designer/pipelines-page';
import { JobPage } from './features/jobs/job-page';
import { JobsPage } from './features/jobs/jobs-page';
import { KAFKA_ROUTES } from './features/kafka/routes';
import type { RouteMatch } from './router/match-route';
import type { ShellLayout } from './shell/app-shell';
import { Spinner } from './ui/spinner';

// The canvas (React Flow, its CSS) loads when a pipeline is first opened, not with the app.
const PipelineEditorPage = lazy(() => import('./features/designer/editor/pipeline-editor-page').then((m) => ({ default: m.PipelineEditorPage })));

function editor(pipelineId: string | null): ReactNode {
  return (
    <Suspense fallback={<Spinner className="p-8" label="Opening the designer" />}>
      <PipelineEditorPage pipelineId={pipelineId} />
    </Suspense>
  );
}

/** Where `/` leads. */
export const HOME = '/pipelines';

/**
 * The app's pages, matched in order by the router. `layout`: `page` (the default) is a
 * centred column inside the shell, `full` fills the shell (the canvas), `bare` has no shell (login).
 */
export const ROUTES: ReadonlyArray<{ pattern: string; layout?: ShellLayout; render: (match: RouteMatch) => ReactNode }> = [
  { pattern: '/login', layout: 'bare', render: () => <LoginPage home={HOME} /> },
  { pattern: '/pipelines', render: () => <PipelinesPage /> },
  { pattern: '/pipelines/new', layout: 'full', render: () => editor(null) },
  { pattern: '/pipelines/:id', layout: 'full', render: (m) => editor(m.params.id ?? null) },
  { pattern: '/jobs', render: () => <JobsPage /> },
  { pattern: '/jobs/:id', render: (m) => <JobPage key={m.params.id} jobId={m.params.id ?? ''} /> },
  ...KAFKA_ROUTES,
];

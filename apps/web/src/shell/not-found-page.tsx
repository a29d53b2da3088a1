import { Link } from '../router/link';
import { EmptyState } from '../ui/empty-state';
import { PageHeader } from './page-header';

export function NotFoundPage({ pathname }: { pathname: string }) {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title={`Nothing lives at ${pathname}`}
        description="The address may be mistyped, or the page was moved."
        action={
          <Link to="/pipelines" className="text-sm font-medium text-cyan-700 hover:underline dark:text-cyan-400">
            Go to Pipelines
          </Link>
        }
      />
    </>
  );
}

import { PageHeader } from '../../shell/page-header';
import { EmptyState } from '../../ui/empty-state';
import { JobsIcon } from '../../ui/icons';

export function JobsPage() {
  return (
    <>
      <PageHeader title="Jobs" description="Deployed pipelines with their status and live metrics." />
      <EmptyState icon={<JobsIcon className="h-10 w-10" />} title="No jobs yet" description="A pipeline becomes a job when it is deployed." />
    </>
  );
}

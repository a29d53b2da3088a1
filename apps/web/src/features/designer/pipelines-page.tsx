import { PageHeader } from '../../shell/page-header';
import { EmptyState } from '../../ui/empty-state';
import { PipelinesIcon } from '../../ui/icons';

export function PipelinesPage() {
  return (
    <>
      <PageHeader title="Pipelines" description="Stream pipelines drawn from Kafka sources, transforms, windows, joins and sinks." />
      <EmptyState icon={<PipelinesIcon className="h-10 w-10" />} title="No pipelines yet" description="Saved pipelines are listed here." />
    </>
  );
}

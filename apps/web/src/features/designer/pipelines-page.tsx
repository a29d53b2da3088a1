import { useState } from 'react';
import type { PipelineSummary } from '@weir/protocol';
import { deletePipeline, listPipelines } from '../../api/pipeline-endpoints';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/router-store';
import { PageHeader } from '../../shell/page-header';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState } from '../../ui/empty-state';
import { ErrorNotice } from '../../ui/error-notice';
import { PipelinesIcon, PlusIcon, TemplateIcon, UploadIcon } from '../../ui/icons';
import { Spinner } from '../../ui/spinner';
import { toast } from '../../ui/toast-store';
import { setPendingDocument } from './editor/pending-document';
import { ImportDialog } from './io/import-dialog';
import { PipelineTable } from './list/pipeline-table';
import { TemplatesDialog } from './templates/templates-dialog';

type Open = 'none' | 'templates' | 'import';

export function PipelinesPage() {
  const { data, error, loading, refresh } = useResource(listPipelines);
  const [open, setOpen] = useState<Open>('none');
  const [deleting, setDeleting] = useState<PipelineSummary | null>(null);

  const newActions = (
    <>
      <Button onClick={() => setOpen('import')}>
        <UploadIcon className="h-4 w-4" />
        Import
      </Button>
      <Button onClick={() => setOpen('templates')}>
        <TemplateIcon className="h-4 w-4" />
        New from template
      </Button>
      <Button variant="primary" onClick={() => navigate('/pipelines/new')}>
        <PlusIcon className="h-4 w-4" />
        New pipeline
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title="Pipelines" description="Stream pipelines drawn from Kafka sources, transforms, windows, joins and sinks." actions={newActions} />
      {error && (
        <div className="mb-6">
          <ErrorNotice title="Cannot load the pipelines" message={error.message} code={error.code} action={<Button size="sm" onClick={refresh}>Retry</Button>} />
        </div>
      )}
      {!data && loading && <Spinner label="Loading pipelines" />}
      {data && data.pipelines.length === 0 && (
        <EmptyState
          icon={<PipelinesIcon className="h-10 w-10" />}
          title="No pipelines yet"
          description="Draw one on the canvas from Kafka sources, transforms, windows and sinks, or start from a template that runs against the demo topics."
          action={
            <div className="flex gap-2">
              <Button onClick={() => setOpen('templates')}>
                <TemplateIcon className="h-4 w-4" />
                Start from a template
              </Button>
              <Button variant="primary" onClick={() => navigate('/pipelines/new')}>
                <PlusIcon className="h-4 w-4" />
                New pipeline
              </Button>
            </div>
          }
        />
      )}
      {data && data.pipelines.length > 0 && <PipelineTable pipelines={data.pipelines} onDelete={setDeleting} />}

      {open === 'templates' && (
        <TemplatesDialog onClose={() => setOpen('none')} onChoose={(t) => navigate(`/pipelines/new?template=${encodeURIComponent(t.id)}`)} />
      )}
      {open === 'import' && (
        <ImportDialog
          onClose={() => setOpen('none')}
          onImport={(doc) => {
            setPendingDocument(doc);
            navigate('/pipelines/new');
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          message={
            <>
              All {deleting.version} {deleting.version === 1 ? 'version' : 'versions'} of <strong>{deleting.name}</strong> are deleted. This cannot be undone; export the
              pipeline first to keep a copy.
            </>
          }
          confirmLabel="Delete pipeline"
          destructive
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deletePipeline(deleting.id);
            toast({ tone: 'success', title: `Deleted ${deleting.name}` });
            refresh();
          }}
        />
      )}
    </>
  );
}

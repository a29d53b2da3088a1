import { useId, useState } from 'react';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { UploadIcon } from '../../../ui/icons';
import type { DesignDocument } from '../document/design-document';
import { parseDocumentText } from './document-file';

/** Import a pipeline document from a JSON file or pasted text. */
export function ImportDialog({ onImport, onClose }: { onImport(doc: DesignDocument): void; onClose(): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [fileName, setFileName] = useState<string>();
  const fileId = useId();
  const pasteId = useId();
  const errorId = useId();

  const accept = (content: string) => {
    const result = parseDocumentText(content);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onImport(result.doc);
    onClose();
  };

  return (
    <Dialog
      title="Import a pipeline"
      description="A pipeline document (JSON, format version 1), as exported from Weir or written by hand."
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => accept(text)} disabled={text.trim() === ''}>
            Import
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <div>
          <label htmlFor={fileId} className="mb-1.5 block text-sm font-medium">
            From a file
          </label>
          <label
            className="flex cursor-pointer items-center gap-3 rounded-lg border border-dashed border-slate-300 px-4 py-4 text-sm text-slate-600 hover:border-cyan-600 hover:bg-cyan-50/40 focus-within:outline-2 focus-within:outline-cyan-600 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-cyan-950/20"
          >
            <UploadIcon className="h-5 w-5 text-slate-400" />
            <span>{fileName ? `Read ${fileName}` : 'Choose a .json file…'}</span>
            <input
              id={fileId}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFileName(file.name);
                const content = await file.text();
                setText(content);
                accept(content);
              }}
            />
          </label>
        </div>
        <div>
          <label htmlFor={pasteId} className="mb-1.5 block text-sm font-medium">
            Or paste the JSON
          </label>
          <textarea
            id={pasteId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            rows={12}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder='{ "version": 1, "name": "my-pipeline", "nodes": [ … ], "edges": [ … ] }'
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-cyan-600 dark:border-slate-700 dark:bg-slate-950"
          />
          {error && (
            <p id={errorId} role="alert" className="mt-1.5 text-sm text-rose-700 dark:text-rose-300">
              {error}
            </p>
          )}
        </div>
      </div>
    </Dialog>
  );
}

import { useId, useState } from 'react';
import { INPUT } from './field-row';
import { useEditor } from '../store/editor-context';

/** The node's id (renamed on Enter or leaving the field, refused with the reason) and its canvas label. */
export function NodeIdentity({ id, label }: { id: string; label: string }) {
  const renameNode = useEditor((s) => s.renameNode);
  const setLabel = useEditor((s) => s.setLabel);
  const [draft, setDraft] = useState(id);
  const [error, setError] = useState<string | null>(null);
  const idField = useId();
  const labelField = useId();

  const commit = () => {
    if (draft === id) return setError(null);
    const outcome = renameNode(id, draft);
    setError(outcome.ok ? null : outcome.reason);
  };

  return (
    <div className="grid grid-cols-2 gap-2">
      <div>
        <label htmlFor={idField} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
          Id
        </label>
        <input
          id={idField}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(id);
              setError(null);
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${idField}-error` : undefined}
          className={`${INPUT} font-mono`}
        />
        {error && (
          <p id={`${idField}-error`} className="mt-1 text-xs text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={labelField} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
          Label
        </label>
        <input id={labelField} value={label} placeholder={id} onChange={(e) => setLabel(id, e.target.value)} className={INPUT} />
      </div>
    </div>
  );
}

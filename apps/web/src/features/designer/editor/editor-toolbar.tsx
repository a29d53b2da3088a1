import type { ReactNode } from 'react';
import { Link } from '../../../router/link';
import { Button } from '../../../ui/button';
import {
  ArrowLeftIcon, DownloadIcon, HistoryIcon, KeyboardIcon, LayoutIcon, RedoIcon, RocketIcon, SaveIcon, TemplateIcon, UndoIcon, UploadIcon,
} from '../../../ui/icons';
import { useHasRole } from '../../auth/session-store';
import { useEditor } from '../store/editor-context';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  layout(): void;
  templates(): void;
  importDocument(): void;
  exportDocument(): void;
  versions(): void;
  shortcuts(): void;
  save(): void;
  deploy(): void;
}

function Tool({ label, keys, onClick, disabled, children }: { label: string; keys?: string; onClick(): void; disabled?: boolean; children: ReactNode }) {
  return (
    <Button variant="ghost" size="icon-sm" onClick={onClick} disabled={disabled} aria-label={label} title={keys ? `${label} (${keys})` : label} aria-keyshortcuts={keys}>
      {children}
    </Button>
  );
}

function Divider() {
  return <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />;
}

/** The editor's top row: where you are, whether it is saved, and every action with its shortcut. */
export function EditorToolbar({ actions, saving }: { actions: ToolbarActions; saving: boolean }) {
  const name = useEditor((s) => s.doc.name);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const dirty = useEditor((s) => s.doc !== s.saved.doc);
  const saved = useEditor((s) => s.saved);
  const mayDeploy = useHasRole('operator');
  const status = saved.pipelineId === null ? 'Not saved yet' : dirty ? 'Unsaved changes' : `Saved · version ${saved.version}`;

  return (
    <div role="toolbar" aria-label="Pipeline editor" className="flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-900">
      <Link to="/pipelines" aria-label="Back to pipelines" title="Back to pipelines" className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-cyan-600 dark:hover:bg-slate-800">
        <ArrowLeftIcon className="h-4 w-4" />
      </Link>
      <h1 className="ml-1 truncate font-mono text-sm font-semibold">{name || 'untitled'}</h1>
      <span role="status" className={`ml-2 shrink-0 rounded-full px-2 py-0.5 text-xs ${dirty || saved.pipelineId === null ? 'bg-amber-50 text-amber-800 dark:bg-amber-950/50 dark:text-amber-300' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}>
        {status}
      </span>
      {!mayDeploy && (
        <span className="ml-2 shrink-0 text-xs text-slate-500 dark:text-slate-400">Your role cannot deploy</span>
      )}
      <div className="ml-auto flex items-center gap-0.5">
        <Tool label="Undo" keys="Control+Z" onClick={actions.undo} disabled={!canUndo}><UndoIcon className="h-4 w-4" /></Tool>
        <Tool label="Redo" keys="Control+Shift+Z" onClick={actions.redo} disabled={!canRedo}><RedoIcon className="h-4 w-4" /></Tool>
        <Tool label="Auto-layout" onClick={actions.layout}><LayoutIcon className="h-4 w-4" /></Tool>
        <Divider />
        <Tool label="New from template" onClick={actions.templates}><TemplateIcon className="h-4 w-4" /></Tool>
        <Tool label="Import JSON" onClick={actions.importDocument}><UploadIcon className="h-4 w-4" /></Tool>
        <Tool label="Export JSON" onClick={actions.exportDocument}><DownloadIcon className="h-4 w-4" /></Tool>
        <Tool label="Version history" onClick={actions.versions}><HistoryIcon className="h-4 w-4" /></Tool>
        <Tool label="Keyboard shortcuts" keys="?" onClick={actions.shortcuts}><KeyboardIcon className="h-4 w-4" /></Tool>
        <Divider />
        <Button size="sm" onClick={actions.save} disabled={saving} aria-keyshortcuts="Control+S" title="Save a new version (Ctrl+S)">
          <SaveIcon className="h-4 w-4" />
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button
          size="sm"
          variant="primary"
          className="ml-1"
          onClick={actions.deploy}
          disabled={!mayDeploy}
          title={mayDeploy ? 'Deploy to an engine' : 'Your role cannot deploy: deploying needs the operator or admin role'}
        >
          <RocketIcon className="h-4 w-4" />
          Deploy
        </Button>
      </div>
    </div>
  );
}

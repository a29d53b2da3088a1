import type { Problem } from '@weir/model';
import { Button } from '../../../ui/button';
import { CopyIcon } from '../../../ui/icons';
import { Spinner } from '../../../ui/spinner';
import { toast } from '../../../ui/toast-store';
import { messageWithoutNode } from '../store/live-validation';
import { tokenizeSql } from './sql-highlight';
import { useCompiledSql } from './use-compiled-sql';

const TOKEN_CLASSES: Record<string, string> = {
  keyword: 'text-violet-700 font-semibold dark:text-violet-300',
  string: 'text-emerald-700 dark:text-emerald-300',
  comment: 'text-slate-400 italic',
  identifier: 'text-sky-700 dark:text-sky-300',
  number: 'text-amber-700 dark:text-amber-300',
  text: '',
};

function ProblemList({ title, problems }: { title: string; problems: readonly Problem[] }) {
  return (
    <div className="p-4 text-sm">
      <p className="font-medium text-slate-800 dark:text-slate-100">{title}</p>
      <ul className="mt-2 space-y-1 text-slate-600 dark:text-slate-300">
        {problems.map((p, i) => (
          <li key={i}>
            {p.node && <span className="font-medium">{p.node}: </span>}
            {messageWithoutNode(p)} <span className="font-mono text-[11px] text-rose-700 dark:text-rose-400">{p.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The Flink SQL the pipeline compiles to, live as the document changes. */
export function SqlPanel({ active }: { active: boolean }) {
  const compiled = useCompiledSql(active);
  if (compiled.state === 'waiting') return <Spinner className="p-4" label="Compiling" />;
  if (compiled.state === 'invalid') {
    return (
      <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
        The SQL appears once the pipeline is valid: fix the {compiled.count} {compiled.count === 1 ? 'problem' : 'problems'} in the Problems tab first.
      </p>
    );
  }
  if (compiled.state === 'failed') {
    return (
      <p role="alert" className="p-4 text-sm text-rose-700 dark:text-rose-300">
        The server could not compile the pipeline: {compiled.message} <span className="font-mono text-xs">{compiled.code}</span>
      </p>
    );
  }
  const result = compiled.state === 'done' ? compiled.result : compiled.previous;
  if (!result) return <Spinner className="p-4" label="Compiling" />;
  if (!result.ok || result.sql === undefined) return <ProblemList title="This pipeline cannot run on Flink:" problems={result.problems} />;
  const sql = result.sql;
  return (
    <div className="relative">
      <div className="absolute top-2 right-3 flex items-center gap-2">
        {compiled.state === 'compiling' && <Spinner label="Updating" />}
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(sql).then(() => toast({ tone: 'success', title: 'Copied the Flink SQL' }));
          }}
        >
          <CopyIcon className="h-4 w-4" />
          Copy
        </Button>
      </div>
      {result.warnings.length > 0 && <ProblemList title="Warnings" problems={result.warnings} />}
      <pre aria-label="Compiled Flink SQL" className="overflow-x-auto p-4 font-mono text-[12.5px] leading-5 text-slate-800 dark:text-slate-200">
        <code>
          {tokenizeSql(sql).map((t, i) => (
            <span key={i} className={TOKEN_CLASSES[t.kind]}>
              {t.text}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}

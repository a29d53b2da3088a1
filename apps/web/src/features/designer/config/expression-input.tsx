import type { Problem } from '@weir/model';

/** The line of `text` a problem points at, and a caret under its column. */
export function caretLines(text: string, problem: Problem): { line: string; caret: string } | null {
  if (problem.line === undefined || problem.column === undefined) return null;
  const line = text.split('\n')[problem.line - 1];
  if (line === undefined) return null;
  return { line, caret: `${' '.repeat(Math.max(0, Math.min(problem.column - 1, line.length)))}^` };
}

/**
 * An expression field (filter condition, map expression): monospace, multi-line, checked
 * as you type by the browser's validation; the first error is pointed at with a caret.
 */
export function ExpressionInput({
  id,
  value,
  problems,
  placeholder,
  onChange,
}: {
  id: string;
  value: unknown;
  problems: readonly Problem[];
  placeholder?: string | undefined;
  onChange(value: string): void;
}) {
  const text = typeof value === 'string' ? value : '';
  const pointed = problems.map((p) => caretLines(text, p)).find((c) => c !== null);
  const rows = Math.min(8, Math.max(2, text.split('\n').length));
  return (
    <>
      <textarea
        id={id}
        value={text}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={placeholder ?? "e.g. amount >= 10 AND category <> 'test'"}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${id}-errors` : undefined}
        className="w-full resize-y rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-[13px] leading-5 text-slate-900 focus-visible:outline-2 focus-visible:outline-cyan-600 aria-[invalid=true]:border-rose-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      />
      {pointed && (
        <pre aria-hidden="true" className="mt-1 overflow-x-auto rounded bg-rose-50 px-2.5 py-1 font-mono text-[12px] leading-4 text-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
          {pointed.line}
          {'\n'}
          {pointed.caret}
        </pre>
      )}
    </>
  );
}

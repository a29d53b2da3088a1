import type { CompileResponse } from '@weir/protocol';
import { useEffect, useState } from 'react';
import { compileDocument } from '../../../api/compile-endpoints';
import { asApiError } from '../../../api/client';
import { useEditor } from '../store/editor-context';

export type CompiledSql =
  | { state: 'waiting' }
  | { state: 'invalid'; count: number }
  | { state: 'compiling'; previous?: CompileResponse }
  | { state: 'done'; result: CompileResponse }
  | { state: 'failed'; message: string; code: string };

// Long enough to skip keystrokes, short enough to feel live.
const DEBOUNCE_MS = 400;

/**
 * The Flink SQL of the document as the server compiles it, refreshed (debounced) as the
 * document changes while `active`. A document the browser already knows to be invalid is
 * not sent; its problems are in the problems list.
 */
export function useCompiledSql(active: boolean): CompiledSql {
  const validation = useEditor((s) => s.validation);
  const doc = useEditor((s) => s.doc);
  const [compiled, setCompiled] = useState<CompiledSql>({ state: 'waiting' });
  const current = validation.doc === doc;
  const localProblems = validation.problems.length;

  useEffect(() => {
    if (!active || !current) return;
    if (localProblems > 0) {
      setCompiled({ state: 'invalid', count: localProblems });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCompiled((c) => ({ state: 'compiling', ...(c.state === 'done' ? { previous: c.result } : {}) }));
      compileDocument(doc, 'flink-sql', controller.signal).then(
        (result) => setCompiled({ state: 'done', result }),
        (err: unknown) => {
          if (controller.signal.aborted) return;
          const e = asApiError(err);
          setCompiled({ state: 'failed', message: e.message, code: e.code });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [active, current, doc, localProblems]);

  return compiled;
}

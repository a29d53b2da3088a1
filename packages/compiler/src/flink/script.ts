import type { Statement } from './context';
import { indent } from './sql-text';

/**
 * Lays the statements out as one script: a header, then each statement after its comment,
 * separated by blank lines. The INSERTs come last, in one statement set when there are
 * several so that Flink runs them as one job.
 */
export function renderScript(header: string[], statements: readonly Statement[]): string {
  const blocks = [header.map((line) => `-- ${line}`.trimEnd()).join('\n')];
  for (const s of statements) {
    blocks.push([...s.comment.map((line) => `-- ${line}`), `${s.sql};`].join('\n'));
  }
  return `${compactSets(blocks).join('\n\n')}\n`;
}

/** Consecutive SET statements read best as one block without blank lines between them. */
function compactSets(blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (previous !== undefined && block.startsWith('SET ') && /(^|\n)SET [^\n]*;$/.test(previous)) {
      out[out.length - 1] = `${previous}\n${block}`;
    } else {
      out.push(block);
    }
  }
  return out;
}

export interface Insert {
  sink: string;
  sql: string;
}

/** One INSERT, or all of them in an EXECUTE STATEMENT SET. */
export function insertStatement(inserts: readonly Insert[]): Statement {
  if (inserts.length === 1) {
    const only = inserts[0] as Insert;
    return { comment: [`Write '${only.sink}'`], sql: only.sql };
  }
  return {
    comment: [`Write ${inserts.map((i) => `'${i.sink}'`).join(', ')} in one job`],
    sql: `EXECUTE STATEMENT SET\nBEGIN\n${inserts.map((i) => `${indent(i.sql)};`).join('\n\n')}\nEND`,
  };
}

// `weir validate FILE [--json] [--engine embedded|flink]`: check a pipeline document.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENGINE_NAMES, validateDocument, type EngineName, type Problem } from '@weir/model';

export const summary = 'Check a pipeline document and list every problem in it';

const USAGE = [
  'Usage: weir validate FILE [--json] [--engine embedded|flink]',
  '',
  'Checks a pipeline document (JSON) and lists every problem at once.',
  'Exit status: 0 when valid, 1 when not (or when FILE cannot be read), 2 for bad arguments.',
  '',
  'Options:',
  '  --json            print { "ok", "errors": [ { "code", "node", "field", "message" } ] }',
  '  --engine NAME     also report what that engine cannot run (embedded or flink)',
].join('\n');

/** One entry of `--json` output; `line`/`column` only for problems inside an expression. */
export interface JsonError {
  code: string;
  node: string | null;
  field: string | null;
  message: string;
  line?: number;
  column?: number;
}

export function toJsonError(p: Problem): JsonError {
  const error: JsonError = { code: p.code, node: p.node ?? null, field: p.field ?? null, message: p.message };
  if (p.line !== undefined) error.line = p.line;
  if (p.column !== undefined) error.column = p.column;
  return error;
}

/**
 * One line per problem: `node 'x' field 'where' [EXPR_SYNTAX] line 1, column 5: message`,
 * without the prefixes of the message that repeat the node, field or position.
 */
export function formatProblem(p: Problem): string {
  let message = p.message;
  const strip = (prefix: string) => {
    if (message.startsWith(prefix)) message = message.slice(prefix.length);
  };
  if (p.node !== undefined) strip(`node '${p.node}': `);
  if (p.field !== undefined) strip(`${p.field}: `);
  const position = p.line !== undefined && p.column !== undefined ? `line ${p.line}, column ${p.column}` : undefined;
  if (position !== undefined) strip(`${position}: `);
  const parts = [
    ...(p.node !== undefined ? [`node '${p.node}'`] : []),
    ...(p.field !== undefined ? [`field '${p.field}'`] : []),
    `[${p.code}]`,
    ...(position !== undefined ? [position] : []),
  ];
  return `${parts.join(' ')}: ${message}`;
}

export type ReadResult = { ok: true; document: unknown } | { ok: false; message: string };

/** Reads and parses a JSON document; the message says what went wrong in a person's words. */
export function readDocument(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    return { ok: false, message: `cannot read '${file}': ${reason}` };
  }
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: `'${file}' is not JSON: ${(err as Error).message}` };
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        engine: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`weir validate: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`weir validate: ${positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`}\n${USAGE}\n`);
    return 2;
  }
  const engine = values.engine;
  if (engine !== undefined && !(ENGINE_NAMES as readonly string[]).includes(engine)) {
    process.stderr.write(`weir validate: --engine must be ${ENGINE_NAMES.join(' or ')}, got '${engine}'\n`);
    return 2;
  }
  const file = positionals[0] as string;
  const read = readDocument(file);
  if (!read.ok) {
    if (values.json) {
      const error: JsonError = { code: 'BAD_DOCUMENT', node: null, field: null, message: read.message };
      process.stdout.write(`${JSON.stringify({ ok: false, errors: [error] }, null, 2)}\n`);
    } else {
      process.stderr.write(`weir validate: ${read.message}\n`);
    }
    return 1;
  }
  const result = validateDocument(read.document, engine === undefined ? {} : { engine: engine as EngineName });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: result.ok, errors: result.problems.map(toJsonError) }, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    const n = result.document.nodes.length;
    process.stdout.write(`✓ ${result.document.name}: valid (${n} node${n === 1 ? '' : 's'})\n`);
    return 0;
  }
  const name = (read.document as { name?: unknown }).name;
  const count = result.problems.length;
  const label = typeof name === 'string' ? name : file;
  process.stdout.write(`✗ ${label}: ${count} problem${count === 1 ? '' : 's'}\n`);
  for (const p of result.problems) process.stdout.write(`${formatProblem(p)}\n`);
  return 1;
}

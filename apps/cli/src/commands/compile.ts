// `weir compile FILE --target flink-sql|plan`: print the compiled form of a pipeline.
import { parseArgs } from 'node:util';
import { compile, COMPILE_TARGETS, type CompileOptions, type CompileTarget, type JdbcConnection } from '@weir/compiler';
import { formatProblem, readDocument } from './validate';

export const summary = 'Print a pipeline compiled to Flink SQL or to the embedded engine\'s plan';

const USAGE = [
  'Usage: weir compile FILE --target flink-sql|plan [--brokers HOST:PORT[,…]]',
  '                    [--cluster NAME=HOST:PORT[,…]]… [--postgres [NAME=]URL]…',
  '',
  'Validates the pipeline for the target\'s engine and prints the result on stdout:',
  '  plan        the embedded runtime\'s plan, as JSON',
  '  flink-sql   a Flink SQL script for the SQL Gateway or the SQL client',
  'Problems go to stderr with exit status 1; bad arguments exit 2.',
  '',
  'Options (flink-sql writes these into the script):',
  '  --brokers LIST         bootstrap servers of the Kafka cluster `default` (default $KAFKA_BROKERS)',
  '  --cluster NAME=LIST    bootstrap servers of another configured Kafka cluster',
  '  --postgres [NAME=]URL  a PostgreSQL connection for postgres-sink (NAME default: default);',
  '                         jdbc:postgresql://… or postgres://user:password@host:port/db',
].join('\n');

class UsageError extends Error {}

function pairs(flag: string, values: readonly string[], defaultName?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of values) {
    const eq = value.indexOf('=');
    // A URL such as postgres://u:p@h/db?x=1 has '=' only after '://'; NAME never contains ':'.
    const named = eq > 0 && !value.slice(0, eq).includes(':');
    if (!named && defaultName === undefined) throw new UsageError(`--${flag} must be NAME=VALUE, got '${value}'`);
    const name = named ? value.slice(0, eq) : (defaultName as string);
    const rest = named ? value.slice(eq + 1) : value;
    if (rest === '') throw new UsageError(`--${flag} ${name}= needs a value`);
    out.set(name, rest);
  }
  return out;
}

/** Compile options from the flags, falling back to $KAFKA_BROKERS for the default cluster. */
export function optionsFromFlags(values: { brokers?: string; cluster?: string[]; postgres?: string[] }, env: NodeJS.ProcessEnv): CompileOptions {
  const options: CompileOptions = {};
  const brokers = values.brokers ?? env.KAFKA_BROKERS;
  if (brokers !== undefined && brokers.trim() !== '') options.brokers = brokers.trim();
  const clusters = pairs('cluster', values.cluster ?? []);
  if (clusters.size > 0) options.clusters = Object.fromEntries(clusters);
  const postgres = pairs('postgres', values.postgres ?? [], 'default');
  if (postgres.size > 0) {
    options.connections = Object.fromEntries([...postgres].map(([name, url]): [string, JdbcConnection] => [name, { url }]));
  }
  return options;
}

export async function run(args: string[]): Promise<number> {
  let values;
  let positionals;
  let options: CompileOptions;
  let target: CompileTarget;
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        brokers: { type: 'string' },
        cluster: { type: 'string', multiple: true },
        postgres: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`);
    if (values.target === undefined) throw new UsageError(`missing --target (${COMPILE_TARGETS.join(' or ')})`);
    if (!(COMPILE_TARGETS as readonly string[]).includes(values.target)) {
      throw new UsageError(`--target must be ${COMPILE_TARGETS.join(' or ')}, got '${values.target}'`);
    }
    target = values.target as CompileTarget;
    options = optionsFromFlags(values, process.env);
  } catch (err) {
    process.stderr.write(`weir compile: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = positionals[0] as string;
  const read = readDocument(file);
  if (!read.ok) {
    process.stderr.write(`weir compile: ${read.message}\n`);
    return 1;
  }
  const result = compile(read.document, target, options);
  if (!result.ok) {
    const n = result.problems.length;
    process.stderr.write(`weir compile: ${file} cannot be compiled for ${target}: ${n} problem${n === 1 ? '' : 's'}\n`);
    for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
  if (result.target === 'plan') process.stdout.write(`${JSON.stringify(result.plan, null, 2)}\n`);
  else process.stdout.write(result.sql);
  return 0;
}

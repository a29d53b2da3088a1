import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs generated SQL through Flink's own planner and runtime (flink-check/FlinkCheck.java),
 * with the jars of flink-check/pom.xml resolved by Maven into a cache outside the repository.
 */
const CHECK_DIR = fileURLToPath(new URL('../../flink-check/', import.meta.url));

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'weir', 'compiler-flink-check');
}

/** The classpath with FlinkCheck compiled onto it; resolved and compiled once per pom and source. */
export function flinkCheckClasspath(): string {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const pom = join(CHECK_DIR, 'pom.xml');
  const source = join(CHECK_DIR, 'FlinkCheck.java');
  const classpathFile = join(dir, 'classpath.txt');
  const stamp = `${readFileSync(pom, 'utf8')}\n${statSync(pom).size}`;
  const stampFile = join(dir, 'pom.stamp');
  if (!existsSync(classpathFile) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    execFileSync(process.env.MVN ?? 'mvn', ['-q', '-f', pom, 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
      `-Dmdep.outputFile=${classpathFile}`], { stdio: 'pipe', timeout: 600_000 });
    writeFileSync(stampFile, stamp);
  }
  const jars = readFileSync(classpathFile, 'utf8').trim();
  const classes = join(dir, 'classes');
  const compiled = join(classes, 'FlinkCheck.class');
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
    execFileSync('javac', ['-d', classes, '-cp', jars, source], { stdio: 'pipe', timeout: 300_000 });
  }
  return `${classes}:${jars}`;
}

function java(classpath: string, args: string[]): string {
  return execFileSync('java', ['-Xmx768m', '-cp', classpath, 'FlinkCheck', ...args], { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

function writeStatements(dir: string, name: string, statements: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, statements.join('\u0000'));
  return path;
}

/**
 * Plans each script (DDL executed, INSERTs explained), or with `execute` runs it on a local
 * mini cluster until its bounded job ends; the error text per script name, or null when it passed.
 */
export function planScripts(classpath: string, scripts: Record<string, readonly string[]>, execute = false): Record<string, string | null> {
  const dir = join(cacheDir(), 'scripts');
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(scripts).map(([name, statements]) => writeStatements(dir, name, statements));
  const out = java(classpath, [execute ? 'run' : 'plan', ...files]);
  const results: Record<string, string | null> = {};
  for (const block of out.split(/^END$/m)) {
    const lines = block.trim().split('\n');
    const head = lines[0] ?? '';
    const match = /^(OK|FAIL) (.+)$/.exec(head);
    if (match) results[match[2] as string] = match[1] === 'OK' ? null : lines.slice(1).join('\n');
  }
  return results;
}

/** Runs the statements and returns the rows of the final bounded query, fields as text (NULL as \N). */
export function queryRows(classpath: string, statements: readonly string[]): string[][] {
  const dir = join(cacheDir(), 'scripts');
  mkdirSync(dir, { recursive: true });
  const out = java(classpath, ['query', writeStatements(dir, 'query', statements)]);
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

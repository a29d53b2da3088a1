import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { StackError, lastLines } from './stack-error';

export interface JavaCommand {
  classpath: readonly string[];
  mainClass: string;
  args?: readonly string[];
  /** JVM options before the main class: heap, `-D` properties, `--add-opens`. */
  jvmArgs?: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface JavaExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The major version in `java -version` output (`"17.0.15"` → 17, `"1.8.0_412"` → 8). */
export function parseJavaMajorVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/** Checks that a Java of at least `minMajor` runs; NO_JAVA otherwise, saying what was found. */
export function checkJava(minMajor = 17, java = javaExecutable()): { java: string; major: number } {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new StackError('NO_JAVA', `Java ${minMajor}+ is needed but "${java}" could not run (${r.error.message}); install a JDK or set JAVA_HOME`);
  }
  const major = parseJavaMajorVersion(`${r.stderr}${r.stdout}`);
  if (major === undefined || major < minMajor) {
    throw new StackError('NO_JAVA', `Java ${minMajor}+ is needed but "${java}" is ${major ?? 'of unknown version'}: ${lastLines(r.stderr, 1)}`);
  }
  return { java, major };
}

function javaArgs(cmd: JavaCommand): string[] {
  return [...(cmd.jvmArgs ?? []), '-cp', cmd.classpath.join(delimiter), cmd.mainClass, ...(cmd.args ?? [])];
}

/** Runs a Java main class to completion and collects its output (for tools such as StorageTool). */
export function runJava(cmd: JavaCommand, java = javaExecutable()): Promise<JavaExit & { stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, javaArgs(cmd), { cwd: cmd.cwd, env: cmd.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new StackError('NO_JAVA', `Java ("${java}") was not found; install a JDK or set JAVA_HOME`) : err));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface LaunchedJava {
  pid: number;
  /** Settles when the process ends, however it ends. */
  exited: Promise<JavaExit>;
  hasExited(): boolean;
}

/**
 * Starts a long-running Java process detached from this one (own process group, no
 * stdin), with stdout and stderr appended to `logFile`, so it outlives a CLI that
 * started it and a terminal's Ctrl-C does not reach it.
 */
export function launchJava(cmd: JavaCommand & { logFile: string }, java = javaExecutable()): Promise<LaunchedJava> {
  return new Promise((resolve, reject) => {
    const fd = openSync(cmd.logFile, 'a');
    const child = spawn(java, javaArgs(cmd), {
      cwd: cmd.cwd, env: cmd.env ?? process.env, detached: true, stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    let exit: JavaExit | undefined;
    const exited = new Promise<JavaExit>((res) => {
      child.on('exit', (code, signal) => { exit = { code, signal }; res(exit); });
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new StackError('NO_JAVA', `Java ("${java}") was not found; install a JDK or set JAVA_HOME`) : err));
    child.once('spawn', () => {
      child.unref();
      resolve({ pid: child.pid!, exited, hasExited: () => exit !== undefined });
    });
  });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive but someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie answers kill(0) but is gone for every purpose here.
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The NUL-separated command line of a process as one string, or undefined off Linux or when gone. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** SIGTERM, wait up to `graceMs` for the process to end, then SIGKILL and wait again. */
export async function terminateProcess(pid: number, graceMs = 20_000): Promise<void> {
  const send = (signal: NodeJS.Signals) => {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  };
  const waitGone = async (ms: number) => {
    const until = Date.now() + ms;
    while (isProcessAlive(pid)) {
      if (Date.now() >= until) return false;
      await sleep(100);
    }
    return true;
  };
  if (!isProcessAlive(pid)) return;
  send('SIGTERM');
  if (await waitGone(graceMs)) return;
  send('SIGKILL');
  await waitGone(10_000);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../apps/cli/src/bin.ts', import.meta.url));

/**
 * `weir run FILE` as a child process, the way a user runs a pipeline: killing it is a real
 * crash (SIGKILL leaves no chance to flush or commit), pausing it (SIGSTOP) a real zombie.
 */
export class JobProcess {
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];
  /** Set before the scenario itself ends the process, so its exit is not taken for a failure. */
  intentional = false;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  /** `logFile`: everything it prints is appended there too. */
  constructor(file: string, brokers: string, dataDir: string, logFile?: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', CLI, 'run', file, '--brokers', brokers], {
      env: { ...process.env, WEIR_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.tail.push(line);
      if (this.tail.length > 40) this.tail.splice(0, this.tail.length - 40);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    if (logFile !== undefined) {
      const out = createWriteStream(logFile, { flags: 'a' });
      out.write(`--- pid ${String(this.child.pid)} started ${new Date().toISOString()}\n`);
      this.child.stdout?.pipe(out, { end: false });
      this.child.stderr?.pipe(out, { end: false });
      this.child.on('exit', (code, signal) => out.end(`--- pid ${String(this.child.pid)} exited ${String(code ?? signal)} ${new Date().toISOString()}\n`));
    }
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  signal(sig: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(sig);
  }

  /** The last lines it printed, for a failure report. */
  log(): string {
    return this.tail.join('\n');
  }
}

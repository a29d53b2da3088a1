import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommittedProgress } from './committed-progress';
import { chaosDocument, compareLines, expectedLines, isMalformed, outputLine, type ChaosPipeline } from './chaos-input';
import { InputWriter } from './input-writer';
import { closingTotals, committedCounters, counterProblems } from './job-counters';
import { JobProcess } from './job-process';
import { readCommitted } from '@weir/runtime/testing/read-committed';
import { DEAD_LETTER_HEADERS } from '@weir/runtime/sinks/dead-letter';

/** Kills and restarts the broker the scenario runs against. */
export interface BrokerControl {
  kill(): Promise<void>;
  restart(): Promise<void>;
}

export interface ScenarioOptions {
  name: string;
  pipeline: ChaosPipeline;
  delivery: 'exactly-once' | 'at-least-once';
  records: number;
  brokers: string;
  workDir: string;
  /** SIGKILLs of the job process, each at a random point after at least 20 % progress. */
  kills?: number;
  /** Pause an instance (SIGSTOP), start its replacement, resume the old one: it must be fenced. */
  pause?: boolean;
  /** Kill the broker (and restart it) once the job is past 20 %. */
  broker?: BrokerControl;
  /** Share of malformed records, dead-lettered. */
  malformedRate?: number;
  ratePerSecond?: number;
  /** Longest wait for the job to commit everything after the last fault. */
  timeoutMs?: number;
  random?: () => number;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  scenario: string;
  recordsIn: number;
  recordsOut: number;
  missing: number;
  duplicates: number;
  unexpected: number;
  deadLetters: number | null;
  /** Times the job restarted itself in its process (its restart strategy), over every instance. */
  restarts: number;
  /** Per fault: from the restart to the first commit past where the job stood. */
  recoverMs: number[];
  ok: boolean;
  problems: string[];
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const log = o.log ?? (() => {});
  const random = o.random ?? Math.random;
  const malformedRate = o.malformedRate ?? 0;
  const suffix = `${Date.now().toString(36)}-${Math.floor(random() * 1e6).toString(36)}`;
  const name = `chaos-${o.name}-${suffix}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
  const input = `${name}.in`;
  const output = `${name}.out`;
  const dlq = malformedRate > 0 ? `${name}.dlq` : null;
  const settings: Record<string, unknown> = { delivery: o.delivery, ...(dlq !== null ? { onError: { policy: 'dead-letter', topic: dlq } } : {}) };
  await mkdir(o.workDir, { recursive: true });
  const file = join(o.workDir, `${name}.json`);
  await writeFile(file, JSON.stringify(chaosDocument(name, o.pipeline, input, output, settings), null, 2));
  const dataDir = join(o.workDir, 'data');
  const problems: string[] = [];
  const recoverMs: number[] = [];
  let closing: ReturnType<typeof closingTotals> = null;

  const writer = new InputWriter(o.brokers, input, o.records, malformedRate);
  await writer.open();
  const total = writer.totalOffsets;
  const progress = new CommittedProgress(o.brokers, `weir.${name}.src`, input);
  const rate = o.ratePerSecond ?? Math.max(5_000, Math.round(o.records / 8));
  // The broker scenario writes half before and half after the broker's restart, so no input write is caught by the kill.
  const ahead = Math.max(1_000, Math.round(0.1 * total));
  const allowed = async () => (await progress.read()) + ahead;
  const writing = o.broker === undefined ? writer.write(o.records, rate, allowed) : writer.write(Math.floor(o.records / 2), rate);
  let finishing = false;
  let job: JobProcess;
  /**
   * Starts the job. It must never exit by itself: a failure of its environment (the broker's
   * loss, a commit whose outcome is unknown) is the job's restart strategy's to ride out, in
   * the same process. If it does exit, that is a problem; it is started again (as a process
   * supervisor would) so that the rest of the run still checks the output.
   */
  const start = (): JobProcess => {
    const j = new JobProcess(file, o.brokers, dataDir, join(o.workDir, `${name}.log`));
    job = j;
    void j.exited.then((e) => {
      if (j !== job || j.intentional || finishing) return;
      const last = j.log().split('\n').slice(-2).join(' / ');
      problems.push(`the job exited by itself (${e.code ?? e.signal}) instead of restarting from its checkpoint: ${last}`);
      log(`${o.name}: job exited (${e.code ?? e.signal}): ${last}; starting it again`);
      start();
    });
    return j;
  };
  job = start();
  log(`${o.name}: job started (pid ${job.pid})`);

  /** Starts a replacement and times it until it commits past `from`. */
  const restart = async (from: number): Promise<void> => {
    const began = Date.now();
    start();
    if (await progress.until((c) => c > from || c >= total, 120_000)) recoverMs.push(Date.now() - began);
    else problems.push(`no progress within 120 s after restarting at ${from}/${total}`);
  };

  try {
    const thresholds = Array.from({ length: o.kills ?? 0 }, () => 0.2 + random() * 0.6).sort((a, b) => a - b);
    for (const t of thresholds) {
      if (!(await progress.until((c) => c >= t * total, 120_000))) {
        problems.push(`never reached ${Math.round(t * 100)} %: ${job.log()}`);
        break;
      }
      if (progress.last >= total) {
        problems.push(`the job finished before kill at ${Math.round(t * 100)} %`);
        break;
      }
      job.intentional = true;
      job.signal('SIGKILL');
      await job.exited;
      const at = await progress.read();
      log(`${o.name}: SIGKILL at ${at}/${total}`);
      await restart(at);
    }
    if (o.pause === true) {
      await progress.until((c) => c >= 0.2 * total, 120_000);
      const old = job;
      old.intentional = true;
      old.signal('SIGSTOP');
      const at = await progress.read();
      log(`${o.name}: SIGSTOP at ${at}/${total}`);
      await restart(at);
      await progress.until((c) => c >= Math.min(total, at + 0.1 * total), 60_000);
      old.signal('SIGCONT');
      const ended = await Promise.race([old.exited, new Promise<null>((r) => setTimeout(() => r(null), 90_000))]);
      if (ended === null) {
        problems.push('the resumed old instance did not stop');
        old.signal('SIGKILL');
      } else if (ended.code === 0) {
        problems.push('the resumed old instance ended normally instead of being fenced');
      } else if (!/PRODUCER_FENCED|fenced/i.test(old.log())) {
        problems.push(`the resumed old instance failed, but not as fenced: ${old.log().split('\n').slice(-3).join(' / ')}`);
      }
    }
    let rest: Promise<void> = Promise.resolve();
    if (o.broker !== undefined) {
      await writing;
      await progress.until((c) => c >= 0.2 * total, 120_000);
      const at = await progress.read();
      await o.broker.kill();
      log(`${o.name}: broker killed at ${at}/${total}`);
      await new Promise((r) => setTimeout(r, 2_000));
      await o.broker.restart();
      const began = Date.now();
      await writer.close();
      await writer.open();
      rest = writer.write(o.records, rate, allowed);
      // The job rides the outage out, or fails and is started again by `start`.
      if (await progress.until((c) => c > at, 180_000)) recoverMs.push(Date.now() - began);
      else problems.push(`no progress within 180 s after the broker's restart: ${job.log()}`);
    }
    await rest;
    await writing;
    if (!(await progress.until((c) => c >= total, o.timeoutMs ?? 300_000))) {
      problems.push(`committed ${progress.last}/${total} when the time ran out: ${job.log()}`);
    }
    finishing = true;
    job.signal('SIGTERM');
    const stopped = await Promise.race([job.exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    if (stopped === null) problems.push(`the job did not stop within 60 s of SIGTERM: ${job.log()}`);
    job.signal('SIGKILL');
    closing = closingTotals(job.log());
  } finally {
    await writer.close();
    await progress.close();
  }

  const restarts = restartsIn(await readFile(join(o.workDir, `${name}.log`), 'utf8').catch(() => ''));
  if (restarts > 0) log(`${o.name}: the job restarted itself ${restarts} time(s) from its checkpoint`);
  // Nothing fails the replacement or the fenced old instance in a way a restart gets past: a
  // restart here means the old one came back and fenced the replacement in turn.
  if (o.pause === true && restarts > 0) problems.push(`the job restarted itself ${restarts} time(s) around the SIGSTOP: the fenced old instance must stop, not take the job back`);
  const out = await readCommitted(o.brokers, output, 120_000);
  const lines = out.flatMap((m) => outputLine(o.pipeline, m.value) ?? []);
  const cmp = compareLines(expectedLines(o.pipeline, o.records, malformedRate), lines);
  let deadLetters: number | null = null;
  if (dlq !== null) {
    const letters = await readCommitted(o.brokers, dlq, 120_000);
    deadLetters = letters.length;
    const bad = Array.from({ length: o.records }, (_, i) => i).filter((i) => isMalformed(i, malformedRate)).length;
    const H = DEAD_LETTER_HEADERS;
    const offsets = new Set(letters.map((l) => `${l.headers[H.partition] ?? ''}:${l.headers[H.offset] ?? ''}`));
    const wellFormed = letters.every((l) => l.headers[H.code] === 'DECODE_FAILED' && l.headers[H.topic] === input && l.headers[H.node] === 'src' &&
      l.headers[H.partition] !== undefined && l.headers[H.offset] !== undefined && (l.headers[H.message] ?? '') !== '');
    if (!wellFormed) problems.push('a dead letter without its headers (code DECODE_FAILED, node, source topic, partition, offset, message)');
    if (o.delivery === 'exactly-once' ? letters.length !== bad : letters.length < bad) problems.push(`${letters.length} dead letters for ${bad} malformed records`);
    if (offsets.size !== letters.length && o.delivery === 'exactly-once') problems.push('a record dead-lettered twice');
    if (offsets.size < bad) problems.push(`${bad - offsets.size} malformed records not dead-lettered`);
  }
  const exact = o.delivery === 'exactly-once';
  // The job's totals, restored with its state at every restart, agree exactly with what it committed.
  if (exact) {
    const counters = await committedCounters(o.brokers, `weir.${name}.src`, input, dataDir, name);
    problems.push(...counterProblems(counters, closing, {
      inputOffsets: total, outputMessages: out.length, deadLetters, oneOutPerRecord: o.pipeline === 'stateless',
    }));
  }
  if (cmp.missing > 0) problems.push(`${cmp.missing} missing`);
  if (cmp.unexpected > 0) problems.push(`${cmp.unexpected} results no offline computation gives`);
  if (exact && cmp.duplicates > 0) problems.push(`${cmp.duplicates} duplicates`);
  return {
    scenario: o.name, recordsIn: o.records, recordsOut: lines.length, ...cmp, deadLetters, restarts, recoverMs, ok: problems.length === 0, problems,
  };
}

/** Restarts in `weir run` output: each run of progress lines in state RESTARTING is one. */
export function restartsIn(log: string): number {
  let n = 0;
  let restarting = false;
  for (const line of log.split('\n')) {
    if (!/^\[[^\]]*\] [A-Z]+ ·/.test(line)) continue;
    const now = line.includes('] RESTARTING ·');
    if (now && !restarting) n++;
    restarting = now;
  }
  return n;
}

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EmbeddedPlanSchema } from '@weir/compiler';
import { optionsFromFlags } from './compile';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = join(ROOT, 'packages/compiler/fixtures');

/** Runs the real `weir` entry point, as a user would. */
function weir(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: '' }, timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('optionsFromFlags', () => {
  it('takes brokers from the flag, else from $KAFKA_BROKERS', () => {
    expect(optionsFromFlags({ brokers: 'a:1' }, { KAFKA_BROKERS: 'b:2' })).toEqual({ brokers: 'a:1' });
    expect(optionsFromFlags({}, { KAFKA_BROKERS: 'b:2' })).toEqual({ brokers: 'b:2' });
    expect(optionsFromFlags({}, {})).toEqual({});
  });

  it('reads named clusters and PostgreSQL connections', () => {
    expect(optionsFromFlags({ cluster: ['eu=eu1:9092,eu2:9092'], postgres: ['postgres://u:p@h:5432/db?a=b', 'dw=jdbc:postgresql://dw/x'] }, {}))
      .toEqual({
        clusters: { eu: 'eu1:9092,eu2:9092' },
        connections: { default: { url: 'postgres://u:p@h:5432/db?a=b' }, dw: { url: 'jdbc:postgresql://dw/x' } },
      });
  });

  it('refuses a cluster without a name', () => {
    expect(() => optionsFromFlags({ cluster: ['eu1:9092'] }, {})).toThrow('--cluster must be NAME=VALUE');
  });
});

// Each test spawns the CLI (a Node process with tsx); on a busy machine that takes seconds.
describe('weir compile', { timeout: 120_000 }, () => {
  it('prints the Flink SQL script of the golden fixture', () => {
    const r = weir(['compile', join(FIXTURES, 'revenue-per-category/pipeline.json'), '--target', 'flink-sql', '--brokers', 'kafka:9092']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(FIXTURES, 'revenue-per-category/flink.sql'), 'utf8'));
    expect(r.stderr).toContain('warning: field \'settings.onError\' [UNSUPPORTED_ON_ENGINE]');
  });

  it('prints the embedded plan as JSON', () => {
    const r = weir(['compile', join(FIXTURES, 'session-window/pipeline.json'), '--target', 'plan']);
    expect(r.status).toBe(0);
    const plan = EmbeddedPlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.operators.map((o) => o.kind)).toEqual(['source', 'window', 'sink']);
  });

  it('exits 1 with the problems when the pipeline cannot run on the target', () => {
    const r = weir(['compile', join(FIXTURES, 'count-window/pipeline.json'), '--target', 'flink-sql', '--brokers', 'kafka:9092']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("node 'last-three' [UNSUPPORTED_ON_ENGINE]");
  });

  it('asks for the brokers the script needs', () => {
    const r = weir(['compile', join(FIXTURES, 'filter/pipeline.json'), '--target', 'flink-sql']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--brokers');
  });

  it('exits 2 without a valid --target', () => {
    const file = join(FIXTURES, 'filter/pipeline.json');
    const missing = weir(['compile', file]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing --target');
    expect(weir(['compile', file, '--target', 'spark']).status).toBe(2);
  });
});

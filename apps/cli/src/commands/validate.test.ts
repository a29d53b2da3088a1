import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, readDocument, toJsonError } from './validate';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = join(ROOT, 'packages/compiler/fixtures');

/** Runs the real `weir` entry point, as a user would. */
function weir(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/bin.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: '' }, timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'weir-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('formatProblem', () => {
  it('puts node, field, code and position first, without repeating them in the message', () => {
    expect(formatProblem({
      code: 'EXPR_SYNTAX', node: 'bad', field: 'where', line: 1, column: 9,
      message: "node 'bad': where: line 1, column 9: expected an expression but found '>'",
    })).toBe("node 'bad' field 'where' [EXPR_SYNTAX] line 1, column 9: expected an expression but found '>'");
  });

  it('keeps messages whose wording does not start with the node', () => {
    expect(formatProblem({ code: 'CYCLE', node: 'a', message: "nodes 'a' → 'b' → 'a' form a cycle" }))
      .toBe("node 'a' [CYCLE]: nodes 'a' → 'b' → 'a' form a cycle");
    expect(formatProblem({ code: 'NO_SOURCE', message: 'the pipeline has no source' })).toBe('[NO_SOURCE]: the pipeline has no source');
  });
});

describe('toJsonError', () => {
  it('always has code, node, field and message, and line/column only when known', () => {
    expect(toJsonError({ code: 'NO_SINK', message: 'm' })).toEqual({ code: 'NO_SINK', node: null, field: null, message: 'm' });
    expect(toJsonError({ code: 'EXPR_SYNTAX', node: 'f', field: 'where', line: 2, column: 3, message: 'm' }))
      .toEqual({ code: 'EXPR_SYNTAX', node: 'f', field: 'where', message: 'm', line: 2, column: 3 });
  });
});

describe('readDocument', () => {
  it('says when the file is missing, a directory or not JSON', () => {
    expect(readDocument('/nonexistent/p.json')).toEqual({ ok: false, message: "cannot read '/nonexistent/p.json': no such file" });
    expect(readDocument(tmpdir())).toMatchObject({ ok: false, message: expect.stringContaining('it is a directory') });
    const bad = tempFile('bad.json', '{ "version": 1, ');
    expect(readDocument(bad)).toMatchObject({ ok: false, message: expect.stringContaining('is not JSON') });
  });
});

// Each test spawns the CLI (a Node process with tsx); on a busy machine that takes seconds.
describe('weir validate', { timeout: 120_000 }, () => {
  it('exits 0 for a valid pipeline and names it', () => {
    const r = weir(['validate', join(FIXTURES, 'revenue-per-category/pipeline.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✓ revenue-per-category: valid (4 nodes)\n');
  });

  it('exits 1 and lists every problem, one per line', () => {
    const file = tempFile('p.json', JSON.stringify({
      version: 1, name: 'broken',
      nodes: [
        { id: 'orders', kind: 'kafka-source', config: { topic: 'orders', schema: [{ name: 'amount', type: 'double' }] } },
        { id: 'f', kind: 'filter', config: { where: 'amount >> 1' } },
        { id: 'out', kind: 'kafka-sink', config: { topic: 'out', key: ['nope'] } },
      ],
      edges: [{ from: 'orders', to: 'f' }, { from: 'f', to: 'out' }],
    }));
    const r = weir(['validate', file]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('✗ broken: 1 problem');
    expect(lines[1]).toMatch(/^node 'f' field 'where' \[EXPR_SYNTAX\] line 1, column \d+: /);
  });

  it('answers --json with exactly ok and errors', () => {
    const invalid = weir(['validate', '--json', join(FIXTURES, 'error_expr_syntax/pipeline.json')]);
    expect(invalid.status).toBe(1);
    const body = JSON.parse(invalid.stdout) as { ok: boolean; errors: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['ok', 'errors']);
    expect(body.ok).toBe(false);
    expect(body.errors[0]).toMatchObject({ code: 'EXPR_SYNTAX', node: 'bad', field: 'where', line: 1 });
    expect(Object.keys(body.errors[0] as object).slice(0, 4)).toEqual(['code', 'node', 'field', 'message']);

    const valid = weir(['validate', '--json', join(FIXTURES, 'map/pipeline.json')]);
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ ok: true, errors: [] });
  });

  it('checks what an engine can run with --engine', () => {
    const file = join(FIXTURES, 'count-window/pipeline.json');
    expect(weir(['validate', file]).status).toBe(0);
    const r = weir(['validate', '--engine', 'flink', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("node 'last-three' [UNSUPPORTED_ON_ENGINE]");
  });

  it('exits 1 with a clear message for an unreadable file or bad JSON, and 2 for bad arguments', () => {
    const missing = weir(['validate', '/nonexistent/pipeline.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read '/nonexistent/pipeline.json': no such file");
    const notJson = weir(['validate', '--json', tempFile('x.json', 'nodes: []')]);
    expect(notJson.status).toBe(1);
    expect(JSON.parse(notJson.stdout)).toMatchObject({ ok: false, errors: [{ code: 'BAD_DOCUMENT' }] });
    expect(weir(['validate']).status).toBe(2);
    expect(weir(['validate', 'a.json', '--frobnicate']).status).toBe(2);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type CompileResult, type CompileTarget } from './compile';
import { ExpectedErrorSchema, GOLDEN_OPTIONS, listFixtures, readIfExists, type Fixture } from './testing/fixtures';

/**
 * Golden tests: compiles every fixture for both targets and compares with the files beside
 * it. `UPDATE_GOLDEN=1` rewrites plan.json and flink.sql instead; review every rewrite.
 */
const update = process.env.UPDATE_GOLDEN === '1';
const fixtures = listFixtures();

function problemsOf(result: CompileResult): string {
  return result.ok ? '' : result.problems.map((p) => `${p.code} ${p.node ?? '-'} ${p.field ?? '-'}: ${p.message}`).join('\n');
}

function checkOutput(fixture: Fixture, target: CompileTarget, file: string, render: (r: CompileResult) => string): void {
  const result = compile(fixture.pipeline, target, GOLDEN_OPTIONS);
  expect(result.ok, problemsOf(result)).toBe(true);
  const actual = render(result);
  const path = join(fixture.dir, file);
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  const expected = readIfExists(path);
  expect(expected, `${path} is missing; run with UPDATE_GOLDEN=1 and review it`).toBeDefined();
  expect(actual).toBe(expected);
}

function checkErrors(fixture: Fixture, target: CompileTarget, file: string): void {
  const expected = ExpectedErrorSchema.parse(JSON.parse(readIfExists(join(fixture.dir, file)) as string));
  const result = compile(fixture.pipeline, target, GOLDEN_OPTIONS);
  expect(result.ok, `${fixture.name} must not compile for ${target}`).toBe(false);
  if (result.ok) return;
  for (const error of expected.errors) {
    const found = result.problems.find((p) =>
      p.code === error.code
      && (error.node === undefined || p.node === error.node)
      && (error.field === undefined || p.field === error.field)
      && (error.line === undefined || p.line === error.line)
      && (error.column === undefined || p.column === error.column));
    expect(found, `${fixture.name} (${target}): expected ${JSON.stringify(error)} among\n${problemsOf(result)}`).toBeDefined();
    expect(found?.message.length).toBeGreaterThan(10);
  }
}

describe('golden fixtures', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  for (const fixture of fixtures) {
    if (fixture.isError) {
      it(`${fixture.name}: fails with the expected problems`, () => {
        const expected = ExpectedErrorSchema.parse(JSON.parse(readIfExists(join(fixture.dir, 'expected-error.json')) as string));
        for (const target of expected.target === undefined ? (['plan', 'flink-sql'] as const) : [expected.target]) {
          checkErrors(fixture, target, 'expected-error.json');
        }
      });
      continue;
    }
    describe(fixture.name, () => {
      it('has input records for the equivalence suite', () => {
        const input = JSON.parse(readIfExists(join(fixture.dir, 'input.json')) ?? 'null') as unknown;
        expect(input).toBeTypeOf('object');
        expect(Object.values(input as Record<string, unknown[]>).every((rows) => Array.isArray(rows) && rows.length > 0)).toBe(true);
      });
      it('compiles to the expected embedded plan', () => {
        checkOutput(fixture, 'plan', 'plan.json', (r) => (r.ok && r.target === 'plan' ? `${JSON.stringify(r.plan, null, 2)}\n` : ''));
      });
      if (readIfExists(join(fixture.dir, 'flink-error.json')) !== undefined) {
        it('is refused for Flink with the expected problems', () => checkErrors(fixture, 'flink-sql', 'flink-error.json'));
      } else {
        it('compiles to the expected Flink SQL', () => {
          checkOutput(fixture, 'flink-sql', 'flink.sql', (r) => (r.ok && r.target === 'flink-sql' ? r.sql : ''));
        });
      }
    });
  }
});

import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from './compile';
import { formatTimestampSql, parseTimestampSql } from './flink/timestamps';
import { interval } from './flink/sql-text';
import { GOLDEN_OPTIONS, listFixtures } from './testing/fixtures';
import { flinkCheckClasspath, planScripts, queryRows } from './testing/flink-check';

/**
 * The generated SQL against Flink itself (2.2, the jars of flink-check/pom.xml, the version of the local cluster): every golden
 * script must pass Flink's parser, validator and optimizer, and the timestamp conversions must
 * compute what pipeline-format.md says.
 */
let classpath = '';

beforeAll(() => {
  classpath = flinkCheckClasspath();
}, 900_000);

describe('Flink accepts the generated SQL', () => {
  it('plans every golden script', () => {
    const scripts: Record<string, string[]> = {};
    for (const fixture of listFixtures()) {
      if (fixture.isError) continue;
      const result = compile(fixture.pipeline, 'flink-sql', GOLDEN_OPTIONS);
      if (result.ok && result.target === 'flink-sql') scripts[fixture.name] = result.statements;
    }
    expect(Object.keys(scripts).length).toBeGreaterThan(10);
    const results = planScripts(classpath, scripts);
    for (const name of Object.keys(scripts)) expect({ name, error: results[name] }).toEqual({ name, error: null });
  }, 600_000);
});

describe('timestamps on Flink', () => {
  it('reads epoch milliseconds and ISO-8601 and writes toISOString format', () => {
    const inputs = [
      '1767225610000', '2026-01-01T00:00:10.000Z', '2026-01-01T00:00:10Z', '2026-01-01T00:00:10.5Z',
      '2026-01-01T00:00:10.123456Z', '2026-01-01T02:00:10+02:00', '2026-01-01T00:00:10.25-03:30', '2026-01-01T00:00Z',
      '2026-01-01', '2026-01-01 00:00:10.5', '-5', 'yesterday',
    ];
    const values = inputs.map((v) => `('${v}')`).join(', ');
    const rows = queryRows(classpath, [
      `CREATE TEMPORARY VIEW v AS SELECT * FROM (VALUES ${values}) AS t(\`ts\`)`,
      `SELECT \`ts\`, ${formatTimestampSql(`(${parseTimestampSql('ts')})`)}, ${interval(120_001)} FROM v`,
    ]);
    const expected = inputs.map((v) => {
      const ms = /^-?\d+$/.test(v) ? Number(v) : Date.parse(v.includes('T') || v.length === 10 ? v : `${v.replace(' ', 'T')}Z`);
      return [v, Number.isNaN(ms) ? '\\N' : new Date(ms).toISOString(), 'PT2M0.001S'];
    });
    expect(rows).toEqual(expected);
  }, 600_000);
});

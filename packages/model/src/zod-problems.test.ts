import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { durationSchema } from './duration';
import { KafkaSourceConfigSchema } from './nodes/kafka-source';
import { issuesToProblems, schemaAt } from './zod-problems';

function problemsOf(schema: z.ZodType, data: unknown) {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return issuesToProblems(result.error.issues, { schema, data, code: 'BAD_CONFIG', subject: "node 'n'", rootLabel: 'config', node: 'n' });
}

describe('issuesToProblems', () => {
  it('says what is missing and what was found instead', () => {
    expect(problemsOf(KafkaSourceConfigSchema, { format: 'text' })).toEqual([
      { code: 'BAD_CONFIG', node: 'n', field: 'topic', message: "node 'n': topic is required" },
    ]);
    expect(problemsOf(KafkaSourceConfigSchema, { topic: 5, format: 'text' })[0]?.message).toBe("node 'n': topic must be a string, not 5");
    expect(problemsOf(KafkaSourceConfigSchema, 'x')[0]?.message).toBe("node 'n': config must be an object, not 'x'");
  });

  it('explains a union from the branch that matches the value', () => {
    const misspelt = problemsOf(KafkaSourceConfigSchema, { topic: 't', format: 'text', startFrom: 'earlist' });
    expect(misspelt).toHaveLength(1);
    expect(misspelt[0]?.field).toBe('startFrom');
    expect(misspelt[0]?.message).toContain("did you mean 'earliest'?");
    const zoneless = problemsOf(KafkaSourceConfigSchema, { topic: 't', format: 'text', startFrom: { timestamp: '2026-01-01T00:00:00' } });
    expect(zoneless).toEqual([{
      code: 'BAD_CONFIG', node: 'n', field: 'startFrom.timestamp',
      message: "node 'n': startFrom.timestamp: '2026-01-01T00:00:00' has no time zone; add 'Z' for UTC, e.g. '2026-01-01T00:00:00Z'",
    }]);
    const wrongType = problemsOf(KafkaSourceConfigSchema, { topic: 't', format: 'text', startFrom: 7 });
    expect(wrongType[0]?.message).toBe(`node 'n': startFrom must be 'committed', 'earliest', 'latest' or { "timestamp": "<ISO-8601>" }`);
  });

  it('reports unknown keys one by one, with the closest known key', () => {
    const problems = problemsOf(KafkaSourceConfigSchema, { topic: 't', format: 'text', eventTime: { fild: 'ts', field: 'line' }, clustr: 'x' });
    expect(problems.map((p) => [p.field, p.message])).toEqual(expect.arrayContaining([
      ['eventTime.fild', "node 'n': unknown key 'fild' in eventTime; did you mean 'field'?"],
      ['clustr', "node 'n': unknown key 'clustr'; did you mean 'cluster'?"],
    ]));
  });

  it('maps duration fields to INVALID_DURATION, also for values of the wrong type', () => {
    const schema = z.strictObject({ size: durationSchema(), gap: durationSchema().optional() });
    const problems = problemsOf(schema, { size: 60, gap: '5 mins' });
    expect(problems.map((p) => [p.code, p.field])).toEqual([['INVALID_DURATION', 'size'], ['INVALID_DURATION', 'gap']]);
    expect(problems[1]?.message).toContain("did you mean '5m'?");
    expect(problemsOf(schema, {})).toEqual([{ code: 'BAD_CONFIG', node: 'n', field: 'size', message: "node 'n': size is required" }]);
  });

  it('finds the schema of a nested path', () => {
    expect(schemaAt(KafkaSourceConfigSchema, ['eventTime', 'maxOutOfOrderness'])).toBeDefined();
    expect(schemaAt(KafkaSourceConfigSchema, ['startFrom', 'timestamp'])).toBeDefined();
    expect(schemaAt(KafkaSourceConfigSchema, ['schema', 0, 'type'])).toBeDefined();
    expect(schemaAt(KafkaSourceConfigSchema, ['nope'])).toBeUndefined();
  });
});

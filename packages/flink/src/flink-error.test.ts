import { describe, expect, it } from 'vitest';
import { javaErrorReason } from './flink-error';
import recorded from './testdata/gateway-error.json';

describe('javaErrorReason', () => {
  it('reduces a recorded SQL Gateway error to its reason, without wrappers or frames', () => {
    const reason = javaErrorReason(recorded.errors[1]!);
    expect(reason).toContain("Unable to create a sink for writing table 'default_catalog.default_database.t'");
    expect(reason).toContain("Could not find any factory for identifier 'nope'");
    expect(reason).not.toMatch(/\tat |SqlGatewayException|Failed to fetchResults/);
  });

  it('keeps a multi-line message whole', () => {
    const trace = 'org.apache.flink.table.api.ValidationException: Table options are:\n\n\'connector\'=\'jdbc\'\n\tat a.b.C.d(C.java:1)';
    expect(javaErrorReason(trace)).toBe("Table options are:\n\n'connector'='jdbc'");
  });
});

import { describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast } from './auth';

describe('roleAtLeast', () => {
  it('orders viewer < operator < admin', () => {
    const table = ROLES.map((role) => ROLES.map((required) => roleAtLeast(role, required)));
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});

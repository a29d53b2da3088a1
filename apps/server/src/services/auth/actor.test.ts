import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api-error';
import { requireRole } from './actor';
import { hashSecret, newSecret } from './secrets';

function caught(fn: () => void): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('requireRole', () => {
  const viewer = { id: '1', name: 'vic', role: 'viewer' as const };
  const operator = { id: '2', name: 'olga', role: 'operator' as const };
  const admin = { id: '3', name: 'ada', role: 'admin' as const };

  it('lets a role do what it and every lower role may', () => {
    expect(() => requireRole(admin, 'operator')).not.toThrow();
    expect(() => requireRole(admin, 'admin')).not.toThrow();
    expect(() => requireRole(operator, 'operator')).not.toThrow();
    expect(() => requireRole(viewer, 'viewer')).not.toThrow();
  });

  it('refuses a lower role with 403 FORBIDDEN naming the role needed', () => {
    const err = caught(() => requireRole(viewer, 'operator'));
    expect(err).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', details: { required: 'operator', role: 'viewer' } });
    expect(err.message).toContain('operator role');
    expect(caught(() => requireRole(operator, 'admin')).details).toEqual({ required: 'admin', role: 'operator' });
  });

  it('refuses no actor with 401 UNAUTHENTICATED', () => {
    expect(caught(() => requireRole(undefined, 'viewer'))).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('secrets', () => {
  it('are long, random and stored only as a hash', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(a)).toBe(hashSecret(a));
    expect(hashSecret(a)).not.toContain(a);
  });
});

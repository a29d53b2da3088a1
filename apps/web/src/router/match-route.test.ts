import { describe, expect, it } from 'vitest';
import { isWithin, matchPath, matchRoute } from './match-route';

describe('matchPath', () => {
  it('matches static paths, ignoring trailing slashes', () => {
    expect(matchPath('/kafka', '/kafka')).toEqual({ pattern: '/kafka', params: {} });
    expect(matchPath('/kafka', '/kafka/')).not.toBeNull();
    expect(matchPath('/', '/')).not.toBeNull();
    expect(matchPath('/kafka', '/jobs')).toBeNull();
    expect(matchPath('/kafka', '/kafka/topics')).toBeNull();
  });

  it('captures and decodes parameters', () => {
    expect(matchPath('/kafka/topics/:topic', '/kafka/topics/orders%2Ev2')).toEqual({
      pattern: '/kafka/topics/:topic',
      params: { topic: 'orders.v2' },
    });
  });

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/jobs/:id', '/jobs/%E0%A4%A')).toBeNull();
  });
});

describe('matchRoute', () => {
  it('returns the first pattern that matches', () => {
    expect(matchRoute(['/jobs', '/jobs/:id'], '/jobs/7')?.params).toEqual({ id: '7' });
    expect(matchRoute(['/jobs/new', '/jobs/:id'], '/jobs/new')?.pattern).toBe('/jobs/new');
    expect(matchRoute(['/jobs'], '/nowhere')).toBeNull();
  });
});

describe('isWithin', () => {
  it('compares whole segments', () => {
    expect(isWithin('/jobs', '/jobs')).toBe(true);
    expect(isWithin('/jobs', '/jobs/3/checkpoints')).toBe(true);
    expect(isWithin('/jobs', '/jobsx')).toBe(false);
    expect(isWithin('/', '/anything')).toBe(true);
  });
});

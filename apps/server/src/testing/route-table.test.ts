import { describe, expect, it } from 'vitest';
import { parseRouteTree } from './route-table';

describe('parseRouteTree', () => {
  it("joins each line's path to its parent's and lists one entry per method", () => {
    const text = [
      '├── /api/health (GET, HEAD)',
      '├── /api/users (GET, HEAD, POST)',
      '│   └── /:id (PATCH, DELETE)',
      '│       └── /login-link (POST)',
      '└── /api/jobs (GET)',
      '    └── /:id (GET)',
      '        ├── /stop (POST)',
      '        └── /restart (POST)',
    ].join('\n');
    expect(parseRouteTree(text)).toEqual([
      { method: 'GET', url: '/api/health' }, { method: 'HEAD', url: '/api/health' },
      { method: 'GET', url: '/api/users' }, { method: 'HEAD', url: '/api/users' }, { method: 'POST', url: '/api/users' },
      { method: 'PATCH', url: '/api/users/:id' }, { method: 'DELETE', url: '/api/users/:id' },
      { method: 'POST', url: '/api/users/:id/login-link' },
      { method: 'GET', url: '/api/jobs' }, { method: 'GET', url: '/api/jobs/:id' },
      { method: 'POST', url: '/api/jobs/:id/stop' }, { method: 'POST', url: '/api/jobs/:id/restart' },
    ]);
  });

  it('keeps a node without methods as a prefix only', () => {
    expect(parseRouteTree('└── /api/\n    └── x (GET)')).toEqual([{ method: 'GET', url: '/api/x' }]);
  });
});

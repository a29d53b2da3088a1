import fp from 'fastify-plugin';
import type { AuditEntry, AuditQuery } from '@weir/protocol';
import { requireRole, type Actor } from './auth/actor';
import type { Repos, Store } from './store/store';

export interface AuditRecord {
  /** `pipeline.create`, `job.deploy`, `user.update`, … */
  action: string;
  /** `pipeline:<id>`, `job:<id>`, `user:<id>`. */
  target?: string;
  details?: unknown;
}

export interface AuditService {
  /**
   * Appends an entry. Pass the transaction's repositories to write it together with the
   * change it records; `actor` null means the server itself.
   */
  record(actor: Actor | null, entry: AuditRecord, repos?: Repos): Promise<void>;
  /** Newest first (admin). */
  list(actor: Actor, query: AuditQuery): Promise<AuditEntry[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditService;
  }
}

export function createAuditService(store: Store, now: () => number): AuditService {
  return {
    async record(actor, entry, repos = store) {
      await repos.audit.insert({
        time: now(),
        userId: actor?.id ?? null,
        userName: actor?.name ?? null,
        action: entry.action,
        target: entry.target ?? null,
        details: entry.details ?? null,
      });
    },
    async list(actor, query) {
      requireRole(actor, 'admin');
      const rows = await store.audit.list({ limit: query.limit, ...(query.before !== undefined ? { before: query.before } : {}) });
      return rows.map((r) => ({
        id: r.id,
        time: new Date(r.time).toISOString(),
        user: r.userId !== null || r.userName !== null ? { id: r.userId ?? '', name: r.userName ?? '' } : null,
        action: r.action,
        target: r.target,
        details: r.details,
      }));
    },
  };
}

export default fp(
  async (app) => {
    app.decorate('audit', createAuditService(app.store, app.now));
  },
  { name: 'weir-audit-service', dependencies: ['weir-store', 'weir-clock'] },
);

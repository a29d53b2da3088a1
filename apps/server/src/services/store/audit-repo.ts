import { num, strOrNull, type Db } from './db';

export interface AuditRow {
  id: number;
  time: number;
  userId: string | null;
  userName: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

export function auditRepo(db: Db) {
  return {
    async insert(e: Omit<AuditRow, 'id'>): Promise<void> {
      await db.run('INSERT INTO audit_log (time, user_id, user_name, action, target, details) VALUES (?, ?, ?, ?, ?, ?)', [
        e.time, e.userId, e.userName, e.action, e.target, JSON.stringify(e.details ?? null),
      ]);
    },
    /** Newest first; `before` pages back from an entry id. */
    async list(q: { limit: number; before?: number }): Promise<AuditRow[]> {
      const rows = q.before === undefined
        ? await db.all('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [q.limit])
        : await db.all('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?', [q.before, q.limit]);
      return rows.map((r) => ({
        id: num(r.id),
        time: num(r.time),
        userId: strOrNull(r.user_id),
        userName: strOrNull(r.user_name),
        action: String(r.action),
        target: strOrNull(r.target),
        details: JSON.parse(String(r.details)) as unknown,
      }));
    },
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;

import type { Role } from '@weir/protocol';
import { num, numOrNull, type Db } from './db';
import type { UserRow } from './users-repo';

export interface SessionLookup {
  user: UserRow;
  expiresAt: number;
}

export interface LoginTokenRow {
  userId: string;
  role: Role;
  expiresAt: number;
  usedAt: number | null;
}

/** Sessions and one-time login tokens; both are kept only as SHA-256 hashes of the secret. */
export function authRepo(db: Db) {
  return {
    async insertSession(s: { tokenHash: string; userId: string; createdAt: number; expiresAt: number }): Promise<void> {
      await db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        s.tokenHash, s.userId, s.createdAt, s.expiresAt,
      ]);
    },
    async findSession(tokenHash: string): Promise<SessionLookup | undefined> {
      const r = await db.get(
        `SELECT s.expires_at, u.id, u.name, u.role, u.created_at
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ?`,
        [tokenHash],
      );
      if (!r) return undefined;
      return {
        user: { id: String(r.id), name: String(r.name), role: r.role as Role, createdAt: num(r.created_at) },
        expiresAt: num(r.expires_at),
      };
    },
    async extendSession(tokenHash: string, expiresAt: number): Promise<void> {
      await db.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [expiresAt, tokenHash]);
    },
    async deleteSession(tokenHash: string): Promise<boolean> {
      return (await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash])).changes === 1;
    },
    async deleteSessionsOf(userId: string): Promise<number> {
      return (await db.run('DELETE FROM sessions WHERE user_id = ?', [userId])).changes;
    },
    /** Forgets expired sessions and login tokens that can no longer be used. */
    async purgeExpired(now: number): Promise<void> {
      await db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
      await db.run('DELETE FROM login_tokens WHERE expires_at <= ?', [now]);
    },

    async insertLoginToken(t: { tokenHash: string; userId: string; role: Role; createdAt: number; expiresAt: number }): Promise<void> {
      await db.run('INSERT INTO login_tokens (token_hash, user_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
        t.tokenHash, t.userId, t.role, t.createdAt, t.expiresAt,
      ]);
    },
    async findLoginToken(tokenHash: string): Promise<LoginTokenRow | undefined> {
      const r = await db.get('SELECT user_id, role, expires_at, used_at FROM login_tokens WHERE token_hash = ?', [tokenHash]);
      if (!r) return undefined;
      return { userId: String(r.user_id), role: r.role as Role, expiresAt: num(r.expires_at), usedAt: numOrNull(r.used_at) };
    },
    /** Marks the token used if it is still usable; false when another request got there first. */
    async useLoginToken(tokenHash: string, now: number): Promise<boolean> {
      const r = await db.run('UPDATE login_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [
        now, tokenHash, now,
      ]);
      return r.changes === 1;
    },
  };
}
export type AuthRepo = ReturnType<typeof authRepo>;

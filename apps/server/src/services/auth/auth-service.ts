import { randomUUID } from 'node:crypto';
import type { LoginLink, Role, User } from '@weir/protocol';
import { ApiError } from '../../api-error';
import type { AuditService } from '../audit-service';
import type { Repos, Store } from '../store/store';
import type { UserRow } from '../store/users-repo';
import type { Actor } from './actor';
import { hashSecret, newSecret } from './secrets';

export interface AuthSettings {
  sessionIdleMs: number;
  loginTokenTtlMs: number;
}

export interface NewSession {
  user: User;
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  expiresAt: number;
}

export interface Authenticated {
  actor: Actor;
  expiresAt: number;
  /** True when this request moved the expiry on, so the cookie should be sent again. */
  extended: boolean;
}

/** The admin `weir up` logs in as when there is none yet. */
export const FIRST_ADMIN_NAME = 'admin';

// Sliding expiry without a write per request: the expiry moves on at most once a minute.
const EXTEND_GRANULARITY_MS = 60_000;

export function loginUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/login?token=${encodeURIComponent(token)}`;
}

export function toUser(u: UserRow): User {
  return { id: u.id, name: u.name, role: u.role };
}

export function createAuthService(store: Store, audit: AuditService, now: () => number, settings: AuthSettings) {
  /** A fresh one-time login token for `user`, valid for loginTokenTtlMs. */
  async function issueLoginToken(repos: Repos, user: UserRow, baseUrl: string): Promise<LoginLink> {
    const token = newSecret();
    const at = now();
    const expiresAt = at + settings.loginTokenTtlMs;
    await repos.auth.insertLoginToken({ tokenHash: hashSecret(token), userId: user.id, role: user.role, createdAt: at, expiresAt });
    return { url: loginUrl(baseUrl, token), token, expiresAt: new Date(expiresAt).toISOString() };
  }

  return {
    issueLoginToken,

    /** Exchanges a one-time login token for a new session. */
    async login(token: string): Promise<NewSession> {
      const tokenHash = hashSecret(token);
      const at = now();
      return store.transaction(async (tx) => {
        const found = await tx.auth.findLoginToken(tokenHash);
        const refuse = (why: string) => new ApiError(401, 'INVALID_LOGIN_TOKEN', `This login link ${why}. Ask an admin for a new one, or restart weir up for a new admin link.`);
        if (!found) throw refuse('is not valid');
        if (found.usedAt !== null) throw refuse('has already been used');
        if (found.expiresAt <= at) throw refuse('has expired');
        // The conditional update decides between two requests racing with one token.
        if (!(await tx.auth.useLoginToken(tokenHash, at))) throw refuse('has already been used');
        const user = await tx.users.get(found.userId);
        if (!user) throw refuse('is not valid');
        const session = newSecret();
        const expiresAt = at + settings.sessionIdleMs;
        await tx.auth.insertSession({ tokenHash: hashSecret(session), userId: user.id, createdAt: at, expiresAt });
        await audit.record(toUser(user), { action: 'auth.login', target: `user:${user.id}` }, tx);
        return { user: toUser(user), token: session, expiresAt };
      });
    },

    /** The session's user, or null when the token is unknown or expired. Moves the expiry on (sliding). */
    async authenticate(sessionToken: string): Promise<Authenticated | null> {
      const tokenHash = hashSecret(sessionToken);
      const found = await store.auth.findSession(tokenHash);
      const at = now();
      if (!found) return null;
      if (found.expiresAt <= at) {
        await store.auth.deleteSession(tokenHash);
        return null;
      }
      const next = at + settings.sessionIdleMs;
      if (next - found.expiresAt < EXTEND_GRANULARITY_MS) return { actor: toUser(found.user), expiresAt: found.expiresAt, extended: false };
      await store.auth.extendSession(tokenHash, next);
      return { actor: toUser(found.user), expiresAt: next, extended: true };
    },

    async logout(actor: Actor, sessionToken: string): Promise<void> {
      await store.transaction(async (tx) => {
        await tx.auth.deleteSession(hashSecret(sessionToken));
        await audit.record(actor, { action: 'auth.logout', target: `user:${actor.id}` }, tx);
      });
    },

    /**
     * A one-time login link for the first admin, creating the admin when there is none.
     * `onlyIfNoAdmin`: do nothing (null) when an admin exists already.
     */
    async adminLoginLink(baseUrl: string, options: { onlyIfNoAdmin?: boolean } = {}): Promise<LoginLink | null> {
      return store.transaction(async (tx) => {
        let admin = await tx.users.firstAdmin();
        if (admin && options.onlyIfNoAdmin) return null;
        if (!admin) {
          const taken = await tx.users.findByName(FIRST_ADMIN_NAME);
          admin = { id: randomUUID(), name: taken ? `${FIRST_ADMIN_NAME}-${randomUUID().slice(0, 6)}` : FIRST_ADMIN_NAME, role: 'admin' as Role, createdAt: now() };
          await tx.users.insert(admin);
          await audit.record(null, { action: 'user.create', target: `user:${admin.id}`, details: { name: admin.name, role: admin.role, reason: 'no admin' } }, tx);
        }
        const link = await issueLoginToken(tx, admin, baseUrl);
        await audit.record(null, { action: 'user.login-link', target: `user:${admin.id}`, details: { name: admin.name, expiresAt: link.expiresAt } }, tx);
        return link;
      });
    },

    async purgeExpired(): Promise<void> {
      await store.auth.purgeExpired(now());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

import { randomUUID } from 'node:crypto';
import type { CreateUserRequest, Role, UserLoginLinkResponse, UserRecord } from '@weir/protocol';
import { ApiError } from '../../api-error';
import type { AuditService } from '../audit-service';
import type { Repos, Store } from '../store/store';
import type { UserRow } from '../store/users-repo';
import { requireRole, type Actor } from './actor';
import type { AuthService } from './auth-service';

function toRecord(u: UserRow): UserRecord {
  return { id: u.id, name: u.name, role: u.role, createdAt: new Date(u.createdAt).toISOString() };
}

/** User administration: every method is admin-only. */
export function createUsersService(store: Store, auth: AuthService, audit: AuditService, now: () => number) {
  async function existing(repos: Repos, id: string): Promise<UserRow> {
    const user = await repos.users.get(id);
    if (!user) throw new ApiError(404, 'NOT_FOUND', `No user with id ${id}`);
    return user;
  }

  // Someone must always be able to manage users.
  async function keepAnAdmin(repos: Repos, user: UserRow, what: string): Promise<void> {
    if (user.role === 'admin' && (await repos.users.countAdmins()) <= 1) {
      throw new ApiError(409, 'LAST_ADMIN', `Cannot ${what} ${user.name}: they are the only admin. Make another user admin first.`);
    }
  }

  return {
    async list(actor: Actor): Promise<UserRecord[]> {
      requireRole(actor, 'admin');
      return (await store.users.list()).map(toRecord);
    },

    /** Creates a user and a one-time login link for them (`baseUrl`: where the link points). */
    async create(actor: Actor, input: CreateUserRequest, baseUrl: string): Promise<UserLoginLinkResponse> {
      requireRole(actor, 'admin');
      const user: UserRow = { id: randomUUID(), name: input.name, role: input.role, createdAt: now() };
      try {
        return await store.transaction(async (tx) => {
          if (await tx.users.findByName(input.name)) throw new ApiError(409, 'NAME_TAKEN', `A user named ${input.name} exists already`);
          await tx.users.insert(user);
          const login = await auth.issueLoginToken(tx, user, baseUrl);
          await audit.record(actor, { action: 'user.create', target: `user:${user.id}`, details: { name: user.name, role: user.role } }, tx);
          return { user: toRecord(user), login };
        });
      } catch (err) {
        if (store.isUniqueViolation(err)) throw new ApiError(409, 'NAME_TAKEN', `A user named ${input.name} exists already`);
        throw err;
      }
    },

    /** A new one-time login link for an existing user (their old links stay valid until used or expired). */
    async loginLink(actor: Actor, id: string, baseUrl: string): Promise<UserLoginLinkResponse> {
      requireRole(actor, 'admin');
      return store.transaction(async (tx) => {
        const user = await existing(tx, id);
        const login = await auth.issueLoginToken(tx, user, baseUrl);
        await audit.record(actor, { action: 'user.login-link', target: `user:${user.id}`, details: { name: user.name, expiresAt: login.expiresAt } }, tx);
        return { user: toRecord(user), login };
      });
    },

    async setRole(actor: Actor, id: string, role: Role): Promise<UserRecord> {
      requireRole(actor, 'admin');
      return store.transaction(async (tx) => {
        const user = await existing(tx, id);
        if (user.role === role) return toRecord(user);
        if (role !== 'admin') await keepAnAdmin(tx, user, 'demote');
        await tx.users.setRole(id, role);
        await audit.record(actor, { action: 'user.update', target: `user:${id}`, details: { name: user.name, role: { before: user.role, after: role } } }, tx);
        return toRecord({ ...user, role });
      });
    },

    /** Deletes the user and ends their sessions; what they saved keeps their name. */
    async delete(actor: Actor, id: string): Promise<void> {
      requireRole(actor, 'admin');
      await store.transaction(async (tx) => {
        const user = await existing(tx, id);
        await keepAnAdmin(tx, user, 'delete');
        await tx.users.delete(id);
        await audit.record(actor, { action: 'user.delete', target: `user:${id}`, details: { name: user.name, role: user.role } }, tx);
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;

import type { Role } from '@weir/protocol';
import { num, type Db, type Row } from './db';

export interface UserRow {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
}

function toUser(r: Row): UserRow {
  return { id: String(r.id), name: String(r.name), role: r.role as Role, createdAt: num(r.created_at) };
}

export function usersRepo(db: Db) {
  return {
    async list(): Promise<UserRow[]> {
      return (await db.all('SELECT * FROM users ORDER BY created_at, name')).map(toUser);
    },
    async get(id: string): Promise<UserRow | undefined> {
      const r = await db.get('SELECT * FROM users WHERE id = ?', [id]);
      return r && toUser(r);
    },
    async findByName(name: string): Promise<UserRow | undefined> {
      const r = await db.get('SELECT * FROM users WHERE name = ?', [name]);
      return r && toUser(r);
    },
    /** The longest-standing admin: the one `weir up` logs in as. */
    async firstAdmin(): Promise<UserRow | undefined> {
      const r = await db.get("SELECT * FROM users WHERE role = 'admin' ORDER BY created_at, id LIMIT 1");
      return r && toUser(r);
    },
    async countAdmins(): Promise<number> {
      const r = await db.get("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'");
      return num(r?.n ?? 0);
    },
    async insert(user: UserRow): Promise<void> {
      await db.run('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)', [user.id, user.name, user.role, user.createdAt]);
    },
    async setRole(id: string, role: Role): Promise<boolean> {
      return (await db.run('UPDATE users SET role = ? WHERE id = ?', [role, id])).changes === 1;
    },
    async delete(id: string): Promise<boolean> {
      return (await db.run('DELETE FROM users WHERE id = ?', [id])).changes === 1;
    },
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;

import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/** Roles in ascending order of power: viewer < operator (deploy, stop, produce) < admin (users, connections, …). */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** True when `role` is at least `required`. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export const UserNameSchema = z.string().trim().min(1).max(100);

/** The signed-in user as the browser sees it. */
export const UserSchema = z.object({ id: IdSchema, name: z.string(), role: RoleSchema });
export type User = z.infer<typeof UserSchema>;

/** `POST /api/auth/login`: exchange a one-time login token (from a login link) for a session cookie. */
export const LoginRequestSchema = z.object({ token: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** `POST /api/auth/login` and `GET /api/auth/me`. */
export const SessionResponseSchema = z.object({ user: UserSchema });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** A user as the admin's user list shows it. */
export const UserRecordSchema = UserSchema.extend({ createdAt: TimestampSchema });
export type UserRecord = z.infer<typeof UserRecordSchema>;

/** `GET /api/users` (admin). */
export const UsersResponseSchema = z.object({ users: z.array(UserRecordSchema) });
export type UsersResponse = z.infer<typeof UsersResponseSchema>;

/** `POST /api/users` (admin). */
export const CreateUserRequestSchema = z.object({ name: UserNameSchema, role: RoleSchema });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** A one-time login link: open `url` once before `expiresAt` to get a session. */
export const LoginLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: TimestampSchema });
export type LoginLink = z.infer<typeof LoginLinkSchema>;

/** `POST /api/users` and `POST /api/users/:id/login-link` (admin). */
export const UserLoginLinkResponseSchema = z.object({ user: UserRecordSchema, login: LoginLinkSchema });
export type UserLoginLinkResponse = z.infer<typeof UserLoginLinkResponseSchema>;

/** `PATCH /api/users/:id` (admin). */
export const UpdateUserRequestSchema = z.object({ role: RoleSchema });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

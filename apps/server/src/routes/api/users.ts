import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiErrorBodySchema, CreateUserRequestSchema, IdParamsSchema, OkSchema, UpdateUserRequestSchema, UserLoginLinkResponseSchema,
  UserRecordSchema, UsersResponseSchema,
} from '@weir/protocol';
import { actorOf } from './actor-of';
import { requestBaseUrl } from './base-url';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema } as const;

/** Admin only; the users service checks the role. */
const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    { schema: { tags: ['users'], summary: 'Every user with their role (admin)', response: { 200: UsersResponseSchema, ...errors } } },
    async (req) => {
      return { users: await app.users.list(actorOf(req)) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with a role and a one-time login link for them (admin)',
        body: CreateUserRequestSchema,
        response: { 200: UserLoginLinkResponseSchema, ...errors, 409: ApiErrorBodySchema },
      },
    },
    async (req) => {
      return app.users.create(actorOf(req), req.body, requestBaseUrl(req));
    },
  );

  app.post(
    '/users/:id/login-link',
    {
      schema: {
        tags: ['users'],
        summary: 'A new one-time login link for a user (admin)',
        params: IdParamsSchema,
        response: { 200: UserLoginLinkResponseSchema, ...errors, 404: ApiErrorBodySchema },
      },
    },
    async (req) => {
      return app.users.loginLink(actorOf(req), req.params.id, requestBaseUrl(req));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role (admin)",
        params: IdParamsSchema,
        body: UpdateUserRequestSchema,
        response: { 200: UserRecordSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => {
      return app.users.setRole(actorOf(req), req.params.id, req.body.role);
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Delete a user and end their sessions (admin)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errors, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema },
      },
    },
    async (req) => {
      await app.users.delete(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};

export default usersRoutes;

import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiErrorBody, ApiErrorCode } from '@weir/protocol';
import { isApiError } from '../../api-error';

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function body(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

// "/items/0/name" → "items.0.name"; the root of the part is named by its location.
function fieldOf(instancePath: string, location: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return path || location;
}

/**
 * Every failure leaves the server as `{ error: { code, message, details? } }`
 * (@weir/protocol ApiErrorBodySchema); internal messages never reach the client.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const location = err.validationContext ?? 'request';
        const issues = err.validation.map((v) => ({ field: fieldOf(v.instancePath, location), message: v.message ?? 'invalid' }));
        const first = issues[0]!;
        return reply
          .code(400)
          .send(body('BAD_REQUEST', `Invalid ${location}: "${first.field}" ${first.message}`, { location, issues }));
      }
      if (isApiError(err)) {
        return reply.code(err.statusCode).send(body(err.code, err.message, err.details));
      }
      if (isResponseSerializationError(err)) {
        req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
        return reply.code(500).send(body('INTERNAL', 'Internal server error'));
      }
      const status = err.statusCode ?? 500;
      const code = CODE_BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'BAD_REQUEST' : undefined);
      if (code && status < 500) return reply.code(status).send(body(code, err.message));
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send(body('INTERNAL', 'Internal server error'));
    });
  },
  { name: 'weir-error-handler' },
);

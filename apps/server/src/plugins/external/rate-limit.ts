import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { ApiError } from '../../api-error';

export default fp(
  async (app) => {
    await app.register(rateLimit, {
      max: app.config.rateLimitMax,
      timeWindow: '1 minute',
      // Thrown by the plugin, so the error handler gives it the common error shape.
      errorResponseBuilder: (_req, context) =>
        new ApiError(429, 'RATE_LIMITED', `Too many requests: at most ${context.max} per ${context.after}. Retry in ${context.after}.`),
    });
  },
  { name: 'weir-rate-limit', dependencies: ['weir-config'] },
);

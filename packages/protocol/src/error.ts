import { z } from 'zod';

/**
 * Codes the server answers with. Stable: the browser and scripts branch on them.
 * Later modules add their own codes here.
 */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'KAFKA_UNAVAILABLE',
  'INTERNAL',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/**
 * The body of every non-2xx answer. `code` is read as a plain string so that an older
 * browser still understands the shape of a code a newer server introduced.
 */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

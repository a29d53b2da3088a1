import { z } from 'zod';

/** `GET /api/health`: answered without a session, so it names no broker, topic or user. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  kafka: z.object({ reachable: z.boolean() }),
});
export type Health = z.infer<typeof HealthSchema>;

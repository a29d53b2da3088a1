import { z } from 'zod';
import { TimestampSchema } from './common';

/** One change, as the audit log keeps it: who did what to which target, and when. */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  time: TimestampSchema,
  /** null for the server itself (startup login token, job resumption). */
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** `pipeline.create`, `job.deploy`, `user.update`, … */
  action: z.string(),
  /** What it concerned: `pipeline:<id>`, `job:<id>`, `user:<id>`; null when nothing in particular. */
  target: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/audit?limit&before` (admin): newest first; `before` is an entry id for paging. */
export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditResponseSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditResponse = z.infer<typeof AuditResponseSchema>;

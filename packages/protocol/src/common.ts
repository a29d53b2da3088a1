import { z } from 'zod';

/** Instants cross the wire as ISO-8601 UTC strings (`2026-01-01T00:00:10.000Z`). */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Ids are opaque strings (UUIDs today). */
export const IdSchema = z.string().min(1).max(100);
export const IdParamsSchema = z.object({ id: IdSchema });

/** The answer of a route that only acknowledges. */
export const OkSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof OkSchema>;

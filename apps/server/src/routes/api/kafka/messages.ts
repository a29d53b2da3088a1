import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordSchemaSchema } from '@weir/model';
import {
  ApiErrorBodySchema, BrowseQuerySchema, BrowseResponseSchema, ExportQuerySchema, ProduceRequestSchema, ProduceResponseSchema,
  SearchCheckRequestSchema, SearchCheckResponseSchema, TopicParamsSchema,
} from '@weir/protocol';
import { ApiError } from '../../../api-error';
import { exportMatches } from '../../../services/kafka/search/export-lines';
import { actorOf } from '../actor-of';

const errors = { 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 404: ApiErrorBodySchema, 503: ApiErrorBodySchema } as const;
const tags = ['kafka'];

function exportSchema(text: string | undefined) {
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'BAD_REQUEST', 'schema: must be a JSON array of { name, type }');
  }
  const parsed = RecordSchemaSchema.safeParse(json);
  if (!parsed.success) throw new ApiError(400, 'BAD_REQUEST', `schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

const messageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/kafka/clusters/:cluster/topics/:topic/messages',
    {
      schema: {
        tags, summary: 'Browse messages: earliest, latest, from an offset or a time, or on from a cursor',
        params: TopicParamsSchema, querystring: BrowseQuerySchema, response: { 200: BrowseResponseSchema, ...errors },
      },
    },
    async (req) => app.kafka.browse(actorOf(req), req.params.cluster, req.params.topic, req.query),
  );

  app.post(
    '/kafka/clusters/:cluster/topics/:topic/messages',
    {
      schema: {
        tags, summary: 'Produce one message (operator)', params: TopicParamsSchema, body: ProduceRequestSchema,
        response: { 200: ProduceResponseSchema, ...errors, 422: ApiErrorBodySchema },
      },
    },
    async (req) => app.kafka.produce(actorOf(req), req.params.cluster, req.params.topic, req.body),
  );

  app.post(
    '/kafka/clusters/:cluster/topics/:topic/search/check',
    {
      schema: {
        tags, summary: 'Type-check a search expression against the given or inferred value schema',
        params: TopicParamsSchema, body: SearchCheckRequestSchema, response: { 200: SearchCheckResponseSchema, ...errors },
      },
    },
    async (req) => app.kafka.checkSearch(actorOf(req), req.params.cluster, req.params.topic, req.body),
  );

  app.get(
    '/kafka/clusters/:cluster/topics/:topic/export',
    {
      schema: {
        tags, summary: 'Download the matches of a search as JSON lines (operator); no match cap',
        params: TopicParamsSchema, querystring: ExportQuerySchema,
        response: { 200: z.string().describe('application/x-ndjson: one ExportLine per line'), ...errors, 422: ApiErrorBodySchema },
      },
    },
    async (req, reply) => {
      const { cluster, topic } = req.params;
      const q = req.query;
      const range = { from: q.from, partition: q.partition ?? null, offset: q.offset, timestamp: q.timestamp, last: q.last, maxMessages: q.maxMessages, maxSeconds: q.maxSeconds };
      // Everything that can fail as an HTTP error happens before the first byte is sent.
      const prepared = await app.kafka.prepareSearch(actorOf(req), cluster, topic, { expression: q.expression, schema: exportSchema(q.schema), range }, 'operator');
      const out = new PassThrough();
      const cancel = new AbortController();
      req.raw.on('close', () => cancel.abort());
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${topic}-${stamp}.jsonl"`)
        .header('cache-control', 'no-store');
      exportMatches(prepared.handle.clients.raw, topic, prepared, { maxMessages: q.maxMessages, maxSeconds: q.maxSeconds }, async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain', { signal: cancel.signal }).catch(() => {});
      }, cancel.signal).then(
        (result) => {
          req.log.info({ topic, scanned: result.scanned, matched: result.matched, reason: result.reason }, 'export finished');
          out.end();
        },
        (err: unknown) => {
          // The answer has begun: the failure can only be reported in the stream itself.
          out.end(`${JSON.stringify({ error: { code: 'KAFKA_UNAVAILABLE', message: err instanceof Error ? err.message : String(err) } })}\n`);
        },
      );
      // A stream is sent as it is (never serialized); the 200 schema only documents it.
      return reply.send(out as unknown as string);
    },
  );
};

export default messageRoutes;

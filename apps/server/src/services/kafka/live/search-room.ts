import type { RawRecord } from '@weir/kafka/raw-cluster';
import {
  KAFKA_EVENTS, KAFKA_ROOMS, SearchParamsSchema, type KafkaMessage, type SearchDoneEvent, type SearchProgressEvent,
} from '@weir/protocol';
import type { z } from 'zod';
import { requireRole } from '../../auth/actor';
import type { LiveGateway } from '../../../plugins/external/socket-io';
import { toApiError } from '../kafka-errors';
import type { KafkaConsole } from '../kafka-console';
import { renderRecord } from '../messages/render';
import { scanTopic } from '../search/scan-topic';
import { LIVE_DISPLAY_LIMIT } from './tail-room';

type SearchParams = z.infer<typeof SearchParamsSchema>;

const FLUSH_MS = 100;
const FLUSH_COUNT = 200;

/**
 * `kafka-search:<id>`: a search runs from the join until it ends or its room empties (leaving
 * the room cancels it). Matches arrive in batches; progress (volatile) about four times a second.
 */
export function registerSearchRoom(live: LiveGateway, kafka: KafkaConsole): void {
  live.onJoin<SearchParams>(KAFKA_ROOMS.search, {
    params: SearchParamsSchema,
    authorize: (actor) => requireRole(actor, 'viewer'),
    async open(ctx) {
      const { cluster, topic } = ctx.params;
      // Expression problems refuse the join, with the problems in the error's details.
      const prepared = await kafka.prepareSearch(ctx.actor, cluster, topic, ctx.params);
      ctx.emit(KAFKA_EVENTS.searchStarted, {
        room: ctx.room,
        schema: prepared.schema,
        inferred: prepared.inferred,
        partitions: prepared.spans.map((s) => ({ partition: s.partition, start: s.start, end: s.end })),
        total: prepared.total,
      });
      let pending: KafkaMessage[] = [];
      let lastFlush = Date.now();
      const flush = () => {
        if (pending.length === 0) return;
        ctx.emit(KAFKA_EVENTS.searchMatches, { room: ctx.room, messages: pending });
        pending = [];
        lastFlush = Date.now();
      };
      const timer = setInterval(() => {
        if (Date.now() - lastFlush >= FLUSH_MS) flush();
      }, FLUSH_MS);
      timer.unref();
      const range = ctx.params.range;
      scanTopic({
        raw: prepared.handle.clients.raw,
        topic,
        spans: prepared.spans,
        search: prepared.search,
        maxMatches: ctx.params.maxMatches,
        maxMessages: range.maxMessages,
        maxSeconds: range.maxSeconds,
        signal: ctx.signal,
        onMatch(partition: number, record: RawRecord) {
          pending.push(renderRecord(partition, record, LIVE_DISPLAY_LIMIT));
          if (pending.length >= FLUSH_COUNT) flush();
        },
        onProgress(p) {
          const event: SearchProgressEvent = { room: ctx.room, ...p };
          ctx.emitVolatile(KAFKA_EVENTS.searchProgress, event);
        },
      }).then(
        (result) => {
          clearInterval(timer);
          flush();
          const { reason, ...progress } = result;
          const done: SearchDoneEvent = { room: ctx.room, ...progress, reason, error: null };
          ctx.emit(KAFKA_EVENTS.searchDone, done);
        },
        (err: unknown) => {
          clearInterval(timer);
          flush();
          const e = toApiError(err, `search ${topic}`, cluster);
          const done: SearchDoneEvent = {
            room: ctx.room, scanned: 0, matched: 0, total: prepared.total, rate: 0, elapsedMs: 0, notJson: 0, evalErrors: 0,
            reason: 'error', error: { code: e.code, message: e.message },
          };
          ctx.emit(KAFKA_EVENTS.searchDone, done);
        },
      );
    },
  });
}

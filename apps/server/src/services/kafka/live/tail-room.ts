import { readPartitions } from '@weir/kafka/read-partitions';
import {
  KAFKA_EVENTS, KAFKA_ROOMS, TailParamsSchema, type KafkaMessage, type TailMessagesEvent,
} from '@weir/protocol';
import type { z } from 'zod';
import { requireRole } from '../../auth/actor';
import type { LiveGateway } from '../../../plugins/external/socket-io';
import { toApiError } from '../kafka-errors';
import type { KafkaConsole } from '../kafka-console';
import { decodeCursor, encodeCursor } from '../messages/cursor';
import { renderRecord } from '../messages/render';
import { topicPartitions } from '../search/resolve-range';

type TailParams = z.infer<typeof TailParamsSchema>;

/** Messages per event: small enough to render at once, large enough to keep up with a busy topic. */
export const TAIL_CHUNK = 200;
/** Live views show less of each value than the browser: the full message is one click away. */
export const LIVE_DISPLAY_LIMIT = 16 * 1024;
// A browser that has not acknowledged a batch within this long is not waited for any more.
const ACK_TIMEOUT_MS = 30_000;

/**
 * `kafka-tail:<id>`: reads the topic from the end (or a cursor) for as long as anyone is in
 * the room, without a consumer group and without a cap. Each batch waits for the browser's
 * acknowledgement, so a slow browser slows the tail instead of piling messages up.
 */
export function registerTailRoom(live: LiveGateway, kafka: KafkaConsole): void {
  live.onJoin<TailParams>(KAFKA_ROOMS.tail, {
    params: TailParamsSchema,
    authorize: (actor) => requireRole(actor, 'viewer'),
    async open(ctx) {
      const { cluster, topic } = ctx.params;
      const h = await kafka.cluster(cluster);
      const raw = h.clients.raw;
      const partitions = await topicPartitions(raw, topic, ctx.params.partition).catch((err: unknown) => {
        throw toApiError(err, `tail ${topic}`, cluster);
      });
      const [lows, highs] = await Promise.all([raw.listOffsets(topic, partitions, 'earliest'), raw.listOffsets(topic, partitions, 'latest')]).catch((err: unknown) => {
        throw toApiError(err, `tail ${topic}`, cluster);
      });
      const cursor = ctx.params.cursor ? decodeCursor(ctx.params.cursor) : null;
      const positions = new Map<number, number>();
      const highWater = new Map<number, number>();
      for (const p of partitions) {
        const low = lows.get(p) ?? 0;
        const high = Math.max(low, highs.get(p) ?? low);
        const start = ctx.params.from === 'earliest' ? low : ctx.params.from === 'cursor' ? Math.min(Math.max(cursor?.get(p) ?? high, low), high) : high;
        positions.set(p, start);
        highWater.set(p, high);
      }
      const behind = () => [...positions].reduce((n, [p, pos]) => n + Math.max(0, (highWater.get(p) ?? pos) - pos), 0);
      const send = async (messages: KafkaMessage[]) => {
        const event: TailMessagesEvent = { room: ctx.room, messages, cursor: encodeCursor(positions), behind: behind() };
        await ctx.emitWithAck(KAFKA_EVENTS.tailMessages, event, ACK_TIMEOUT_MS).catch(() => {});
      };
      // The first event carries no messages, only where the tail starts: a pause before any message can resume from it.
      void send([]);

      void readPartitions(raw, {
        topic,
        ranges: partitions.map((p) => ({ partition: p, start: positions.get(p)!, end: null })),
        signal: ctx.signal,
        maxWaitMs: 500,
        maxBytesPerPartition: 256 * 1024,
        async onBatch(batch) {
          highWater.set(batch.partition, batch.highWatermark);
          const records = batch.records;
          if (records.length === 0) {
            positions.set(batch.partition, batch.position);
            return;
          }
          for (let i = 0; i < records.length && !ctx.signal.aborted; i += TAIL_CHUNK) {
            const chunk = records.slice(i, i + TAIL_CHUNK);
            positions.set(batch.partition, chunk[chunk.length - 1]!.offset + 1);
            await send(chunk.map((r) => renderRecord(batch.partition, r, LIVE_DISPLAY_LIMIT)));
          }
          positions.set(batch.partition, batch.position);
        },
      }).catch((err: unknown) => {
        if (ctx.signal.aborted) return;
        const e = toApiError(err, `tail ${topic}`, cluster);
        ctx.emit(KAFKA_EVENTS.tailError, { room: ctx.room, code: e.code, message: e.message });
        ctx.close(e.code, e.message);
      });
    },
  });
}

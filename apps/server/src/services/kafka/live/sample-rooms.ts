import {
  GroupLagParamsSchema, KAFKA_EVENTS, KAFKA_ROOMS, TopicRatesParamsSchema, type GroupLagEvent, type TopicRatesEvent,
} from '@weir/protocol';
import type { z } from 'zod';
import { requireRole } from '../../auth/actor';
import type { LiveGateway, LiveRoomContext } from '../../../plugins/external/socket-io';
import type { KafkaConsole } from '../kafka-console';
import type { ClusterSample } from '../sampler/compute-sample';

type RatesParams = z.infer<typeof TopicRatesParamsSchema>;
type GroupParams = z.infer<typeof GroupLagParamsSchema>;

function ratesEvent(room: string, s: ClusterSample): TopicRatesEvent {
  return {
    room,
    at: new Date(s.at).toISOString(),
    topics: [...s.topics.values()].map((t) => ({ name: t.name, messages: t.messages, produceRate: t.produceRate, consumeRate: t.consumeRate })),
  };
}

function lagEvent(room: string, group: string, s: ClusterSample): GroupLagEvent | null {
  const g = s.groups.get(group);
  if (!g) return null;
  return { room, point: { at: new Date(s.at).toISOString(), lag: g.lag, topics: g.topics }, state: g.state, offsets: g.offsets };
}

/** Subscribes a room to its cluster's sampler for as long as the room is open. */
async function followSamples<P extends { cluster: string }>(kafka: KafkaConsole, ctx: LiveRoomContext<P>, emit: (s: ClusterSample) => void): Promise<void> {
  const h = await kafka.cluster(ctx.params.cluster);
  const unsubscribe = h.sampler.subscribe(emit);
  ctx.signal.addEventListener('abort', unsubscribe, { once: true });
}

/** `kafka-topics:<cluster>` and `kafka-group:<cluster>:<group>`: one volatile event per sample. */
export function registerSampleRooms(live: LiveGateway, kafka: KafkaConsole): void {
  live.onJoin<RatesParams>(KAFKA_ROOMS.topics, {
    params: TopicRatesParamsSchema,
    key: (p) => p.cluster,
    authorize: (actor) => requireRole(actor, 'viewer'),
    async open(ctx) {
      await followSamples(kafka, ctx, (s) => ctx.emitVolatile(KAFKA_EVENTS.topicRates, ratesEvent(ctx.room, s)));
    },
  });
  live.onJoin<GroupParams>(KAFKA_ROOMS.group, {
    params: GroupLagParamsSchema,
    key: (p) => `${p.cluster}:${p.group}`,
    authorize: (actor) => requireRole(actor, 'viewer'),
    async open(ctx) {
      await followSamples(kafka, ctx, (s) => {
        const e = lagEvent(ctx.room, ctx.params.group, s);
        if (e) ctx.emitVolatile(KAFKA_EVENTS.groupLag, e);
      });
    },
  });
}

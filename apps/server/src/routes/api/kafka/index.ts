import type { FastifyPluginAsync } from 'fastify';
import clusterRoutes from './clusters';
import connectionRoutes from './connections';
import groupRoutes from './groups';
import messageRoutes from './messages';

/** The Kafka console's REST routes (docs/kafka-console.md); registered in the session context. */
const kafkaRoutes: FastifyPluginAsync = async (app) => {
  await app.register(connectionRoutes);
  await app.register(clusterRoutes);
  await app.register(messageRoutes);
  await app.register(groupRoutes);
};

export default kafkaRoutes;

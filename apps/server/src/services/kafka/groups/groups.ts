import type { GroupDetail, GroupList } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import type { ClusterClients } from '../cluster-pool';
import { groupOffsets, type ClusterSample } from '../sampler/compute-sample';
import type { ClusterSampler } from '../sampler/cluster-sampler';
import { committedOffsets, describeGroups } from './read-groups';

/** Every group, with lag from the latest sample (null for groups beyond the sampler's cap). */
export async function listGroups(clients: ClusterClients, sample: ClusterSample): Promise<GroupList> {
  const groups = await clients.call('list consumer groups', (admin) => describeGroups(admin), 20_000);
  return {
    groups: groups.map((g) => {
      const s = sample.groups.get(g.groupId);
      const topics = s ? [...new Set(s.offsets.map((o) => o.topic))] : [...new Set(g.members.flatMap((m) => m.assignment.map((a) => a.topic)))];
      return { groupId: g.groupId, state: g.state, protocolType: g.protocolType, members: g.members.length, topics: topics.sort(), lag: s ? s.lag : null };
    }),
  };
}

/** One group now: members, committed offsets against the high watermarks, and its lag history. */
export async function groupDetail(clients: ClusterClients, groupId: string, sampler: ClusterSampler, intervalMs: number): Promise<GroupDetail> {
  const [described] = await clients.call(`describe group ${groupId}`, (admin) => describeGroups(admin, [groupId]));
  const committed = await clients.call(`fetch offsets of ${groupId}`, (admin) => committedOffsets(admin, groupId));
  if (!described || (described.state === 'Dead' && committed.every((c) => c.offset < 0))) {
    throw new ApiError(404, 'NOT_FOUND', `There is no consumer group ${groupId} on cluster ${clients.name}.`);
  }
  const topics = [...new Set([...committed.map((c) => c.topic), ...described.members.flatMap((m) => m.assignment.map((a) => a.topic))])];
  const watermarks = await clients.raw.watermarks(topics);
  const offsets = groupOffsets(described, committed, watermarks);
  return {
    groupId,
    state: described.state,
    protocolType: described.protocolType,
    protocol: described.protocol,
    members: described.members,
    offsets,
    totalLag: offsets.reduce((n, o) => n + (o.lag ?? 0), 0),
    history: sampler.lagHistory(groupId),
    sampleIntervalMs: intervalMs,
  };
}

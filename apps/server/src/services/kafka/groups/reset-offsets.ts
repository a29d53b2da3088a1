import type { ResetOffsetsPreview, ResetOffsetsRequest } from '@weir/protocol';
import { ApiError } from '../../../api-error';
import type { ClusterClients } from '../cluster-pool';
import { kafkaErrorType } from '../kafka-errors';
import { committedOffsets, describeGroups } from './read-groups';

// A group no member has joined (Empty) or that does not exist yet (Dead) may have its offsets set.
const RESETTABLE = new Set(['Empty', 'Dead']);

/** What a reset would commit, partition by partition, without committing anything. */
export async function previewReset(clients: ClusterClients, groupId: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> {
  const [described] = await clients.call(`describe group ${groupId}`, (admin) => describeGroups(admin, [groupId]));
  const state = described?.state ?? 'Dead';
  const committed = await clients.call(`fetch offsets of ${groupId}`, (admin) => committedOffsets(admin, groupId));
  const current = new Map(committed.filter((c) => c.offset >= 0).map((c) => [`${c.topic}\u0000${c.partition}`, c.offset]));

  let targets: Array<{ topic: string; partitions: number[] }>;
  if (req.topic === null) {
    if (req.partitions) throw new ApiError(400, 'BAD_REQUEST', 'partitions: name a topic to narrow a reset to some of its partitions');
    const byTopic = new Map<string, number[]>();
    for (const c of committed) if (c.offset >= 0) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c.partition]);
    if (byTopic.size === 0) throw new ApiError(400, 'BAD_REQUEST', `topic: ${groupId} has committed no offsets; name the topic to reset it on`);
    targets = [...byTopic].map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a - b) }));
  } else {
    const infos = await clients.raw.partitions(req.topic);
    if (infos.length === 0) throw new ApiError(404, 'NOT_FOUND', `Topic ${req.topic} does not exist on cluster ${clients.name}.`);
    const all = infos.map((i) => i.partition);
    const wanted = req.partitions ?? all;
    const missing = wanted.filter((p) => !all.includes(p));
    if (missing.length > 0) throw new ApiError(400, 'BAD_REQUEST', `partitions: ${req.topic} has no partition ${missing.join(', ')}`);
    targets = [{ topic: req.topic, partitions: [...new Set(wanted)].sort((a, b) => a - b) }];
  }

  const partitions: ResetOffsetsPreview['partitions'] = [];
  for (const t of targets) {
    const [lows, highs, atTime] = await Promise.all([
      clients.raw.listOffsets(t.topic, t.partitions, 'earliest'),
      clients.raw.listOffsets(t.topic, t.partitions, 'latest'),
      req.to.kind === 'timestamp' ? clients.raw.listOffsets(t.topic, t.partitions, Date.parse(req.to.timestamp)) : Promise.resolve(null),
    ]);
    for (const p of t.partitions) {
      const low = lows.get(p) ?? 0;
      const high = Math.max(low, highs.get(p) ?? low);
      let target: number;
      switch (req.to.kind) {
        case 'earliest': target = low; break;
        case 'latest': target = high; break;
        case 'offset': target = Math.min(Math.max(req.to.offset, low), high); break;
        case 'timestamp': {
          // No message at or after the time: the group starts after the last one.
          const found = atTime!.get(p) ?? -1;
          target = found < 0 ? high : Math.min(Math.max(found, low), high);
          break;
        }
      }
      partitions.push({ topic: t.topic, partition: p, current: current.get(`${t.topic}\u0000${p}`) ?? null, target, low, high, lagAfter: high - target });
    }
  }
  return { groupId, state, partitions };
}

function notEmpty(groupId: string, state: string): ApiError {
  return new ApiError(409, 'GROUP_NOT_EMPTY', `Offsets of ${groupId} can be reset only while it has no members; it is ${state}. Stop its consumers first.`, { state });
}

/** Commits the preview's targets, refused while the group has members. */
export async function applyReset(clients: ClusterClients, groupId: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> {
  const preview = await previewReset(clients, groupId, req);
  if (!RESETTABLE.has(preview.state)) throw notEmpty(groupId, preview.state);
  const byTopic = new Map<string, Array<{ partition: number; offset: number }>>();
  for (const p of preview.partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), { partition: p.partition, offset: p.target }]);
  try {
    for (const [topic, offsets] of byTopic) await clients.raw.commitGroupOffsets(groupId, topic, offsets);
  } catch (err) {
    const type = kafkaErrorType(err);
    // A member joined between the check and the commit: the coordinator refuses a commit without a generation.
    if (type === 'UNKNOWN_MEMBER_ID' || type === 'ILLEGAL_GENERATION' || type === 'REBALANCE_IN_PROGRESS') throw notEmpty(groupId, 'no longer empty');
    throw err;
  }
  return preview;
}

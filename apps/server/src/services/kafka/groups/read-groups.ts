import { AssignerProtocol, type Admin, type GroupDescription } from '@weir/kafka';
import type { GroupMember } from '@weir/protocol';
import type { DescribedGroup } from '../sampler/compute-sample';

const DESCRIBE_CHUNK = 50;

function assignmentOf(protocolType: string, buffer: Buffer): GroupMember['assignment'] {
  if (protocolType !== 'consumer' || buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    if (!decoded) return [];
    return Object.entries(decoded.assignment)
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  } catch {
    // A client with its own assignment format (not Kafka's consumer protocol): shown without one.
    return [];
  }
}

export function toDescribedGroup(g: GroupDescription): DescribedGroup {
  return {
    groupId: g.groupId,
    state: g.state,
    protocolType: g.protocolType,
    protocol: g.protocol,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      assignment: assignmentOf(g.protocolType, m.memberAssignment),
    })),
  };
}

/** Describes groups in chunks; `ids` absent: every group the cluster lists. */
export async function describeGroups(admin: Admin, ids?: readonly string[]): Promise<DescribedGroup[]> {
  const groupIds = ids ?? (await admin.listGroups()).groups.map((g) => g.groupId);
  const out: DescribedGroup[] = [];
  for (let i = 0; i < groupIds.length; i += DESCRIBE_CHUNK) {
    const { groups } = await admin.describeGroups(groupIds.slice(i, i + DESCRIBE_CHUNK));
    out.push(...groups.map(toDescribedGroup));
  }
  return out.sort((a, b) => a.groupId.localeCompare(b.groupId));
}

/** Committed offsets of one group on every topic it has any on (offset −1: none). */
export async function committedOffsets(admin: Admin, groupId: string, topics?: string[]): Promise<Array<{ topic: string; partition: number; offset: number }>> {
  const result = await admin.fetchOffsets({ groupId, ...(topics ? { topics } : {}) });
  return result.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) })));
}

/** Runs `fn` over `items` with at most `limit` at a time, results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

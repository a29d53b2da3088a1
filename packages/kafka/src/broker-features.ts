import { InternalDecoderClass, InternalEncoderClass, type InternalDecoder, type ProtocolRequest } from './kafkajs-internals';
import type { RawCluster } from './raw-cluster';

const API_VERSIONS = 18;

export interface BrokerFeatures {
  /** Finalized feature levels of the cluster, e.g. `metadata.version` → 27. */
  finalized: Record<string, number>;
  /** The number of API keys the broker answers. */
  apiCount: number;
}

function skipTaggedFields(d: InternalDecoder): void {
  const count = d.readUVarInt();
  for (let i = 0; i < count; i++) {
    d.readUVarInt();
    d.forward(d.readUVarInt());
  }
}

/**
 * Decodes an ApiVersions v3 response (its header is always v0). The finalized features sit in
 * tagged field 2; kafkajs speaks ApiVersions v2 only and never sees them.
 */
export function decodeApiVersionsV3(raw: Buffer): BrokerFeatures {
  const d = new InternalDecoderClass(raw);
  const errorCode = d.readInt16();
  if (errorCode !== 0) throw new Error(`ApiVersions answered error code ${errorCode}`);
  const apis = d.readUVarIntArray((r: InternalDecoder) => {
    const key = r.readInt16();
    r.readInt16();
    r.readInt16();
    skipTaggedFields(r);
    return key;
  }) ?? [];
  d.readInt32(); // throttle time
  const finalized: Record<string, number> = {};
  const tags = d.readUVarInt();
  for (let i = 0; i < tags; i++) {
    const tag = d.readUVarInt();
    const size = d.readUVarInt();
    if (tag !== 2) {
      d.forward(size);
      continue;
    }
    d.readUVarIntArray((r: InternalDecoder) => {
      const name = r.readUVarIntString();
      const maxLevel = r.readInt16();
      r.readInt16();
      skipTaggedFields(r);
      finalized[name] = maxLevel;
      return name;
    });
  }
  return { finalized, apiCount: apis.length };
}

export function apiVersionsV3Request(): ProtocolRequest {
  return {
    request: {
      apiKey: API_VERSIONS,
      apiVersion: 3,
      apiName: 'ApiVersions',
      // kafkajs writes request header v1; v3 needs header v2, which is v1 plus an (empty)
      // tagged-field section, so the body starts with that section's zero count.
      encode: async () => new InternalEncoderClass()
        .writeUVarInt(0)
        .writeUVarIntString('weir')
        .writeUVarIntString('0.1.0')
        .writeUVarInt(0),
    },
    response: { decode: async (raw: Buffer) => decodeApiVersionsV3(raw), parse: async (data: unknown) => data },
  };
}

/**
 * The release a `metadata.version` feature level belongs to (Kafka's MetadataVersion enum, as
 * `kafka-features version-mapping` prints it: 3.3 ends at level 7, 3.5 at 11, 4.0 at 25, 4.1 at 27).
 */
const FIRST_LEVEL_OF_RELEASE: ReadonlyArray<[number, string]> = [
  [1, '3.0'], [2, '3.1'], [3, '3.2'], [4, '3.3'], [8, '3.4'], [9, '3.5'], [12, '3.6'], [15, '3.7'],
  [20, '3.8'], [21, '3.9'], [22, '4.0'], [26, '4.1'],
];
const NEWEST_KNOWN_LEVEL = 27;

export function releaseOfMetadataVersion(level: number): string | null {
  if (!Number.isInteger(level) || level < 1) return null;
  if (level > NEWEST_KNOWN_LEVEL) return `newer than ${FIRST_LEVEL_OF_RELEASE[FIRST_LEVEL_OF_RELEASE.length - 1]![1]}`;
  let found: string | null = null;
  for (const [from, release] of FIRST_LEVEL_OF_RELEASE) if (level >= from) found = release;
  return found;
}

/** The cluster's finalized features as one broker reports them (ApiVersions v3+). */
export async function brokerFeatures(raw: RawCluster, nodeId: number): Promise<BrokerFeatures | null> {
  return raw.send<BrokerFeatures>(nodeId, (versions) => {
    const v = versions[API_VERSIONS];
    // Before ApiVersions v3 (Kafka 2.7) brokers report no features.
    return v && v.maxVersion >= 3 ? apiVersionsV3Request() : null;
  });
}

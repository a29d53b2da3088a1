import {
  BrowseResponseSchema, ConnectionListSchema, ConnectionSchema, ConnectionTestResultSchema, GroupDetailSchema, GroupListSchema,
  KafkaClusterOverviewSchema, OkSchema, ProduceResponseSchema, ResetOffsetsPreviewSchema, SearchCheckResponseSchema, TopicConfigsSchema,
  TopicDetailSchema, TopicListSchema,
  type AlterTopicConfigsRequest, type BrowseQuery, type BrowseResponse, type Connection, type ConnectionInput, type ConnectionList,
  type ConnectionTestResult, type CreateTopicRequest, type ExportQuery, type GroupDetail, type GroupList, type KafkaClusterOverview,
  type ProduceRequest, type ProduceResponse, type ResetOffsetsPreview, type ResetOffsetsRequest, type SearchCheckRequest,
  type SearchCheckResponse, type TopicConfigs, type TopicDetail, type TopicList,
} from '@weir/protocol';
import { apiGet, apiSend } from '../../../api/client';

const enc = encodeURIComponent;
const cluster = (name: string) => `/api/kafka/clusters/${enc(name)}`;
const topicPath = (c: string, t: string) => `${cluster(c)}/topics/${enc(t)}`;
const groupPath = (c: string, g: string) => `${cluster(c)}/groups/${enc(g)}`;

/** A query string from defined values only. */
export function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const listConnections = (signal?: AbortSignal): Promise<ConnectionList> => apiGet('/api/kafka/connections', ConnectionListSchema, { signal });
export const createConnection = (input: ConnectionInput): Promise<Connection> => apiSend('POST', '/api/kafka/connections', input, ConnectionSchema);
export const updateConnection = (name: string, input: ConnectionInput): Promise<Connection> => apiSend('PUT', `/api/kafka/connections/${enc(name)}`, input, ConnectionSchema);
export const deleteConnection = (name: string): Promise<unknown> => apiSend('DELETE', `/api/kafka/connections/${enc(name)}`, undefined, OkSchema);
export const testConnection = (input: ConnectionInput): Promise<ConnectionTestResult> => apiSend('POST', '/api/kafka/connections/test', input, ConnectionTestResultSchema);

export const fetchOverview = (c: string, signal?: AbortSignal): Promise<KafkaClusterOverview> => apiGet(cluster(c), KafkaClusterOverviewSchema, { signal });
export const fetchTopics = (c: string, includeInternal: boolean, signal?: AbortSignal): Promise<TopicList> =>
  apiGet(`${cluster(c)}/topics${query({ includeInternal })}`, TopicListSchema, { signal });
export const createTopic = (c: string, req: CreateTopicRequest): Promise<TopicDetail> => apiSend('POST', `${cluster(c)}/topics`, req, TopicDetailSchema);
export const fetchTopic = (c: string, t: string, signal?: AbortSignal): Promise<TopicDetail> => apiGet(topicPath(c, t), TopicDetailSchema, { signal });
export const deleteTopic = (c: string, t: string, confirm: string): Promise<unknown> => apiSend('DELETE', topicPath(c, t), { confirm }, OkSchema);
export const alterConfigs = (c: string, t: string, req: AlterTopicConfigsRequest): Promise<TopicConfigs> => apiSend('PATCH', `${topicPath(c, t)}/configs`, req, TopicConfigsSchema);

export const browseMessages = (c: string, t: string, q: BrowseQuery, signal?: AbortSignal): Promise<BrowseResponse> =>
  apiGet(`${topicPath(c, t)}/messages${query(q as Record<string, string | number | undefined>)}`, BrowseResponseSchema, { signal });
export const produceMessage = (c: string, t: string, req: ProduceRequest): Promise<ProduceResponse> => apiSend('POST', `${topicPath(c, t)}/messages`, req, ProduceResponseSchema);
export const checkSearch = (c: string, t: string, req: SearchCheckRequest, signal?: AbortSignal): Promise<SearchCheckResponse> =>
  apiSend('POST', `${topicPath(c, t)}/search/check`, req, SearchCheckResponseSchema, { signal });
/** The address of an export download (a plain link: the browser streams it to disk). */
export const exportUrl = (c: string, t: string, q: ExportQuery): string => `${topicPath(c, t)}/export${query(q as Record<string, string | number | undefined>)}`;

export const fetchGroups = (c: string, signal?: AbortSignal): Promise<GroupList> => apiGet(`${cluster(c)}/groups`, GroupListSchema, { signal });
export const fetchGroup = (c: string, g: string, signal?: AbortSignal): Promise<GroupDetail> => apiGet(groupPath(c, g), GroupDetailSchema, { signal });
export const previewReset = (c: string, g: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> =>
  apiSend('POST', `${groupPath(c, g)}/reset-offsets/preview`, req, ResetOffsetsPreviewSchema);
export const applyReset = (c: string, g: string, req: ResetOffsetsRequest): Promise<ResetOffsetsPreview> =>
  apiSend('POST', `${groupPath(c, g)}/reset-offsets`, req, ResetOffsetsPreviewSchema);

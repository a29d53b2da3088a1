import { ClusterOverviewSchema, HealthSchema, type ClusterOverview, type Health } from '@weir/protocol';
import { apiGet } from './client';

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return apiGet('/api/health', HealthSchema, { signal });
}

export function fetchCluster(includeInternal: boolean, signal?: AbortSignal): Promise<ClusterOverview> {
  return apiGet(`/api/cluster?includeInternal=${includeInternal}`, ClusterOverviewSchema, { signal });
}

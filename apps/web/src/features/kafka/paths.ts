const enc = encodeURIComponent;

/** Addresses of the Kafka console's pages. */
export const kafkaPaths = {
  overview: '/kafka',
  connections: '/kafka/connections',
  topic: (cluster: string, topic: string, tab?: string) => `/kafka/${enc(cluster)}/topics/${enc(topic)}${tab ? `?tab=${tab}` : ''}`,
  groups: (cluster: string) => `/kafka/${enc(cluster)}/groups`,
  group: (cluster: string, group: string) => `/kafka/${enc(cluster)}/groups/${enc(group)}`,
};

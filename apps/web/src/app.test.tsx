// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Health, KafkaClusterOverview, TopicList } from '@weir/protocol';
import { App } from './app';
import { useRouter } from './router/router-store';

const health: Health = { status: 'ok', version: '0.1.0', uptimeSeconds: 12, kafka: { reachable: true } };
// The Kafka page's answers (features/kafka): the connections, the cluster and its topics.
const kafka = {
  '/api/kafka/connections': { status: 200, body: { connections: [{ name: 'default', bootstrapServers: '127.0.0.1:9092', sasl: null, tls: { enabled: false, hasCa: false }, builtIn: true, createdAt: null, updatedAt: null }] } },
  '/api/kafka/clusters/default': {
    status: 200,
    body: {
      cluster: 'default', clusterId: 'c-1', controller: 1, brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092, rack: null, leaderPartitions: 6 }],
      kafkaVersion: '4.1', features: {}, topicCount: 4, internalTopicCount: 2, partitionCount: 26, underReplicatedPartitions: 0, groupCount: 0,
    } satisfies KafkaClusterOverview,
  },
  '/api/kafka/clusters/default/topics': {
    status: 200,
    body: {
      topics: ['clicks', 'orders'].map((name) => ({ name, internal: false, partitions: 3, replicationFactor: 1, messages: 10, sizeBytes: 1000, produceRate: null, consumeRate: null, underReplicatedPartitions: 0 })),
      sizes: { available: true, reason: null },
      sampledAt: null,
    } satisfies TopicList,
  },
};

// The server is replaced by fixed answers: this checks what the shell renders from them.
function serve(routes: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = String(input).split('?')[0]!;
    const r = routes[path] ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: `No route GET ${path}` } } };
    return new Response(JSON.stringify(r.body), { status: r.status });
  });
}

function open(path: string) {
  window.history.replaceState(null, '', path);
  useRouter.getState().sync();
  return render(<App />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('shows the navigation, the theme toggle and the Kafka status', async () => {
    serve({ '/api/health': { status: 200, body: health }, '/api/jobs': { status: 200, body: { jobs: [] } } });
    open('/jobs');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Pipelines', 'Jobs', 'Kafka', 'API reference']);
    expect(screen.getByRole('button', { name: /Switch to (dark|light) theme/ })).toBeTruthy();
    expect(await screen.findByRole('status', { name: 'Kafka connected' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeTruthy();
  });

  it('shows the cluster overview on the Kafka page', async () => {
    serve({ '/api/health': { status: 200, body: health }, ...kafka });
    open('/kafka');
    const topics = await screen.findByRole('table', { name: 'Topics' });
    expect(within(topics).getByText('orders')).toBeTruthy();
    expect(within(topics).getByText('clicks')).toBeTruthy();
    const overview = screen.getByLabelText('Cluster overview');
    expect(within(overview).getByText('Topics').nextSibling?.textContent).toBe('4');
  });

  it('explains a Kafka failure with the server message and code', async () => {
    serve({
      '/api/health': { status: 200, body: { ...health, kafka: { reachable: false } } },
      '/api/kafka/clusters/default': { status: 503, body: { error: { code: 'KAFKA_UNAVAILABLE', message: 'Kafka is unavailable: connection refused' } } },
    });
    open('/kafka');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('connection refused');
    expect(alert.textContent).toContain('KAFKA_UNAVAILABLE');
    expect(await screen.findByRole('status', { name: 'Kafka unreachable' })).toBeTruthy();
  });

  it('sends / to the pipelines page and names unknown pages', async () => {
    serve({ '/api/health': { status: 200, body: health }, '/api/pipelines': { status: 200, body: { pipelines: [] } } });
    open('/');
    expect(await screen.findByRole('heading', { name: 'No pipelines yet' })).toBeTruthy();
    expect(window.location.pathname).toBe('/pipelines');
    cleanup();
    open('/nowhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('shows the signed-in user with their role', async () => {
    serve({ '/api/health': { status: 200, body: health }, '/api/auth/me': { status: 200, body: { user: { id: 'u1', name: 'ada', role: 'operator' } } } });
    open('/jobs');
    expect(await screen.findByRole('button', { name: 'Account: ada (operator)' })).toBeTruthy();
  });

  it('sends a visitor without a session to the login page, keeping where they were going', async () => {
    const unauthenticated = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Log in first' } } };
    serve({ '/api/health': { status: 200, body: health }, '/api/auth/me': unauthenticated, '/api/pipelines': unauthenticated });
    open('/pipelines');
    expect(await screen.findByRole('heading', { name: 'Log in to Weir' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/pipelines');
  });
});

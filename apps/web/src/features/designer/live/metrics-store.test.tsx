// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { memo, Profiler, useEffect, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricsSnapshot, NodeMetrics } from '@weir/model';
import { sourceLag, NodeLiveMetrics, timeShares } from './node-live-metrics';
import { mergeSnapshot, useEdgeLevel, useLiveMetrics, useNodeLive } from './metrics-store';
import { LIVE_TEXT_MIN_ZOOM } from './use-detail-level';

function node(over: Partial<NodeMetrics> = {}): NodeMetrics {
  return {
    recordsInPerSecond: 10, recordsOutPerSecond: 10, recordsInTotal: 100, recordsOutTotal: 100, busyTimeMsPerSecond: 100,
    backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 900, backpressure: 'OK', currentWatermark: null, lateRecords: 0, errors: 0, ...over,
  };
}

function snapshot(time: number, nodes: Record<string, NodeMetrics>, partitions: MetricsSnapshot['partitions'] = []): MetricsSnapshot {
  return { jobId: 'j', time, state: 'RUNNING', nodes, partitions, checkpoints: { lastCompleted: null, inProgress: null, completed: 0, failed: 0 } };
}

afterEach(cleanup);

/** The canvas a node lives in, at a zoom. */
function AtZoom({ zoom, children }: { zoom: number; children: ReactNode }) {
  const api = useStoreApi();
  useEffect(() => api.setState({ transform: [0, 0, zoom] }), [api, zoom]);
  return <>{children}</>;
}
const onCanvas = (ui: ReactNode, zoom = 1) => render(<ReactFlowProvider><AtZoom zoom={zoom}>{ui}</AtZoom></ReactFlowProvider>);
beforeEach(() => useLiveMetrics.getState().clear());

const renders: Record<string, number> = {};
const Probe = memo(function Probe({ id }: { id: string }) {
  const m = useNodeLive(id);
  renders[id] = (renders[id] ?? 0) + 1;
  return <span data-testid={`probe-${id}`}>{m?.recordsOutPerSecond ?? '-'}</span>;
});
const EdgeProbe = memo(function EdgeProbe({ source }: { source: string }) {
  const level = useEdgeLevel(source);
  renders[`edge-${source}`] = (renders[`edge-${source}`] ?? 0) + 1;
  return <span>{level}</span>;
});

describe('the live metrics store', () => {
  it('re-renders a node only for a snapshot that changes its own metrics', () => {
    for (const k of Object.keys(renders)) delete renders[k];
    render(<><Probe id="a" /><Probe id="b" /><EdgeProbe source="b" /></>);
    act(() => useLiveMetrics.getState().apply(snapshot(1, { a: node(), b: node() })));
    expect(renders).toEqual({ a: 2, b: 2, 'edge-b': 2 });
    // Only A's numbers change.
    act(() => useLiveMetrics.getState().apply(snapshot(2, { a: node({ recordsOutPerSecond: 55 }), b: node() })));
    expect(screen.getByTestId('probe-a').textContent).toBe('55');
    expect(renders).toEqual({ a: 3, b: 2, 'edge-b': 2 });
    // B's rate changes but not its level: the node re-renders, the edge's level selector does not.
    act(() => useLiveMetrics.getState().apply(snapshot(3, { a: node({ recordsOutPerSecond: 55 }), b: node({ recordsOutPerSecond: 11 }) })));
    expect(renders).toEqual({ a: 3, b: 3, 'edge-b': 2 });
  });

  it('keeps partition lists and checkpoints that did not change', () => {
    const p = [{ node: 's', topic: 't', partition: 0, offset: 1, endOffset: 5, lag: 4, lagMs: 10 }];
    const first = mergeSnapshot({ nodes: {}, partitions: {}, checkpoints: null }, snapshot(1, { s: node() }, p));
    const second = mergeSnapshot(first, snapshot(2, { s: node() }, p.map((x) => ({ ...x }))));
    expect(second.partitions.s).toBe(first.partitions.s);
    expect(second.checkpoints).toBe(first.checkpoints);
    expect(second.nodes.s).toBe(first.nodes.s);
  });

  it('forgets the previous job when another job’s snapshot arrives', () => {
    useLiveMetrics.getState().apply(snapshot(1, { a: node() }));
    useLiveMetrics.getState().apply({ ...snapshot(2, { b: node() }), jobId: 'k' });
    expect(Object.keys(useLiveMetrics.getState().nodes)).toEqual(['b']);
  });
});

describe('NodeLiveMetrics', () => {
  it('commits (React Profiler) only for the nodes whose own metrics changed', () => {
    const commits: string[] = [];
    const onRender = (id: string) => commits.push(id);
    onCanvas(
      <>
        {['a', 'b', 'c'].map((id) => (
          <Profiler key={id} id={id} onRender={onRender}>
            <NodeLiveMetrics id={id} category={id === 'a' ? 'source' : 'transform'} />
          </Profiler>
        ))}
      </>,
    );
    commits.length = 0;
    const p = [{ node: 'a', topic: 't', partition: 0, offset: 1, endOffset: 5, lag: 4, lagMs: 10 }];
    act(() => useLiveMetrics.getState().apply(snapshot(1, { a: node(), b: node(), c: node() }, p)));
    expect(commits.sort()).toEqual(['a', 'b', 'c']);
    commits.length = 0;
    // Same numbers in new objects (every snapshot is parsed afresh): nothing renders.
    act(() => useLiveMetrics.getState().apply(snapshot(2, { a: node(), b: node(), c: node() }, p.map((x) => ({ ...x })))));
    expect(commits).toEqual([]);
    // B's rate and A's lag move: B and A render, C does not.
    act(() => useLiveMetrics.getState().apply(snapshot(3, { a: node(), b: node({ recordsInPerSecond: 99 }), c: node() }, [{ ...p[0]!, lag: 9 }])));
    expect(commits.sort()).toEqual(['a', 'b']);
  });

  it('shows rates, backpressure, a source’s lag with its partitions, and nothing without a job', () => {
    const { container } = onCanvas(<NodeLiveMetrics id="src" category="source" />);
    expect(container.textContent).toBe('');
    act(() => useLiveMetrics.getState().apply(snapshot(1, { src: node({ recordsOutPerSecond: 12_300, backPressuredTimeMsPerSecond: 700, backpressure: 'HIGH' }) }, [
      { node: 'src', topic: 'orders', partition: 0, offset: 1, endOffset: 11, lag: 10, lagMs: 2500 },
      { node: 'src', topic: 'orders', partition: 1, offset: 1, endOffset: 31, lag: 30, lagMs: 500 },
    ])));
    const el = screen.getByTestId('live-src');
    expect(el.dataset.backpressure).toBe('HIGH');
    expect(el.textContent).toContain('out 12.3k/s');
    const lag = screen.getByTestId('live-lag-src');
    expect(lag.textContent).toBe('lag 40 · 2.5 s');
    expect(lag.title).toBe('orders[0]: 10 behind, 2.5 s\norders[1]: 30 behind, 500 ms');
  });

  it('zoomed far out, shows the bar alone and follows the zoom back in', () => {
    const ui = <NodeLiveMetrics id="n" category="window" />;
    const view = onCanvas(ui, LIVE_TEXT_MIN_ZOOM / 2);
    act(() => useLiveMetrics.getState().apply(snapshot(1, { n: node({ recordsInPerSecond: 4200, backpressure: 'LOW' }) })));
    const el = screen.getByTestId('live-n');
    expect(el.dataset.detail).toBe('bar');
    expect(el.dataset.backpressure).toBe('LOW');
    expect(el.textContent).toBe('');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('busy 10%, back-pressured 0%');
    view.rerender(<ReactFlowProvider><AtZoom zoom={1}>{ui}</AtZoom></ReactFlowProvider>);
    expect(screen.getByTestId('live-n').textContent).toContain('in 4.20k/s');
  });

  it('sums a source’s lag over its partitions and takes the worst time', () => {
    expect(sourceLag([])).toEqual({ records: 0, ms: null });
    expect(sourceLag([
      { node: 's', topic: 't', partition: 0, offset: 0, endOffset: 3, lag: 3, lagMs: null },
      { node: 's', topic: 't', partition: 1, offset: 0, endOffset: 4, lag: 4, lagMs: 90 },
    ])).toEqual({ records: 7, ms: 90 });
  });

  it('shows the time split in whole percents that never add up to more than 100', () => {
    expect(timeShares({ busyTimeMsPerSecond: 304, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 696 })).toEqual({ busy: 30, bp: 0, idle: 70 });
    // 301 and 303 ms draw the same bar: the memoized bar is not re-rendered for them.
    expect(timeShares({ busyTimeMsPerSecond: 301, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 699 })).toEqual(timeShares({ busyTimeMsPerSecond: 303, backPressuredTimeMsPerSecond: 0, idleTimeMsPerSecond: 697 }));
    expect(timeShares({ busyTimeMsPerSecond: 996, backPressuredTimeMsPerSecond: 996, idleTimeMsPerSecond: 996 })).toEqual({ busy: 100, bp: 0, idle: 0 });
    expect(timeShares({ busyTimeMsPerSecond: 455, backPressuredTimeMsPerSecond: 545, idleTimeMsPerSecond: 0 })).toEqual({ busy: 46, bp: 54, idle: 0 });
  });
});

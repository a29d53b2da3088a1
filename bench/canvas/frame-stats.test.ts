import { describe, expect, it } from 'vitest';
import { framesByProcess, frameStats, percentile, type TraceEvent } from './frame-stats';

const RENDERER = 10;
const BROWSER = 1;
const MAIN = 100;
const COMPOSITOR = 101;

function meta(): TraceEvent[] {
  return [
    { name: 'process_name', ph: 'M', ts: 0, pid: RENDERER, tid: 0, args: { name: 'Renderer' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: RENDERER, tid: MAIN, args: { name: 'CrRendererMain' } },
    { name: 'process_name', ph: 'M', ts: 0, pid: BROWSER, tid: 0, args: { name: 'Browser' } },
  ];
}

let nextId = 0;
/** One PipelineReporter slice: `ms` long from `startMs`, in `state`. */
function frame(pid: number, sequence: number, startMs: number, ms: number, state = 'STATE_PRESENTED_ALL', type?: string): TraceEvent[] {
  const id2 = { local: `0x${(nextId++).toString(16)}` };
  const reporter = { frame_sequence: sequence, state, ...(type ? { frame_type: type } : {}) };
  return [
    { name: 'PipelineReporter', ph: 'b', ts: startMs * 1000, pid, tid: COMPOSITOR, id2, args: { frame_reporter: reporter } },
    { name: 'PipelineReporter', ph: 'e', ts: (startMs + ms) * 1000, pid, tid: COMPOSITOR, id2, args: {} },
  ];
}

function task(startMs: number, ms: number): TraceEvent {
  return { name: 'RunTask', ph: 'X', ts: startMs * 1000, dur: ms * 1000, pid: RENDERER, tid: MAIN };
}

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('frameStats', () => {
  it('measures the renderer’s presented frames, not the browser’s, and counts dropped ones', () => {
    const events = [
      ...meta(),
      // 19 quick frames and one slow one in the page; the browser UI's own frames are ignored.
      ...Array.from({ length: 19 }, (_, i) => frame(RENDERER, i, i * 16.7, 8)).flat(),
      ...frame(RENDERER, 19, 19 * 16.7, 40),
      ...frame(RENDERER, 20, 20 * 16.7 + 40, 16.7, 'STATE_DROPPED'),
      ...frame(RENDERER, 21, 21 * 16.7 + 40, 1, 'STATE_NO_UPDATE_DESIRED'),
      ...Array.from({ length: 50 }, (_, i) => frame(BROWSER, i, i * 16.7, 30)).flat(),
      task(0, 5),
      task(100, 60),
    ];
    const s = frameStats(events);
    expect(s.pid).toBe(RENDERER);
    expect(s.frames).toBe(20);
    expect(s.dropped).toBe(1);
    expect(s.p50Ms).toBe(8);
    expect(s.p95Ms).toBe(8);
    expect(s.maxMs).toBe(40);
    expect(s.over16msShare).toBe(0.05);
    expect(s.longTasks).toBe(1);
    expect(s.longestTaskMs).toBe(60);
    expect(s.mainThreadBusyShare).toBeGreaterThan(0);
  });

  it('keeps the main reporter of a frame over a forked one of the same sequence', () => {
    const byPid = framesByProcess([...frame(RENDERER, 5, 0, 30, 'STATE_PRESENTED_PARTIAL', 'FORKED'), ...frame(RENDERER, 5, 0, 12)]);
    expect(byPid.get(RENDERER)).toEqual([{ start: 0, end: 12_000, ms: 12, state: 'STATE_PRESENTED_ALL', sequence: 5 }]);
  });

  it('says which category is missing when the trace has no frames', () => {
    expect(() => frameStats(meta())).toThrow(/disabled-by-default-devtools\.timeline\.frame/);
  });
});

// Frame times from a Chromium performance trace (the JSON of Tracing.end / browser.stopTracing).
//
// A frame is what DevTools' Performance panel draws in its Frames track: Chromium's
// `PipelineReporter` async slice of the page's compositor, from the BeginImplFrame that
// starts it to the presentation of its result (or to the moment it is dropped). Its length
// is the frame time: main-thread work (React, style, layout, paint), commit, raster and
// draw of that frame. The page's renderer is the Renderer process with the most frames.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string | number;
  id2?: { local?: string; global?: string };
  args?: Record<string, unknown>;
}

export interface Frame {
  /** Trace clock, microseconds. */
  start: number;
  end: number;
  ms: number;
  state: string;
  sequence: number;
}

export interface FrameStats {
  /** Presented frames (all or part of the update shown). */
  frames: number;
  /** Frames that started and were dropped: a missed update, visible as jank. */
  dropped: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames presented per second over the traced window. */
  fps: number;
  /** Presented frames whose time exceeded 16.7 ms (one 60 Hz interval), as a share. */
  over16msShare: number;
  /** The renderer main thread: share of the window spent in tasks, and tasks over 50 ms. */
  mainThreadBusyShare: number;
  longTasks: number;
  longestTaskMs: number;
  windowMs: number;
}

const PRESENTED = new Set(['STATE_PRESENTED_ALL', 'STATE_PRESENTED_PARTIAL']);
export const FRAME_BUDGET_MS = 1000 / 60;

/** The nearest-rank percentile (p in 0..100) of a list; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

function reporter(e: TraceEvent): { state?: string; frame_sequence?: number; frame_type?: string } {
  return ((e.args?.frame_reporter ?? e.args?.data ?? {}) as { state?: string; frame_sequence?: number; frame_type?: string });
}

function renderers(events: readonly TraceEvent[]): Map<number, { main: number | null }> {
  const out = new Map<number, { main: number | null }>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name' && (e.args?.name as string | undefined) === 'Renderer') {
      if (!out.has(e.pid)) out.set(e.pid, { main: null });
    }
  }
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string | undefined) === 'CrRendererMain') {
      const r = out.get(e.pid);
      if (r) r.main = e.tid;
    }
  }
  return out;
}

/** Every frame of every process, by pid: PipelineReporter begin/end pairs, one per frame sequence. */
export function framesByProcess(events: readonly TraceEvent[]): Map<number, Frame[]> {
  const open = new Map<string, TraceEvent>();
  const byPid = new Map<number, Map<number, Frame & { forked: boolean }>>();
  for (const e of events) {
    if (e.name !== 'PipelineReporter' || (e.ph !== 'b' && e.ph !== 'e')) continue;
    const key = `${e.pid}:${e.id2?.local ?? e.id2?.global ?? e.id ?? ''}`;
    if (e.ph === 'b') {
      open.set(key, e);
      continue;
    }
    const begin = open.get(key);
    if (!begin) continue;
    open.delete(key);
    const r = reporter(begin);
    const end = reporter(e);
    const sequence = r.frame_sequence ?? -1;
    // A frame's state can be refined on its end event; the begin carries it otherwise.
    const frame = { start: begin.ts, end: e.ts, ms: (e.ts - begin.ts) / 1000, state: end.state ?? r.state ?? 'UNKNOWN', sequence, forked: (end.frame_type ?? r.frame_type) === 'FORKED' };
    let frames = byPid.get(e.pid);
    if (!frames) byPid.set(e.pid, (frames = new Map()));
    const seen = frames.get(sequence);
    // A forked reporter shadows the main one for the same sequence: keep the main one.
    if (!seen || (seen.forked && !frame.forked)) frames.set(sequence, frame);
  }
  const out = new Map<number, Frame[]>();
  for (const [pid, frames] of byPid) out.set(pid, [...frames.values()].map(({ forked: _f, ...f }) => f).sort((a, b) => a.start - b.start));
  return out;
}

/** A stretch of the trace, in its clock (microseconds): [start, end). */
export type Window = readonly [number, number];

const inside = (ts: number, windows: readonly Window[] | null) => windows === null || windows.some(([a, b]) => ts >= a && ts < b);

/**
 * The page's frames and main-thread load: over the whole trace, or over the frames that
 * start (and the tasks that start) inside `windows`.
 */
export function frameStats(events: readonly TraceEvent[], windows: readonly Window[] | null = null): FrameStats & { pid: number } {
  const procs = renderers(events);
  const byPid = framesByProcess(events);
  let pid = -1;
  let best = -1;
  for (const [p, frames] of byPid) {
    if (procs.has(p) && frames.length > best) {
      best = frames.length;
      pid = p;
    }
  }
  if (pid === -1) throw new Error('the trace has no PipelineReporter frames of a renderer: was the disabled-by-default-devtools.timeline.frame category on?');
  const frames = byPid.get(pid)!.filter((f) => inside(f.start, windows));
  const presented = frames.filter((f) => PRESENTED.has(f.state));
  const dropped = frames.filter((f) => f.state === 'STATE_DROPPED').length;
  const times = presented.map((f) => f.ms);

  const main = procs.get(pid)?.main ?? null;
  let busyUs = 0;
  let longTasks = 0;
  let longest = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (e.pid !== pid || e.ts <= 0 || !inside(e.ts, windows)) continue;
    if (e.ph === 'X' || e.ph === 'b' || e.ph === 'B') first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
    if (e.tid !== main || e.ph !== 'X' || e.name !== 'RunTask' || e.dur === undefined) continue;
    busyUs += e.dur;
    longest = Math.max(longest, e.dur);
    if (e.dur > 50_000) longTasks++;
  }
  const windowMs = windows === null ? (last > first ? (last - first) / 1000 : 0) : windows.reduce((a, [s0, s1]) => a + (s1 - s0), 0) / 1000;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    pid,
    frames: presented.length,
    dropped,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.length > 0 ? Math.max(...times) : 0),
    fps: windowMs > 0 ? round(presented.length / (windowMs / 1000)) : 0,
    over16msShare: times.length > 0 ? round(times.filter((t) => t > FRAME_BUDGET_MS).length / times.length) : 0,
    mainThreadBusyShare: windowMs > 0 ? round(busyUs / 1000 / windowMs) : 0,
    longTasks,
    longestTaskMs: round(longest / 1000),
    windowMs: Math.round(windowMs),
  };
}

/** The page's `performance.mark(name)` calls whose name starts with `prefix`, in trace time, in order. */
export function marks(events: readonly TraceEvent[], prefix: string): { name: string; ts: number }[] {
  const seen = new Map<string, number>();
  for (const e of events) {
    if (!e.name.startsWith(prefix) || !(e.cat ?? '').includes('blink.user_timing')) continue;
    // A mark may be recorded as more than one event: the first is its time.
    if (!seen.has(e.name) || e.ts < seen.get(e.name)!) seen.set(e.name, e.ts);
  }
  return [...seen].map(([name, ts]) => ({ name, ts })).sort((a, b) => a.ts - b.ts);
}

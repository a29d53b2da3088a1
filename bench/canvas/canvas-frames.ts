/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: the DOM types are for them.
//
// The live canvas under load: a 150-node pipeline on the designer canvas receiving its job's
// metrics snapshot every second while the user pans and zooms, in Chromium performance
// traces. Reported, not asserted (goal: 95th-percentile frame time under 16.7 ms), against
// baselines in the same run:
// - `paused`: the same live canvas, the same pan and zoom, while the snapshots are held back
//   (the bench's WebSocket route drops `job:snapshot` messages). Live and paused stretches
//   alternate (5 s each by default) inside one trace, so load from the rest of a shared
//   machine falls on both alike; `p95Ratio` is live / paused.
// - `noJob`: the same pipeline before it is deployed (the plain designer canvas), 30 s.
//
// Everything is real: `weir up` (server, built web app, its own Kafka broker, demo data) as
// e2e starts it, the pipeline deployed on the embedded engine reading the demo clicks, the
// snapshots its worker publishes, fanned out by the live gateway; Debian's Chromium.
//
//   npm run bench:canvas [-- --seconds 30 --segment 5 --nodes 150 --port 3390 --kafka-port 39492 --no-build --keep-traces]
//
// Writes bench/results/canvas-latest.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { machineInfo } from '../lib/machine';
import { FRAME_BUDGET_MS, frameStats, marks, type FrameStats, type TraceEvent, type Window } from './frame-stats';
import { deployLive, openCanvas, saveBigPipeline, stopJob, TRACE_CATEGORIES } from './canvas-session';
import { panAndZoom } from './pan-zoom';
import { startWeirUp } from './weir-up';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
/** The e2e flags (playwright.config.ts, design.md): headless, software compositing. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const log = (m: string) => process.stderr.write(`[canvas] ${m}\n`);

export interface Phase extends FrameStats {
  /** job:snapshot messages that reached the page in this phase. */
  snapshots: number;
}

/**
 * Routes the page's live socket through the bench: every message passes, except snapshots
 * while `paused`. Counted, so a phase says how many snapshots it really had.
 */
async function routeLiveSocket(page: Page): Promise<{ paused: boolean; delivered: number; held: number }> {
  const gate = { paused: false, delivered: 0, held: 0 };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (typeof m === 'string' && m.includes('"job:snapshot"')) {
        if (gate.paused) {
          gate.held++;
          return;
        }
        gate.delivered++;
      }
      ws.send(m);
    });
  });
  return gate;
}

/**
 * Counts, per burst of DOM changes (a snapshot's update), how many canvas nodes changed and
 * how many DOM mutations it took (nodes, edges and their labels): a node re-renders only for
 * its own metrics, so at most the nodes whose numbers moved; fewer writes, less to restyle.
 */
async function watchCanvasUpdates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __weirBench: { nodes: number[]; mutations: number[] } };
    w.__weirBench = { nodes: [], mutations: [] };
    const root = document.querySelector('.react-flow__viewport');
    if (!root) return;
    let changed = new Set<Element>();
    let mutations = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    new MutationObserver((records) => {
      for (const r of records) {
        // Panning and zooming restyle only the viewport itself: not a snapshot's work.
        if (r.target === root) continue;
        mutations++;
        const el = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('.react-flow__node');
        if (el) changed.add(el);
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (mutations > 0) {
          w.__weirBench.nodes.push(changed.size);
          w.__weirBench.mutations.push(mutations);
        }
        changed = new Set();
        mutations = 0;
      }, 300);
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function trace(page: Page, run: () => Promise<void>, file: string | null): Promise<TraceEvent[]> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await run();
  const buf = await browser.stopTracing();
  if (file) {
    writeFileSync(file, buf);
    log(`trace in ${file} (DevTools' Performance panel opens it)`);
  }
  const parsed = JSON.parse(buf.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
}

const mark = (page: Page, name: string) => page.evaluate((n) => void performance.mark(n), name);

function phase(events: readonly TraceEvent[], windows: readonly Window[] | null, snapshots: number): Phase {
  const { pid: _pid, ...stats } = frameStats(events, windows);
  return { ...stats, snapshots };
}

export interface CanvasResult {
  nodes: number;
  /** Seconds of each of live and paused (alternating stretches of `segmentSeconds`), and of noJob. */
  seconds: number;
  segmentSeconds: number;
  noJob: Phase;
  paused: Phase;
  live: Phase;
  /** live p95 / paused p95 (same canvas, interleaved), and live p95 / noJob p95. */
  p95Ratio: number;
  p95RatioToNoJob: number;
  /** Median, over the snapshots of the live phase, of canvas nodes whose DOM changed. */
  nodesChangedPerSnapshot: number | null;
  /** Median DOM mutations (attributes, text, elements) per snapshot on the canvas. */
  domMutationsPerSnapshot: number | null;
  goalMs: number;
  goalMet: boolean;
}

export interface CanvasOptions {
  nodes: number;
  seconds: number;
  segment: number;
  port: number;
  kafkaPort: number;
  build: boolean;
  keepTraces: boolean;
}

export async function canvasFrames(opts: CanvasOptions): Promise<CanvasResult> {
  if (opts.build) {
    log('building the web app (npm run build:web)');
    const b = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('npm run build:web failed');
  }
  const weir = await startWeirUp({ root: ROOT, port: opts.port, kafkaPort: opts.kafkaPort, dataDir: join(ROOT, `.weir-bench-canvas-${opts.port}`), log: () => {} });
  log(`weir up at ${weir.url}`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({ baseURL: weir.url, viewport: { width: 1600, height: 1000 } });
  let jobId: string | null = null;
  const traceFile = (name: string) => (opts.keepTraces ? join(tmpdir(), `weir-canvas-${name}.json`) : null);
  try {
    const pipelineId = await saveBigPipeline(context, weir.adminToken, `canvas-bench-${Date.now().toString(36)}`, opts.nodes);
    const page = await context.newPage();
    const gate = await routeLiveSocket(page);
    await openCanvas(page, pipelineId, opts.nodes);
    log(`canvas shows ${opts.nodes} nodes; warming up`);
    await panAndZoom(page, 3000);
    log(`noJob: ${opts.seconds} s of panning and zooming before the job runs`);
    const noJobEvents = await trace(page, () => panAndZoom(page, opts.seconds * 1000).then(() => {}), traceFile('no-job'));
    const noJob = phase(noJobEvents, null, 0);
    log(`noJob: p95 ${noJob.p95Ms} ms over ${noJob.frames} frames`);

    jobId = await deployLive(context, page, pipelineId, opts.nodes);
    log(`job ${jobId} deployed; every node shows its metrics`);
    await panAndZoom(page, 3000);
    await watchCanvasUpdates(page);

    const segments = Math.max(1, Math.round(opts.seconds / opts.segment));
    log(`live and paused: ${segments} stretches of ${opts.segment} s each, alternating, panning and zooming throughout`);
    const counts = { live: 0, paused: 0 };
    const liveEvents = await trace(page, async () => {
      for (let i = 0; i < segments * 2; i++) {
        const paused = i % 2 === 1;
        gate.paused = paused;
        const before = gate.delivered;
        await mark(page, `weir:${paused ? 'paused' : 'live'}:${i}`);
        await panAndZoom(page, opts.segment * 1000);
        counts[paused ? 'paused' : 'live'] += gate.delivered - before;
      }
      gate.paused = false;
      await mark(page, 'weir:end');
    }, traceFile('live'));
    const bounds = marks(liveEvents, 'weir:');
    if (bounds.length !== segments * 2 + 1) throw new Error(`the trace holds ${bounds.length} of the ${segments * 2 + 1} segment marks`);
    const windows = (kind: string): Window[] => bounds.slice(0, -1).flatMap((b, i) => (b.name.startsWith(`weir:${kind}:`) ? [[b.ts, bounds[i + 1]!.ts] as const] : []));
    const live = phase(liveEvents, windows('live'), counts.live);
    const paused = phase(liveEvents, windows('paused'), counts.paused);
    log(`live: p95 ${live.p95Ms} ms over ${live.frames} frames, ${live.snapshots} snapshots; paused: p95 ${paused.p95Ms} ms over ${paused.frames} frames (${gate.held} snapshots held back)`);
    const bursts = await page.evaluate(() => (window as unknown as { __weirBench?: { nodes: number[]; mutations: number[] } }).__weirBench ?? { nodes: [], mutations: [] });
    const median = (xs: number[]) => (xs.length > 0 ? [...xs].sort((a, b) => a - b)[xs.length >> 1]! : null);
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
    return {
      nodes: opts.nodes,
      seconds: opts.seconds,
      segmentSeconds: opts.segment,
      noJob,
      paused,
      live,
      p95Ratio: ratio(live.p95Ms, paused.p95Ms),
      p95RatioToNoJob: ratio(live.p95Ms, noJob.p95Ms),
      nodesChangedPerSnapshot: median(bursts.nodes),
      domMutationsPerSnapshot: median(bursts.mutations),
      goalMs: Math.round(FRAME_BUDGET_MS * 10) / 10,
      goalMet: live.p95Ms < FRAME_BUDGET_MS,
    };
  } finally {
    if (jobId) await stopJob(context, jobId);
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
    await weir.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '30' },
      segment: { type: 'string', default: '5' },
      nodes: { type: 'string', default: '150' },
      port: { type: 'string', default: '3390' },
      'kafka-port': { type: 'string', default: '39492' },
      'no-build': { type: 'boolean', default: false },
      'keep-traces': { type: 'boolean', default: false },
    },
  });
  const machine = machineInfo();
  canvasFrames({
    nodes: Number(values.nodes), seconds: Number(values.seconds), segment: Number(values.segment), port: Number(values.port),
    kafkaPort: Number(values['kafka-port']), build: !values['no-build'], keepTraces: values['keep-traces'],
  }).then(
    (r) => {
      const dir = join(ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const out = { date: new Date().toISOString(), machine, chromium: { executable: '/usr/bin/chromium', flags: CHROMIUM_FLAGS, headless: true }, ...r };
      writeFileSync(join(dir, 'canvas-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
      process.stdout.write(`${JSON.stringify({ noJobP95Ms: r.noJob.p95Ms, pausedP95Ms: r.paused.p95Ms, liveP95Ms: r.live.p95Ms, p95Ratio: r.p95Ratio, goalMet: r.goalMet })}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      log(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: the DOM types are for them.
//
// A/B of CSS variants on the canvas in ONE Chromium trace: the same 150-node pipeline as
// `bench:canvas` (live by default), panned and zoomed, with each variant's stylesheet swapped in
// for a stretch, round after round, each round starting one variant further on (base, A, B;
// A, B, base; …), so the load of a shared machine and the place in the round fall on all of
// them alike. How the canvas changes of bench/README.md were measured
// before they were made in the source. Per variant: frame stats (frame-stats.ts) and the
// renderer's time in Layerize, HitTest, Paint, Layout, style, raster and script.
//
// Calibrate before reading a difference: two variants with no effect (`--variant 'same=/* */'`)
// differ here by up to ≈ 10 % at p95 and 2× in dropped frames; the renderer's work per event
// type (Layerize, Paint, …) is steadier than the frame times.
//
//   npm run bench:canvas:ab -- --variant 'noDots=.weir-dot-grid{display:none}' [--variant …]
//     [--rounds 4 --segment 5 --nodes 150 --no-job --port 3390 --kafka-port 39492]
//
// Writes bench/results/canvas-ab-latest.json (the CSS of each variant and its figures).
// The page's CSP drops injected <style> elements, so the context bypasses CSP; without that
// every variant would be the base. Uses the built web app (`npm run build:web` first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { machineInfo } from '../lib/machine';
import { CHROMIUM_FLAGS } from './canvas-frames';
import { deployLive, openCanvas, saveBigPipeline, stopJob, TRACE_CATEGORIES } from './canvas-session';
import { frameStats, marks, type TraceEvent, type Window } from './frame-stats';
import { panAndZoom } from './pan-zoom';
import { startWeirUp } from './weir-up';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const WORK = ['Layerize', 'HitTest', 'Paint', 'Layout', 'UpdateLayoutTree', 'PrePaint', 'Commit', 'FunctionCall', 'RasterTask'];
const log = (m: string) => process.stderr.write(`[css-ab] ${m}\n`);

export function parseVariant(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new Error(`--variant wants name=css, got "${arg}"`);
  return [arg.slice(0, eq), arg.slice(eq + 1)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string', multiple: true, default: [] },
      rounds: { type: 'string', default: '4' },
      segment: { type: 'string', default: '5' },
      nodes: { type: 'string', default: '150' },
      'no-job': { type: 'boolean', default: false },
      port: { type: 'string', default: '3390' },
      'kafka-port': { type: 'string', default: '39492' },
    },
  });
  const variants = new Map<string, string>([['base', ''], ...values.variant.map(parseVariant)]);
  if (variants.size < 2) throw new Error('give at least one --variant name=css to compare with the base');
  const machine = machineInfo();
  const nodes = Number(values.nodes);
  const port = Number(values.port);
  const weir = await startWeirUp({ root: ROOT, port, kafkaPort: Number(values['kafka-port']), dataDir: join(ROOT, `.weir-bench-canvas-${port}`), log: () => {} });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({ baseURL: weir.url, viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  let jobId: string | null = null;
  try {
    const pipelineId = await saveBigPipeline(context, weir.adminToken, `css-ab-${Date.now().toString(36)}`, nodes);
    const page = await context.newPage();
    await openCanvas(page, pipelineId, nodes);
    if (!values['no-job']) jobId = await deployLive(context, page, pipelineId, nodes);
    await panAndZoom(page, 3000);
    const rounds = Number(values.rounds);
    log(`${variants.size} variants × ${rounds} rounds × ${values.segment} s, ${values['no-job'] ? 'no job' : 'live'}`);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate(() => void performance.mark('ab:warm-up:0'));
    // Unmeasured: the first seconds of a trace carry its start-up (with 1 s here, the first
    // stretch measured ran ≈ 10 % slower than the same CSS later in the trace).
    await panAndZoom(page, Number(values.segment) * 1000);
    const order = [...variants];
    let i = 1;
    for (let r = 0; r < rounds; r++) {
      for (const [name, css] of [...order.slice(r % order.length), ...order.slice(0, r % order.length)]) {
        await page.evaluate((text) => {
          document.getElementById('css-ab')?.remove();
          const style = document.createElement('style');
          style.id = 'css-ab';
          style.textContent = text;
          document.head.appendChild(style);
        }, css);
        await page.evaluate((m) => void performance.mark(m), `ab:${name}:${i++}`);
        await panAndZoom(page, Number(values.segment) * 1000);
      }
    }
    await page.evaluate(() => void performance.mark('ab:end'));
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const bounds = marks(events, 'ab:');
    const out: Record<string, unknown> = {};
    for (const name of variants.keys()) {
      const windows: Window[] = bounds.slice(0, -1).flatMap((b, k) => (b.name.startsWith(`ab:${name}:`) ? [[b.ts, bounds[k + 1]!.ts] as const] : []));
      const { pid: _pid, ...stats } = frameStats(events, windows);
      const inWindow = (ts: number) => windows.some(([a, b]) => ts >= a && ts < b);
      const workMs: Record<string, number> = {};
      for (const e of events) {
        if (e.ph !== 'X' || e.dur === undefined || !WORK.includes(e.name) || !inWindow(e.ts)) continue;
        workMs[e.name] = Math.round((workMs[e.name] ?? 0) + e.dur / 1000);
      }
      out[name] = { ...stats, workMs };
      process.stdout.write(`${name.padEnd(16)} p50 ${stats.p50Ms} ms  p95 ${stats.p95Ms} ms  ${stats.fps} frames/s  dropped ${stats.dropped}  busy ${stats.mainThreadBusyShare}  ${JSON.stringify(workMs)}\n`);
    }
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const result = { date: new Date().toISOString(), machine, live: !values['no-job'], nodes, rounds, segmentSeconds: Number(values.segment), css: Object.fromEntries(variants), variants: out };
    writeFileSync(join(dir, 'canvas-ab-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (jobId) await stopJob(context, jobId);
    await browser.close().catch(() => {});
    await weir.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      log(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

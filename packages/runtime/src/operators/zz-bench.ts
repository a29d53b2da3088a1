import { TumblingWindow } from '/work/main/packages/runtime/src/operators/tumbling-window';
import { SlidingWindow } from '/work/main/packages/runtime/src/operators/sliding-window';
import { SessionWindow } from '/work/main/packages/runtime/src/operators/session-window';
import { IntervalJoin } from '/work/main/packages/runtime/src/operators/interval-join';
import { joinOutputMapping } from '/work/main/packages/runtime/src/operators/join-fields';
import type { Operator } from '/work/main/packages/runtime/src/operators/operator';
const N = 1_000_000;
const rows: Record<string, unknown>[] = [];
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
for (let i = 0; i < N; i++) rows.push({ k: 'key' + Math.floor(rnd() * 1000), v: Math.floor(rnd() * 100), d: rnd() * 10, s: 'x' + (i % 50), ts: 1_700_000_000_000 + i * 2 + Math.floor(rnd() * 500) });
let out = 0; const ctx = { emit() { out++; }, late() {} };
const aggs = [{ fn: 'count' as const, as: 'n' }, { fn: 'sum' as const, field: 'v', as: 's', inputType: 'int' as const }, { fn: 'avg' as const, field: 'd', as: 'a', inputType: 'double' as const }, { fn: 'max' as const, field: 'd', as: 'm', inputType: 'double' as const }, { fn: 'last' as const, field: 's', as: 'l', inputType: 'string' as const }];
function bench(name: string, op: Operator, port?: 'left' | 'right') {
  out = 0; const t = performance.now(); let max = -Infinity;
  for (let i = 0; i < N; i++) { const r = rows[i]!; op.process(r, ctx, i % 2 ? 'right' : 'left'); if ((r.ts as number) > max) max = r.ts as number; if (i % 1000 === 999) op.onWatermark(max - 1000, ctx); }
  op.onWatermark(Infinity, ctx);
  const ms = performance.now() - t; console.log(name, Math.round(N / ms * 1000), 'rec/s', out, 'out');
}
bench('tumbling 1m, 1000 keys', new TumblingWindow({ keyBy: ['k'], aggregates: aggs, timeField: 'ts', sizeMs: 60_000 }));
bench('sliding 10s/2s', new SlidingWindow({ keyBy: ['k'], aggregates: aggs, timeField: 'ts', sizeMs: 10_000, slideMs: 2000 }));
bench('sliding 1h/1s, 1000 keys', new SlidingWindow({ keyBy: ['k'], aggregates: aggs.slice(0,2), timeField: 'ts', sizeMs: 3_600_000, slideMs: 1000 }));
bench('session 5s', new SessionWindow({ keyBy: ['k'], aggregates: aggs, timeField: 'ts', gapMs: 5000 }));
const m = joinOutputMapping(['k','v','d','s','ts'], ['k','v','d','s','ts']);
bench('interval join ±1s', new IntervalJoin({ on: [{ left: 'k', right: 'k' }], lowerMs: -1000, upperMs: 1000, leftTimeField: 'ts', rightTimeField: 'ts', output: m }));

// An independent model of window results for the integration tests: windows assigned and
// aggregated straight from pipeline-format.md's definitions, over the whole input at once
// (the input has no late records, so the streaming result must equal it).

export interface Rec {
  key: string | null;
  time: number | null;
  /** Arrival order within the key (the key's partition offset order). */
  seq: number;
  values: Record<string, unknown>;
}

export interface Agg {
  fn: 'count' | 'sum' | 'avg' | 'min' | 'max' | 'count_distinct' | 'first' | 'last';
  field?: string;
  as: string;
}

export function aggregate(aggs: readonly Agg[], recs: readonly Rec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of aggs) {
    if (a.fn === 'count') {
      out[a.as] = recs.length;
      continue;
    }
    const present = recs.filter((r) => r.values[a.field!] !== null && r.values[a.field!] !== undefined);
    const vals = present.map((r) => r.values[a.field!]);
    switch (a.fn) {
      case 'sum':
        out[a.as] = vals.length === 0 ? null : (vals as number[]).reduce((x, y) => x + y, 0);
        break;
      case 'avg':
        out[a.as] = vals.length === 0 ? null : (vals as number[]).reduce((x, y) => x + y, 0) / vals.length;
        break;
      case 'min':
        out[a.as] = vals.length === 0 ? null : vals.reduce((x, y) => ((y as number) < (x as number) ? y : x));
        break;
      case 'max':
        out[a.as] = vals.length === 0 ? null : vals.reduce((x, y) => ((y as number) > (x as number) ? y : x));
        break;
      case 'count_distinct':
        out[a.as] = new Set(vals).size;
        break;
      case 'first':
      case 'last': {
        const sorted = [...present].sort((x, y) => (x.time! - y.time!) || (x.seq - y.seq));
        const pick = a.fn === 'first' ? sorted[0] : sorted[sorted.length - 1];
        out[a.as] = pick === undefined ? null : pick.values[a.field!];
        break;
      }
    }
  }
  return out;
}

export interface WindowRow {
  key: string | null;
  start: number;
  end: number;
  aggs: Record<string, unknown>;
}

function byKey(recs: readonly Rec[]): Map<string | null, Rec[]> {
  const m = new Map<string | null, Rec[]>();
  for (const r of recs) {
    if (r.time === null) continue;
    let list = m.get(r.key);
    if (list === undefined) m.set(r.key, (list = []));
    list.push(r);
  }
  return m;
}

export function slidingModel(recs: readonly Rec[], sizeMs: number, slideMs: number, aggs: readonly Agg[]): WindowRow[] {
  const out: WindowRow[] = [];
  for (const [key, list] of byKey(recs)) {
    const windows = new Map<number, Rec[]>();
    for (const r of list) {
      const last = Math.floor(r.time! / slideMs);
      for (let k = last - sizeMs / slideMs + 1; k <= last; k++) {
        const start = k * slideMs;
        if (r.time! >= start && r.time! < start + sizeMs) {
          let w = windows.get(start);
          if (w === undefined) windows.set(start, (w = []));
          w.push(r);
        }
      }
    }
    for (const [start, w] of windows) out.push({ key, start, end: start + sizeMs, aggs: aggregate(aggs, w) });
  }
  return out;
}

export function sessionModel(recs: readonly Rec[], gapMs: number, aggs: readonly Agg[]): WindowRow[] {
  const out: WindowRow[] = [];
  for (const [key, list] of byKey(recs)) {
    const sorted = [...list].sort((a, b) => a.time! - b.time! || a.seq - b.seq);
    let cur: Rec[] = [];
    const flush = () => {
      if (cur.length === 0) return;
      const times = cur.map((r) => r.time!);
      out.push({ key, start: Math.min(...times), end: Math.max(...times) + gapMs, aggs: aggregate(aggs, cur) });
      cur = [];
    };
    for (const r of sorted) {
      // Windows [t, t + gap) that touch merge: a record at most `gap` after the last joins it.
      if (cur.length > 0 && r.time! - cur[cur.length - 1]!.time! > gapMs) flush();
      cur.push(r);
    }
    flush();
  }
  return out;
}

export function countModel(recs: readonly Rec[], size: number, slide: number, aggs: readonly Agg[]): WindowRow[] {
  const out: WindowRow[] = [];
  for (const [key, list] of byKey(recs)) {
    const inOrder = [...list].sort((a, b) => a.seq - b.seq);
    for (let j = 0; j * slide + size <= inOrder.length; j++) {
      const w = inOrder.slice(j * slide, j * slide + size);
      const times = w.map((r) => r.time!);
      out.push({ key, start: Math.min(...times), end: Math.max(...times), aggs: aggregate(aggs, w) });
    }
  }
  return out;
}

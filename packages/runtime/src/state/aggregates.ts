import type { FieldType, Row } from '@weir/model/field';
import type { AggregateSpec } from '../operators/params';
import { asArray, decodeNumber, decodeValue, encodeNumber, encodeValue, SnapshotError, type Json } from './json-value';
import { lessThan } from './value-order';

/**
 * One accumulator of an aggregate set: numeric slots in `n` (a plain number array that
 * V8 keeps unboxed, so updating a sum allocates nothing) and reference slots in `r`
 * (strings, booleans, sets).
 */
export interface Acc {
  n: number[];
  r: unknown[];
}

// Accumulator kinds. Slot layouts (o = numeric offset, p = reference offset):
const COUNT_ROWS = 0; //      n[o] rows
const COUNT_FIELD = 1; //     n[o] non-null values
const SUM = 2; //             n[o] sum, n[o+1] non-null values
const AVG = 3; //             as SUM
const MIN_NUM = 4; //         n[o] value, n[o+1] 1 once a value is seen
const MAX_NUM = 5; //         as MIN_NUM
const MIN_REF = 6; //         r[p] value or null
const MAX_REF = 7; //         as MIN_REF
const COUNT_DISTINCT = 8; //  r[p] Set or null
const FIRST_NUM = 9; //       n[o] value, n[o+1] time, n[o+2] arrival seq, n[o+3] 1 once seen
const LAST_NUM = 10; //       as FIRST_NUM
const FIRST_REF = 11; //      r[p] value or null, n[o] time, n[o+1] arrival seq
const LAST_REF = 12; //       as FIRST_REF

const NUMERIC_SLOTS = [1, 1, 2, 2, 2, 2, 0, 0, 0, 4, 4, 2, 2];
const REF_SLOTS = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1];

const isNumeric = (t: FieldType | undefined): boolean => t === 'int' || t === 'bigint' || t === 'double' || t === 'timestamp';

function kindOf(spec: AggregateSpec): number {
  const num = isNumeric(spec.inputType);
  switch (spec.fn) {
    case 'count': return spec.field === undefined ? COUNT_ROWS : COUNT_FIELD;
    case 'sum': return SUM;
    case 'avg': return AVG;
    case 'min': return num ? MIN_NUM : MIN_REF;
    case 'max': return num ? MAX_NUM : MAX_REF;
    case 'count_distinct': return COUNT_DISTINCT;
    case 'first': return num ? FIRST_NUM : FIRST_REF;
    case 'last': return num ? LAST_NUM : LAST_REF;
  }
}

/**
 * A list of aggregates compiled once per operator into flat arrays. SQL semantics:
 * NULL inputs are ignored; count and count_distinct of nothing are 0; sum, avg, min,
 * max, first and last of nothing are NULL. `first`/`last` pick the non-null value with
 * the smallest/largest time, ties going to the earlier/later arrival (`seq`), so merging
 * partial accumulators in any order gives the same answer as one pass.
 */
export class AggregateSet {
  readonly size: number;
  /**
   * Every aggregate is a count, or a sum or average of integers: removing a partial
   * accumulator by subtraction is then exact (doubles would drift, min/max cannot).
   */
  readonly invertible: boolean;
  private readonly kinds: number[];
  private readonly fields: string[];
  private readonly names: string[];
  private readonly no: number[];
  private readonly ro: number[];
  private readonly nWidth: number;
  private readonly rWidth: number;

  constructor(specs: readonly AggregateSpec[]) {
    this.size = specs.length;
    this.kinds = specs.map(kindOf);
    this.fields = specs.map((s) => s.field ?? '');
    this.names = specs.map((s) => s.as);
    this.no = [];
    this.ro = [];
    let n = 0;
    let r = 0;
    for (const k of this.kinds) {
      this.no.push(n);
      this.ro.push(r);
      n += NUMERIC_SLOTS[k]!;
      r += REF_SLOTS[k]!;
    }
    this.nWidth = n;
    this.rWidth = r;
    this.invertible = specs.every(
      (spec, i) => this.kinds[i] === COUNT_ROWS || this.kinds[i] === COUNT_FIELD || ((spec.fn === 'sum' || spec.fn === 'avg') && (spec.inputType === 'int' || spec.inputType === 'bigint')),
    );
  }

  create(): Acc {
    const n = new Array<number>(this.nWidth).fill(0);
    const r = this.rWidth === 0 ? EMPTY : new Array<unknown>(this.rWidth).fill(null);
    return { n, r };
  }

  reset(acc: Acc): void {
    acc.n.fill(0);
    if (this.rWidth !== 0) acc.r.fill(null);
  }

  /** Adds one record; `time` orders first/last, `seq` (the arrival number) breaks ties. */
  add(acc: Acc, row: Row, time: number, seq: number): void {
    const { kinds, fields, no, ro } = this;
    const n = acc.n;
    const r = acc.r;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i]!;
      const o = no[i]!;
      if (k === COUNT_ROWS) {
        n[o]!++;
        continue;
      }
      const v = row[fields[i]!];
      if (v === null || v === undefined) continue;
      switch (k) {
        case COUNT_FIELD: n[o]!++; break;
        case SUM:
        case AVG: n[o] = n[o]! + (v as number); n[o + 1]!++; break;
        case MIN_NUM: if (n[o + 1] === 0 || (v as number) < n[o]!) { n[o] = v as number; n[o + 1] = 1; } break;
        case MAX_NUM: if (n[o + 1] === 0 || (v as number) > n[o]!) { n[o] = v as number; n[o + 1] = 1; } break;
        case MIN_REF: { const p = ro[i]!; if (r[p] === null || lessThan(v, r[p])) r[p] = v; break; }
        case MAX_REF: { const p = ro[i]!; if (r[p] === null || lessThan(r[p], v)) r[p] = v; break; }
        case COUNT_DISTINCT: {
          const p = ro[i]!;
          let set = r[p] as Set<unknown> | null;
          if (set === null) r[p] = set = new Set<unknown>();
          set.add(v);
          break;
        }
        case FIRST_NUM: if (n[o + 3] === 0 || time < n[o + 1]!) { n[o] = v as number; n[o + 1] = time; n[o + 2] = seq; n[o + 3] = 1; } break;
        case LAST_NUM: if (n[o + 3] === 0 || time >= n[o + 1]!) { n[o] = v as number; n[o + 1] = time; n[o + 2] = seq; n[o + 3] = 1; } break;
        case FIRST_REF: { const p = ro[i]!; if (r[p] === null || time < n[o]!) { r[p] = v; n[o] = time; n[o + 1] = seq; } break; }
        case LAST_REF: { const p = ro[i]!; if (r[p] === null || time >= n[o]!) { r[p] = v; n[o] = time; n[o + 1] = seq; } break; }
      }
    }
  }

  /** Folds `from` into `into`; `from` is left untouched. */
  merge(into: Acc, from: Acc): void {
    const { kinds, no, ro } = this;
    const a = into.n;
    const b = from.n;
    for (let i = 0; i < kinds.length; i++) {
      const o = no[i]!;
      const p = ro[i]!;
      switch (kinds[i]) {
        case COUNT_ROWS:
        case COUNT_FIELD: a[o] = a[o]! + b[o]!; break;
        case SUM:
        case AVG: if (b[o + 1] !== 0) { a[o] = a[o]! + b[o]!; a[o + 1] = a[o + 1]! + b[o + 1]!; } break;
        case MIN_NUM: if (b[o + 1] !== 0 && (a[o + 1] === 0 || b[o]! < a[o]!)) { a[o] = b[o]!; a[o + 1] = 1; } break;
        case MAX_NUM: if (b[o + 1] !== 0 && (a[o + 1] === 0 || b[o]! > a[o]!)) { a[o] = b[o]!; a[o + 1] = 1; } break;
        case MIN_REF: { const v = from.r[p]; if (v !== null && (into.r[p] === null || lessThan(v, into.r[p]))) into.r[p] = v; break; }
        case MAX_REF: { const v = from.r[p]; if (v !== null && (into.r[p] === null || lessThan(into.r[p], v))) into.r[p] = v; break; }
        case COUNT_DISTINCT: {
          const src = from.r[p] as Set<unknown> | null;
          if (src === null) break;
          const dst = into.r[p] as Set<unknown> | null;
          if (dst === null) into.r[p] = new Set(src);
          else for (const v of src) dst.add(v);
          break;
        }
        case FIRST_NUM:
          if (b[o + 3] !== 0 && (a[o + 3] === 0 || earlier(b[o + 1]!, b[o + 2]!, a[o + 1]!, a[o + 2]!))) copy(a, b, o, 4);
          break;
        case LAST_NUM:
          if (b[o + 3] !== 0 && (a[o + 3] === 0 || earlier(a[o + 1]!, a[o + 2]!, b[o + 1]!, b[o + 2]!))) copy(a, b, o, 4);
          break;
        case FIRST_REF:
          if (from.r[p] !== null && (into.r[p] === null || earlier(b[o]!, b[o + 1]!, a[o]!, a[o + 1]!))) {
            into.r[p] = from.r[p];
            copy(a, b, o, 2);
          }
          break;
        case LAST_REF:
          if (from.r[p] !== null && (into.r[p] === null || earlier(a[o]!, a[o + 1]!, b[o]!, b[o + 1]!))) {
            into.r[p] = from.r[p];
            copy(a, b, o, 2);
          }
          break;
      }
    }
  }

  /** Takes a partial accumulator, previously merged in, back out of `into`; only when `invertible`. */
  subtract(into: Acc, from: Acc): void {
    const a = into.n;
    const b = from.n;
    for (let j = 0; j < a.length; j++) a[j] = a[j]! - b[j]!;
  }

  /** The value of aggregate `i`. */
  result(acc: Acc, i: number): unknown {
    const n = acc.n;
    const o = this.no[i]!;
    const p = this.ro[i]!;
    switch (this.kinds[i]) {
      case COUNT_ROWS:
      case COUNT_FIELD: return n[o];
      case SUM: return n[o + 1] === 0 ? null : n[o];
      case AVG: return n[o + 1] === 0 ? null : n[o]! / n[o + 1]!;
      case MIN_NUM:
      case MAX_NUM: return n[o + 1] === 0 ? null : n[o];
      case COUNT_DISTINCT: { const s = acc.r[p] as Set<unknown> | null; return s === null ? 0 : s.size; }
      case FIRST_NUM:
      case LAST_NUM: return n[o + 3] === 0 ? null : n[o];
      default: return acc.r[p];
    }
  }

  /** Writes every aggregate under its `as` name, in order. */
  writeResults(acc: Acc, out: Row): void {
    const names = this.names;
    for (let i = 0; i < names.length; i++) out[names[i]!] = this.result(acc, i);
  }

  encode(acc: Acc): Json {
    const n: Json[] = acc.n.map(encodeNumber);
    if (this.rWidth === 0) return [n];
    const r: Json[] = acc.r.map((v) => (v instanceof Set ? { s: [...v].map(encodeValue) } : encodeValue(v)));
    return [n, r];
  }

  decode(json: unknown): Acc {
    const parts = asArray(json);
    const n = asArray(parts[0]).map(decodeNumber);
    if (n.length !== this.nWidth) throw new SnapshotError(`accumulator has ${n.length} numeric slots, expected ${this.nWidth}`);
    if (this.rWidth === 0) return { n, r: EMPTY };
    const r = asArray(parts[1]).map((v) =>
      typeof v === 'object' && v !== null && 's' in v ? new Set(asArray((v as { s: unknown }).s).map(decodeValue)) : decodeValue(v),
    );
    if (r.length !== this.rWidth) throw new SnapshotError(`accumulator has ${r.length} reference slots, expected ${this.rWidth}`);
    return { n, r };
  }
}

const EMPTY: unknown[] = [];

// (t1, s1) comes before (t2, s2): smaller time, or the same time and earlier arrival.
function earlier(t1: number, s1: number, t2: number, s2: number): boolean {
  return t1 < t2 || (t1 === t2 && s1 < s2);
}

function copy(a: number[], b: number[], o: number, width: number): void {
  for (let j = 0; j < width; j++) a[o + j] = b[o + j]!;
}

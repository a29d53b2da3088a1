import { describe, expect, it } from 'vitest';
import type { FieldType } from '@weir/model/field';
import { DatagenError } from './datagen-error';
import { DEMO_BASE_TIME } from './event-time';
import { GENERATORS, GENERATOR_NAMES, getGenerator } from './generators';
import { AUCTION_PROPORTION, BID_PROPORTION, NEXMARK_BASE_TIME, PERSON_PROPORTION } from './nexmark/config';
import type { GeneratedRecord, GeneratorDefinition } from './types';

function take(def: GeneratorDefinition, seed: number, n: number, opts?: Parameters<GeneratorDefinition['create']>[1]): GeneratedRecord[] {
  const it = def.create(seed, opts);
  return Array.from({ length: n }, () => it.next().value as GeneratedRecord);
}

/** Serialized as `weir datagen` writes them, so "identical" means byte-identical. */
function bytes(records: GeneratedRecord[]): string[] {
  return records.map((r) => `${r.key}\t${r.timestamp}\t${JSON.stringify(r.value)}`);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether a JSON value is a valid input value of a pipeline-format.md field type. */
function conforms(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
    case 'bigint':
      return Number.isSafeInteger(value);
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return Number.isSafeInteger(value) || (typeof value === 'string' && ISO.test(value));
  }
}

function timeOf(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : (value as number);
}

describe.each(GENERATOR_NAMES)('generator %s', (name) => {
  const def = getGenerator(name);

  it('is deterministic for a seed', () => {
    expect(bytes(take(def, 42, 500))).toEqual(bytes(take(def, 42, 500)));
  });

  it('gives other records for another seed', () => {
    const a = bytes(take(def, 42, 200));
    const b = bytes(take(def, 43, 200));
    expect(a).not.toEqual(b);
    // Not just one field: most records differ.
    expect(a.filter((line, i) => line !== b[i]).length).toBeGreaterThan(150);
  });

  it('matches its declared schema, key field and time field', () => {
    const names = def.schema.map((f) => f.name);
    expect(names).toContain(def.keyField);
    expect(names).toContain(def.timeField);
    expect(def.schema.find((f) => f.name === def.timeField)?.type).toBe('timestamp');
    for (const record of take(def, 7, 3000)) {
      expect(Object.keys(record.value)).toEqual(names);
      for (const field of def.schema) {
        const v = record.value[field.name];
        if (!conforms(v, field.type)) throw new Error(`${name}.${field.name} = ${JSON.stringify(v)} is not a ${field.type}`);
      }
      expect(record.key).toBe(String(record.value[def.keyField]));
      expect(timeOf(record.value[def.timeField])).toBe(record.timestamp);
      if (def.timeFormat === 'iso-8601') expect(typeof record.value[def.timeField]).toBe('string');
      else expect(typeof record.value[def.timeField]).toBe('number');
    }
  });

  it('starts at its base time and advances event time with the rate', () => {
    const base = name.startsWith('nexmark-') ? NEXMARK_BASE_TIME : DEMO_BASE_TIME;
    // Nexmark kinds come in runs within each 50-event epoch (1 person, 3 auctions,
    // 46 bids), so spacing is exact over whole epochs only.
    const perEpoch = { 'nexmark-persons': PERSON_PROPORTION, 'nexmark-auctions': AUCTION_PROPORTION, 'nexmark-bids': BID_PROPORTION }[name] ?? 1;
    const span = Math.floor(200 / perEpoch) * perEpoch;
    const rate = 10;
    const records = take(def, 1, span + 1, { rate });
    const first = records[0]!.timestamp;
    expect(first).toBeGreaterThanOrEqual(base);
    expect(first - base).toBeLessThan((perEpoch * 1000) / rate);
    expect(records[span]!.timestamp - first).toBeCloseTo((span * 1000) / rate, -1);
    for (let i = 1; i < records.length; i++) expect(records[i]!.timestamp).toBeGreaterThanOrEqual(records[i - 1]!.timestamp);
  });

  it('uses the wall clock for times with liveTime and keeps the rest of each record', () => {
    let clock = 1_800_000_000_000;
    const live = take(def, 42, 50, { liveTime: true, now: () => (clock += 3) });
    const fixed = take(def, 42, 50);
    live.forEach((record, i) => {
      expect(record.timestamp).toBe(1_800_000_000_000 + 3 * (i + 1));
      expect(timeOf(record.value[def.timeField])).toBe(record.timestamp);
      const strip = (r: GeneratedRecord) => {
        const v: Record<string, unknown> = { ...r.value };
        for (const f of def.schema) if (f.type === 'timestamp') delete v[f.name];
        return v;
      };
      expect(strip(record)).toEqual(strip(fixed[i]!));
    });
  });

  it('resumes at startIndex exactly where a longer run would be', () => {
    const all = bytes(take(def, 42, 300));
    expect(bytes(take(def, 42, 100, { startIndex: 200 }))).toEqual(all.slice(200));
  });
});

describe('registry', () => {
  it('lists the generators of the design', () => {
    expect([...GENERATOR_NAMES].sort()).toEqual(
      ['clicks', 'logs', 'nexmark-auctions', 'nexmark-bids', 'nexmark-persons', 'orders'].sort(),
    );
    for (const [name, def] of Object.entries(GENERATORS)) expect(def.name).toBe(name);
  });

  it('names the generators when one is unknown', () => {
    try {
      getGenerator('nexmark-bidz');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DatagenError);
      expect((err as DatagenError).code).toBe('UNKNOWN_GENERATOR');
      expect((err as DatagenError).message).toContain('nexmark-bids');
      expect((err as DatagenError).message).toContain('logs');
    }
    expect(() => getGenerator('toString')).toThrow(/Unknown generator/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CompileOptions } from '../compile-options';
import { COMPILE_TARGETS } from '../compile';

/**
 * The golden fixtures of packages/compiler/fixtures: one directory per case with
 * `pipeline.json`, the expected `plan.json` and `flink.sql`, and `input.json` (records per
 * topic) for the engine-equivalence suite. `error_*` cases hold `expected-error.json`; a
 * case that runs on the embedded engine only holds `flink-error.json` instead of `flink.sql`.
 */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Fixed options, so the golden scripts do not depend on the machine. */
export const GOLDEN_OPTIONS: CompileOptions = {
  brokers: 'kafka:9092',
  clusters: { analytics: 'analytics-kafka:9092' },
  connections: { default: { url: 'jdbc:postgresql://postgres:5432/weir', username: 'weir', password: 'weir' } },
};

export const ExpectedErrorSchema = z.object({
  /** Which compilation must fail; absent: both. */
  target: z.enum(COMPILE_TARGETS).optional(),
  errors: z.array(z.object({
    code: z.string(),
    node: z.string().optional(),
    field: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })).min(1),
});
export type ExpectedError = z.infer<typeof ExpectedErrorSchema>;

export interface Fixture {
  name: string;
  dir: string;
  pipeline: unknown;
  isError: boolean;
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      return { name, dir, pipeline: JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8')) as unknown, isError: name.startsWith('error_') };
    });
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

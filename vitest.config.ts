import { defineConfig } from 'vitest/config';

// Two layers: `unit` (pure logic, no external services) and `integration`
// (real Kafka from packages/stack, real PostgreSQL). Integration files end in
// `.int.test.ts`; the global setup starts one local broker and every file reuses it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'chaos/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Property tests and generators run thousands of cases: on CI's 2 shared cores a
          // default 5 s limit fails them for slowness, not for wrong answers. Timing is never
          // asserted; benchmarks measure speed.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/src/**/*.int.test.ts', 'chaos/**/*.int.test.ts'],
          globalSetup: ['./scripts/vitest-global-kafka.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

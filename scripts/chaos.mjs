#!/usr/bin/env node
// `npm run test:chaos`: the fault-injection suite (packages/runtime/src/chaos/main.ts).
// A short smoke run of it is part of `npm test` (chaos-smoke.int.test.ts).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/runtime/src/chaos/main.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);

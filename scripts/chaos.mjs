#!/usr/bin/env node
// `npm run test:chaos`: the fault-injection suite (chaos/main.ts).
// A short smoke run of it is part of `npm test` (chaos/chaos-smoke.int.test.ts).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'chaos/main.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);

#!/usr/bin/env node
// `npm test`: every layer, in order, failing fast. Installs what the tests need
// (Debian's Chromium for Playwright) when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function run(title, cmd, args, env = {}) {
  const started = Date.now();
  process.stderr.write(`\n=== ${title}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(`\n=== ${title} FAILED after ${secs}s (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
  process.stderr.write(`=== ${title} passed in ${secs}s\n`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM}; the e2e layer needs it.\n` +
      'Install it as root: apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
  run('install chromium (apt-get update)', 'apt-get', ['update', '-qq']);
  run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}

ensureChromium();
run('lint', 'npx', ['eslint', '.']);
run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
run('unit', 'npx', ['vitest', 'run', '--project', 'unit']);
run('integration', 'npx', ['vitest', 'run', '--project', 'integration']);
run('build web', 'npm', ['run', 'build:web', '--silent']);
run('e2e', 'npx', ['playwright', 'test']);

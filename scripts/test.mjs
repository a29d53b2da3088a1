#!/usr/bin/env node
// `npm test`: every layer — lint, types, unit, integration, e2e — against the real Kafka,
// PostgreSQL and Chromium. Installs what the tests need (Debian's Chromium for Playwright)
// when it is missing. Every layer runs even when an earlier one fails, so one run shows all
// that is broken; the exit code is non-zero when any layer failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const results = [];

function stamp(title, started, ok) {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`=== ${title} ${ok ? 'passed' : 'FAILED'} in ${secs}s\n`);
  results.push({ title, ok, secs });
}

function run(title, cmd, args, env = {}) {
  const started = Date.now();
  process.stderr.write(`\n=== ${title}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  stamp(title, started, r.status === 0);
  return r.status === 0;
}

/** Type-checks every workspace, two at a time (CI has two cores). */
async function typecheck() {
  const started = Date.now();
  process.stderr.write('\n=== typecheck: tsc --noEmit per workspace\n');
  const dirs = ['packages', 'apps']
    .flatMap((root) => readdirSync(root).map((d) => `${root}/${d}`))
    .filter((d) => existsSync(`${d}/tsconfig.json`));
  for (const extra of ['e2e', 'bench', 'chaos']) if (existsSync(`${extra}/tsconfig.json`)) dirs.push(extra);
  let failed = 0;
  const queue = [...dirs];
  const worker = async () => {
    for (let dir = queue.shift(); dir; dir = queue.shift()) {
      const out = await new Promise((resolve) => {
        const child = spawn('npx', ['tsc', '--noEmit', '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', (d) => { text += d; });
        child.stderr.on('data', (d) => { text += d; });
        child.on('close', (code) => resolve({ code, text }));
      });
      if (out.code !== 0) { failed++; process.stderr.write(`--- ${dir}\n${out.text}`); }
    }
  };
  await Promise.all([worker(), worker()]);
  stamp(`typecheck (${dirs.length} projects)`, started, failed === 0);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM}; the e2e layer needs it.\n` +
      'Install it as root: apt-get update && apt-get install -y chromium');
    return false;
  }
  return run('install chromium (apt-get update)', 'apt-get', ['update', '-qq']) &&
    run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}

const haveChromium = ensureChromium();
run('lint', 'npx', ['eslint', '.']);
await typecheck();
run('unit', 'npx', ['vitest', 'run', '--project', 'unit']);
run('integration', 'npx', ['vitest', 'run', '--project', 'integration']);
if (run('build web', 'npm', ['run', 'build:web', '--silent']) && haveChromium) run('e2e', 'npx', ['playwright', 'test']);
else results.push({ title: 'e2e (not run: no web build or no Chromium)', ok: false, secs: '0' });

const failed = results.filter((r) => !r.ok);
process.stderr.write('\n=== summary\n');
for (const r of results) process.stderr.write(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.title} (${r.secs}s)\n`);
console.log(`layers: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);

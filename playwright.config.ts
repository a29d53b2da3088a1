import { defineConfig, devices } from '@playwright/test';

// e2e runs the real thing: `weir up` (server, built web app, Kafka, demo data) in Debian's
// Chromium. KAFKA_BROKERS set: that cluster is used. Otherwise `weir up` starts its own
// broker on 29092/29093 (WEIR_E2E_KAFKA_PORT), clear of a developer's 9092 and the integration suite's 19092.
const PORT = Number(process.env.WEIR_E2E_PORT ?? 3100);
const KAFKA_PORT = Number(process.env.WEIR_E2E_KAFKA_PORT ?? 29092);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: BASE_URL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node --import tsx apps/cli/src/bin.ts up --port ${PORT} --data-dir .weir-e2e --kafka-port ${KAFKA_PORT}`,
    url: `${BASE_URL}/api/health`,
    // The URL line comes after the demo topics exist, so specs can rely on them.
    wait: { stdout: /Weir is running at/ },
    // First run resolves Kafka's jars with Maven.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // `weir up` stops Kafka on SIGINT; a SIGKILL would leave the broker (its own process group) behind.
    gracefulShutdown: { signal: 'SIGINT', timeout: 45_000 },
  },
});

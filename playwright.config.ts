import { defineConfig, devices } from '@playwright/test';
import { BASE_URL, DATA_DIR, KAFKA_PORT, OUTPUT_DIR, PORT } from './e2e/support/env';

// e2e runs the real thing: `weir up` (server, built web app, Kafka, demo data) in Debian's
// Chromium, on port 3100 (WEIR_E2E_PORT). KAFKA_BROKERS set: that cluster is used. Otherwise
// `weir up` starts its own broker on 29092/29093 (WEIR_E2E_KAFKA_PORT), clear of a developer's
// 9092 and the integration suite's 19092.
//
// Every run starts from an empty data directory (.weir-e2e, or .weir-e2e-<port> on another
// port): no session, user, pipeline or topic of an earlier run can matter. The webServer
// starts before globalSetup, so the wipe is part of its command. globalSetup then spends the
// printed admin link once and saves the admin's session (e2e/support/fixtures.ts hands it out).

export default defineConfig({
  testDir: './e2e',
  outputDir: OUTPUT_DIR,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  globalSetup: './e2e/support/global-setup.ts',
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
    command: `rm -rf '${DATA_DIR}' && exec node --import tsx apps/cli/src/bin.ts up --port ${PORT} --data-dir '${DATA_DIR}' --kafka-port ${KAFKA_PORT}`,
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

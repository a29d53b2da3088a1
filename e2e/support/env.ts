import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// One place for the ports and paths that playwright.config.ts, globalSetup and the specs share.

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_PORT = 3100;
export const PORT = Number(process.env.WEIR_E2E_PORT ?? DEFAULT_PORT);
export const KAFKA_PORT = Number(process.env.WEIR_E2E_KAFKA_PORT ?? 29092);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * `weir up`'s data directory for this run, wiped when the run starts. A run on another port
 * gets its own, so two engineers' runs on one machine never wipe each other's server or broker.
 */
export const DATA_DIR = join(REPO_ROOT, PORT === DEFAULT_PORT ? '.weir-e2e' : `.weir-e2e-${PORT}`);

/** Playwright's artifacts (traces, screenshots); Playwright wipes them at start, so per port too. */
export const OUTPUT_DIR = join(REPO_ROOT, PORT === DEFAULT_PORT ? 'test-results' : `test-results-${PORT}`);

/** Written by `weir up` (mode 0600): the admin's one-time login link. globalSetup spends it. */
export const LOGIN_URL_FILE = join(DATA_DIR, 'login-url');

/** The admin's session, saved by globalSetup; specs get it through e2e/support/fixtures.ts. */
export const ADMIN_STATE_FILE = join(DATA_DIR, 'admin-state.json');

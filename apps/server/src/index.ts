export { buildApp, type WeirApp } from './app';
export { startServer, ServerStartError, type RunningServer } from './main';
export { loadConfig, ConfigError, ConfigSchema, DEFAULT_WEB_DIR, type WeirConfig } from './config';
export { ApiError } from './api-error';
export { issueAdminLoginLink, loginUrlFile } from './login-link';
export type { AppOptions } from './app';

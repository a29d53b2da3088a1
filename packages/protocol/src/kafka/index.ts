export * from './connections';
export * from './cluster';
export * from './topics';
export * from './messages';
export * from './search';
export * from './groups';
export * from './live-gateway';
export * from './live';

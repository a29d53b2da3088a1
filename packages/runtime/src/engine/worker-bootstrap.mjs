// Entry file of a job's worker thread. Workers do not share the parent's module loader
// hooks (tsx, or Vitest's), so this registers tsx and then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');

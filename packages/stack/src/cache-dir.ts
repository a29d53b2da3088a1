import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where resolved classpaths and generated POMs live: outside the repository so that
 * every checkout and worktree shares one resolution. `WEIR_STACK_CACHE` overrides it.
 */
export function stackCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEIR_STACK_CACHE) return env.WEIR_STACK_CACHE;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'weir', 'stack');
}

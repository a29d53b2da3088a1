/** A route pattern such as `/jobs/:id`; segments starting with `:` capture one path segment. */
export interface RouteMatch {
  pattern: string;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Matches a pathname against one pattern; trailing slashes are ignored, params are URI-decoded. */
export function matchPath(pattern: string, pathname: string): RouteMatch | null {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return { pattern, params };
}

/** The first pattern, in order, that matches. */
export function matchRoute(patterns: readonly string[], pathname: string): RouteMatch | null {
  for (const p of patterns) {
    const m = matchPath(p, pathname);
    if (m) return m;
  }
  return null;
}

/** True when `pathname` is `base` or below it: `/jobs/1` is inside `/jobs`, `/jobsx` is not. */
export function isWithin(base: string, pathname: string): boolean {
  const b = segments(base);
  const p = segments(pathname);
  return b.length <= p.length && b.every((s, i) => s === p[i]);
}

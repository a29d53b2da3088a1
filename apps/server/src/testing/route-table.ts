/** One route as Fastify's own route table lists it. */
export interface RouteEntry {
  method: string;
  url: string;
}

/**
 * Reads `app.printRoutes({ commonPrefix: false })`, a tree drawn with box characters in
 * which each line adds a path part to its parent's and names its methods:
 * `├── /api/users (GET, HEAD, POST)` then `│   └── /:id (PATCH, DELETE)`.
 */
export function parseRouteTree(text: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + m[2]!;
    stack.push(url);
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) out.push({ method, url });
  }
  return out;
}

import { NODE_ID_PATTERN } from '@weir/model';

/** Turns any text into something a node id may be (letters, digits, - and _). */
export function slugForId(text: string): string {
  const slug = text.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'node' : slug;
}

/** `base` if it is free, otherwise `base-2`, `base-3`, … (a trailing `-N` of base is replaced, so copies of `filter-2` are `filter-3`). */
export function uniqueNodeId(base: string, taken: ReadonlySet<string>): string {
  const slug = slugForId(base);
  if (!taken.has(slug)) return slug;
  const stem = slug.replace(/-\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Why `id` cannot be a node id here, or null when it can. */
export function nodeIdProblem(id: string, current: string, taken: ReadonlySet<string>): string | null {
  if (id === '') return 'A node id cannot be empty.';
  if (!NODE_ID_PATTERN.test(id)) return 'A node id is letters, digits, - and _ only.';
  if (id !== current && taken.has(id)) return `Another node is already called '${id}'.`;
  return null;
}

/** Immutable reads and writes at a path of object keys and array indexes inside a config. */
export type ValuePath = readonly (string | number)[];

export function pathKey(path: ValuePath): string {
  return path.map(String).join('.');
}

export function getAt(value: unknown, path: ValuePath): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A copy of `value` with `next` at `path`; `undefined` removes an object key (so optional settings disappear). */
export function setAt(value: unknown, path: ValuePath, next: unknown): unknown {
  if (path.length === 0) return next;
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof step === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[step] = setAt(list[step], rest, next);
    return list;
  }
  const object: Record<string, unknown> = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  const child = setAt(object[step], rest, next);
  if (child === undefined) delete object[step];
  else object[step] = child;
  return object;
}

import { SnapshotError } from '../state/json-value';

/** The top level of an operator snapshot: an object of this operator kind and version. */
export function snapshotObject(operator: string, version: number, state: unknown): Record<string, unknown> {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new SnapshotError(`${operator}: snapshot is not an object`);
  }
  const s = state as Record<string, unknown>;
  if (s.op !== operator || s.v !== version) {
    throw new SnapshotError(`${operator}: snapshot is of ${String(s.op)} version ${String(s.v)}, expected version ${version}`);
  }
  return s;
}

export function snapshotCount(operator: string, value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SnapshotError(`${operator}: ${name} is not a count`);
  }
  return value;
}

import type { RecordSchema } from '@weir/model';

/**
 * What a node's output is in the script: a table or view with the node's fields in order,
 * and the column that is its time attribute. That column is usually the event-time field
 * itself; downstream of a window it is a hidden extra column holding Flink's `window_time`
 * (window_end − 1 ms), which keeps the result's time where Weir puts it.
 */
export interface Relation {
  /** The table or view name, unquoted. */
  name: string;
  columns: RecordSchema;
  /** The rowtime column, or null when the rows are on processing time. */
  rowtime: string | null;
  /** Whether `rowtime` is an extra column that is not one of `columns`. */
  hiddenRowtime: boolean;
}

/** Column names `ident` lists for a relation: its fields, then the hidden rowtime if any. */
export function relationColumns(relation: Relation, keepRowtime: boolean): string[] {
  const names = relation.columns.map((f) => f.name);
  if (keepRowtime && relation.hiddenRowtime && relation.rowtime !== null) names.push(relation.rowtime);
  return names;
}

/**
 * A name not used by any field of the plan, built from `base` with `$` suffixes. Field
 * names are free text, so reserved helper names are chosen against the actual fields.
 */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  while (taken.has(name)) name += '$';
  return name;
}

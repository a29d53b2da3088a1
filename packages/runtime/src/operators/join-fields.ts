import type { FieldMapping } from './params';

/**
 * The output fields of a join (pipeline-format.md, Joins): all left fields, then all
 * right fields; a right field whose name is already taken gets the suffix `_right`
 * (again, until the name is free, should `x_right` be taken too).
 */
export function joinOutputMapping(
  leftFields: readonly string[],
  rightFields: readonly string[],
): { left: FieldMapping[]; right: FieldMapping[] } {
  const taken = new Set(leftFields);
  const left = leftFields.map((name) => ({ from: name, as: name }));
  const right = rightFields.map((name) => {
    let as = name;
    while (taken.has(as)) as += '_right';
    taken.add(as);
    return { from: name, as };
  });
  return { left, right };
}

import type { Problem } from '@weir/model';
import { chosenOption, type FormField } from './form-model';
import { getAt, pathKey, type ValuePath } from './value-path';

/**
 * Every config path the form shows a control for, given the current value. A problem whose
 * `field` is one of them is shown on that control; the rest are listed above the form.
 */
export function renderedPaths(field: FormField, value: unknown, path: ValuePath = []): Set<string> {
  const out = new Set<string>();
  const visit = (f: FormField, v: unknown, p: ValuePath) => {
    if (p.length > 0) out.add(pathKey(p));
    if (f.kind === 'object') {
      if (p.length > 0 && (v === undefined || v === null)) return;
      for (const property of f.properties) visit(property.field, getAt(v, [property.key]), [...p, property.key]);
    } else if (f.kind === 'list' && Array.isArray(v)) {
      v.forEach((item, i) => visit(f.item, item, [...p, i]));
    } else if (f.kind === 'choice') {
      const option = f.options[chosenOption(f, v)];
      if (option?.object) for (const property of option.object.properties) visit(property.field, getAt(v, [property.key]), [...p, property.key]);
    }
  };
  visit(field, value, path);
  return out;
}

/** Problems that no control of the form shows: node-level ones and paths the form does not render. */
export function unplacedProblems(problems: readonly Problem[], paths: ReadonlySet<string>): Problem[] {
  return problems.filter((p) => p.field === undefined || !paths.has(p.field));
}

/**
 * A problem's message as shown under its field: without the `node 'x': ` prefix and the
 * field path the control already stands for ("where: line 1, column 4: …" → "line 1, column 4: …").
 */
export function fieldMessage(problem: Problem): string {
  let text = problem.message;
  if (problem.node !== undefined && text.startsWith(`node '${problem.node}': `)) text = text.slice(`node '${problem.node}': `.length);
  if (problem.field !== undefined && text.startsWith(`${problem.field}: `)) text = text.slice(problem.field.length + 2);
  return text;
}

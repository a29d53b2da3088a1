import { z } from 'zod';
import { durationSchemas, parseDuration } from './duration';
import { PROBLEM_CODES, type Problem, type ProblemCode } from './problem';
import { didYouMean, quoteList } from './suggest';

type Issue = z.core.$ZodIssue;
type RefinementCtx = z.core.$RefinementCtx;

/**
 * Raises a problem with a specific code from inside a zod refinement, so a config form
 * that runs the schema sees the same message `validateDocument` reports.
 */
export function addProblem(ctx: RefinementCtx, code: ProblemCode, message: string, path: PropertyKey[] = []): void {
  // `named`: the message already names the field, so it is not prefixed with the path.
  ctx.addIssue({ code: 'custom', message, path, params: { code, named: true } });
}

export interface IssueContext {
  /** The schema that was parsed, used to find known keys and duration fields. */
  schema: z.ZodType;
  /** The value that was parsed, used to describe what was found. */
  data: unknown;
  /** The code for ordinary shape issues: BAD_CONFIG in configs and settings, BAD_DOCUMENT above. */
  code: ProblemCode;
  /** Prefix of every message, e.g. `node 'out'` or `settings`. */
  subject: string;
  /** What an empty path refers to in messages, e.g. `config`. */
  rootLabel: string;
  node?: string;
  /** Prepended to the issue path to form `Problem.field`, e.g. `settings` or `nodes.3`. */
  fieldPrefix?: string;
}

/** Turns zod issues into problems with stable codes, dotted field paths and plain messages. */
export function issuesToProblems(issues: readonly Issue[], ctx: IssueContext): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) collect(issue, [], ctx, out);
  return out;
}

function collect(issue: Issue, base: PropertyKey[], ctx: IssueContext, out: Problem[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schemaAt(ctx.schema, path));
    for (const key of issue.keys) {
      const keyPath = [...path, key];
      const where = path.length > 0 ? ` in ${path.map(String).join('.')}` : '';
      out.push(make(ctx, ctx.code, keyPath, { style: 'named', text: `unknown key '${key}'${where}${didYouMean(key, known)}` }));
    }
    return;
  }
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue, path, ctx.data);
    if (branch) {
      for (const inner of branch) collect(inner, path, ctx, out);
      return;
    }
  }
  const { code, message } = describe(issue, path, ctx);
  out.push(make(ctx, code, path, message));
}

/**
 * `predicate` reads after the field ("topic is required"), `about` follows it after a
 * colon ("size: '1 min' is not a duration"), `named` already names it.
 */
interface Message {
  style: 'predicate' | 'about' | 'named';
  text: string;
}

function make(ctx: IssueContext, code: ProblemCode, path: PropertyKey[], message: Message): Problem {
  const field = [ctx.fieldPrefix, ...path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
  const label = path.length > 0 ? path.map(String).join('.') : ctx.rootLabel;
  const text = message.style === 'predicate' ? `${label} ${message.text}` : message.style === 'about' ? `${label}: ${message.text}` : message.text;
  const problem: Problem = { code, message: `${ctx.subject}: ${text}` };
  if (ctx.node !== undefined) problem.node = ctx.node;
  if (field !== '') problem.field = field;
  return problem;
}

function describe(issue: Issue, path: PropertyKey[], ctx: IssueContext): { code: ProblemCode; message: Message } {
  const value = valueAt(ctx.data, path);
  const isDuration = durationSchemas.has(unwrap(schemaAt(ctx.schema, path)) as z.ZodType);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: ctx.code, message: { style: 'predicate', text: 'is required' } };
      if (isDuration) {
        const parsed = parseDuration(value);
        return { code: 'INVALID_DURATION', message: { style: 'about', text: parsed.ok ? 'must be a duration string' : parsed.message } };
      }
      return { code: ctx.code, message: { style: 'predicate', text: `must be ${expectedName(issue.expected)}, not ${valueName(value)}` } };
    case 'invalid_value': {
      const options = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, options) : '';
      const found = value === undefined ? '' : ` (found ${valueName(value)})`;
      const message = options.length === 1 ? `must be '${options[0]}'` : `must be one of ${quoteList(options, 'or')}`;
      return { code: ctx.code, message: { style: 'predicate', text: `${message}${found}${hint}` } };
    }
    case 'too_small':
      return { code: ctx.code, message: { style: 'predicate', text: sizeMessage(issue.origin, 'least', Number(issue.minimum), issue.inclusive !== false) } };
    case 'too_big':
      return { code: ctx.code, message: { style: 'predicate', text: sizeMessage(issue.origin, 'most', Number(issue.maximum), issue.inclusive !== false) } };
    case 'invalid_format':
      return { code: ctx.code, message: { style: 'about', text: `${valueName(value)} is not valid: ${issue.message}` } };
    case 'custom': {
      const requested = issue.params?.code as unknown;
      const code = (PROBLEM_CODES as readonly unknown[]).includes(requested) ? (requested as ProblemCode) : ctx.code;
      return { code, message: { style: issue.params?.named === true ? 'named' : 'about', text: issue.message } };
    }
    case 'invalid_union':
      // Unions carry their own "must be …" message; zod's default says only "Invalid input".
      return { code: ctx.code, message: issue.message.startsWith('must ')
        ? { style: 'predicate', text: issue.message }
        : { style: 'predicate', text: `is not valid (found ${valueName(value)})` } };
    default:
      return { code: ctx.code, message: { style: 'about', text: issue.message } };
  }
}

function sizeMessage(origin: string, bound: 'least' | 'most', limit: number, inclusive: boolean): string {
  if (origin === 'string') {
    if (bound === 'least' && limit <= 1) return 'cannot be empty';
    return `must have at ${bound} ${limit} characters`;
  }
  if (origin === 'array') {
    if (bound === 'least' && limit === 1) return 'needs at least one entry';
    return `must have at ${bound} ${limit} entries`;
  }
  if (inclusive) return `must be at ${bound} ${limit}`;
  return `must be ${bound === 'least' ? 'greater' : 'less'} than ${limit}`;
}

/**
 * For a union that failed, the branch whose shape matches the value (a string for the enum
 * branch, an object for the object branch) explains the failure better than "invalid input".
 */
function bestBranch(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[], data: unknown): Issue[] | undefined {
  const value = valueAt(data, path);
  const candidates = issue.errors.filter((branch) =>
    branch.length > 0 && !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')),
  );
  if (candidates.length === 1) return candidates[0];
  if (typeof value === 'string') {
    const enumBranch = issue.errors.find((b) => b.length === 1 && b[0]?.code === 'invalid_value' && b[0].path.length === 0);
    if (enumBranch) return enumBranch;
  }
  return undefined;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'object': return 'an object';
    case 'array': return 'a list';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'int': return 'a whole number';
    case 'boolean': return 'true or false';
    default: return expected;
  }
}

/** A short description of a found value for messages: `'abc'`, `42`, `a list`, `null`. */
export function valueName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Removes wrappers that do not change which keys or elements a schema has. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 20 && current; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
  return current;
}

/** The schema that validates the value at `path`, where it can be found. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = step(unwrap(current), key);
    if (!current) return undefined;
  }
  return current;
}

function step(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  if (!schema) return undefined;
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(key)];
  if (schema instanceof z.ZodArray) return typeof key === 'number' ? (schema.element as z.ZodType) : undefined;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const found = step(unwrap(option), key);
      if (found) return found;
    }
  }
  return undefined;
}

function knownKeys(schema: z.ZodType | undefined): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return Object.keys(inner.shape);
  if (inner instanceof z.ZodUnion) {
    return (inner.options as readonly z.ZodType[]).flatMap((o) => knownKeys(o));
  }
  return [];
}

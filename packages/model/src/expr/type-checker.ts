import type { FieldType, RecordSchema } from '../field';
import type { Problem } from '../problem';
import type { Expr, LiteralExpr } from './ast';
import { CAST_FAILED, castAllowed, converter, flinkTypeName } from './casts';
import { exprProblem, quoteSnippet } from './errors';
import { unknownFieldHint } from './field-suggestions';
import { likeToRegExp, PatternError } from './patterns';
import { TIMESTAMP_FORMAT_HINT, parseTimestamp } from './timestamps';
import { checkCall } from './type-check-calls';
import { type ExprType, type Inferred, isIntegral, isNumeric, show, widen } from './expr-types';

export type { ExprType, Inferred } from './expr-types';

/** What compilation needs from type checking, keyed by node. */
export interface TypeInfo {
  types: Map<Expr, ExprType>;
  /** String literals compared with a timestamp, read as epoch milliseconds at check time. */
  timestamps: Map<Expr, number>;
  /** Compiled literal patterns, keyed by the LIKE node or the REGEXP / REGEXP_EXTRACT call. */
  patterns: Map<Expr, RegExp>;
}

export class Checker {
  readonly problems: Problem[] = [];
  readonly info: TypeInfo = { types: new Map(), timestamps: new Map(), patterns: new Map() };
  private readonly fields = new Map<string, FieldType>();
  private readonly fieldNames: string[];
  private readonly stringCompared = new Set<Expr>();

  constructor(schema: RecordSchema) {
    for (const f of schema) if (!this.fields.has(f.name)) this.fields.set(f.name, f.type);
    this.fieldNames = [...this.fields.keys()];
  }

  mismatch(node: Expr, message: string): undefined {
    this.problems.push(exprProblem('TYPE_MISMATCH', node.span, message));
    return undefined;
  }
  syntax(node: Expr, message: string): undefined {
    this.problems.push(exprProblem('EXPR_SYNTAX', node.span, message));
    return undefined;
  }
  untypedNull(node: Expr, where: string): undefined {
    return this.mismatch(node, `the type of NULL in ${where} is unknown; write CAST(NULL AS type)`);
  }

  infer(node: Expr): Inferred {
    const t = this.inferNode(node);
    if (t !== undefined) this.info.types.set(node, t);
    return t;
  }

  /** Infers every node (to report all errors), then says whether any failed. */
  inferAll(nodes: readonly Expr[]): Inferred[] {
    return nodes.map((n) => this.infer(n));
  }

  /** Checks that two operands can be compared, reading a string literal against a timestamp as one. */
  comparable(op: string, l: Expr, lt: ExprType, r: Expr, rt: ExprType): boolean {
    if (lt === 'null' && rt === 'null') {
      this.untypedNull(l, `both operands of ${op}`);
      return false;
    }
    if (lt === 'string' && rt === 'string') return this.compareAsStrings(op, l, r);
    if (lt === 'null' || rt === 'null' || lt === rt) return true;
    if (isNumeric(lt) && isNumeric(rt)) return true;
    if (lt === 'timestamp' && rt === 'string') return this.readTimestamp(op, r);
    if (rt === 'timestamp' && lt === 'string') return this.readTimestamp(op, l);
    this.mismatch(l, `cannot compare ${lt} with ${rt} using ${op}`);
    return false;
  }

  /**
   * A literal shared by several comparisons (the operand of IN or BETWEEN, the subject of a
   * simple CASE) has one value at run time, so it cannot be read as a timestamp in one and
   * as a string in another.
   */
  private compareAsStrings(op: string, l: Expr, r: Expr): boolean {
    for (const n of [l, r]) {
      if (this.info.timestamps.has(n)) {
        this.mismatch(n, `this literal is compared with both a timestamp and a string in ${op}; CAST it to one type`);
        return false;
      }
      if (n.kind === 'literal') this.stringCompared.add(n);
    }
    return true;
  }

  private readTimestamp(op: string, s: Expr): boolean {
    if (this.stringCompared.has(s)) {
      this.mismatch(s, `this literal is compared with both a string and a timestamp in ${op}; CAST it to one type`);
      return false;
    }
    if (s.kind !== 'literal' || s.type !== 'string') {
      this.mismatch(s, `cannot compare timestamp with string using ${op}; write CAST(… AS TIMESTAMP(3))`);
      return false;
    }
    const ms = parseTimestamp(s.value);
    if (ms === undefined) {
      this.mismatch(s, `'${quoteSnippet(s.value)}' is not a timestamp; write ${TIMESTAMP_FORMAT_HINT} (UTC)`);
      return false;
    }
    this.info.timestamps.set(s, ms);
    return true;
  }

  /** The type all `items` convert to (numbers widen), 'null' when all are NULL. */
  common(label: string, items: readonly { node: Expr; type: ExprType }[]): Inferred {
    let result: ExprType = 'null';
    for (const { node, type } of items) {
      if (type === 'null') continue;
      if (result === 'null' || result === type) result = type;
      else if (isNumeric(result) && isNumeric(type)) result = widen(result, type);
      else return this.mismatch(node, `${label} mixes ${result} and ${type}; CAST them to one type`);
    }
    return result;
  }

  /**
   * Requires an operand type. A bare NULL is refused, as Flink refuses it ("Illegal use of
   * 'NULL'") everywhere but comparisons, IN, BETWEEN, CASE, COALESCE, NULLIF, IS NULL and CAST.
   */
  expect(node: Expr, t: Inferred, ok: (t: FieldType) => boolean, what: string, where: string): boolean {
    if (t === undefined) return false;
    if (t === 'null') {
      this.untypedNull(node, where);
      return false;
    }
    if (ok(t)) return true;
    this.mismatch(node, `${where} needs ${what} but got ${t}`);
    return false;
  }

  private inferNode(node: Expr): Inferred {
    switch (node.kind) {
      case 'literal':
        return node.type;
      case 'field': {
        const t = this.fields.get(node.name);
        if (t !== undefined) return t;
        const shown = `\`${quoteSnippet(node.name.replaceAll('`', '``'))}\``;
        this.problems.push(
          exprProblem('UNKNOWN_FIELD', node.span, `unknown field ${shown}${unknownFieldHint(node.name, this.fieldNames)}`),
        );
        return undefined;
      }
      case 'unary': {
        const t = this.infer(node.operand);
        if (t === undefined) return undefined;
        if (node.op === 'NOT') return this.expect(node.operand, t, (x) => x === 'boolean', 'a boolean', 'NOT') ? 'boolean' : undefined;
        if (t === 'null') return this.untypedNull(node.operand, 'unary -');
        return isNumeric(t) ? t : this.mismatch(node.operand, `unary - needs a number but got ${t}`);
      }
      case 'binary':
        return this.inferBinary(node);
      case 'is': {
        const t = this.infer(node.operand);
        if (t === undefined) return undefined;
        if (node.test === 'NULL') return 'boolean';
        const where = `IS ${node.negated ? 'NOT ' : ''}${node.test}`;
        return this.expect(node.operand, t, (x) => x === 'boolean', 'a boolean', where) ? 'boolean' : undefined;
      }
      case 'in': {
        const [ot, ...its] = this.inferAll([node.operand, ...node.list]);
        if (ot === undefined || its.includes(undefined)) return undefined;
        const label = node.negated ? 'NOT IN' : 'IN';
        if (ot === 'null') {
          const c = this.common(`${label} list`, node.list.map((n, i) => ({ node: n, type: its[i] as ExprType })));
          if (c === 'null') return this.untypedNull(node.operand, label);
          return c === undefined ? undefined : 'boolean';
        }
        let ok = true;
        node.list.forEach((item, i) => {
          ok = this.comparable(label, node.operand, ot, item, its[i] as ExprType) && ok;
        });
        return ok ? 'boolean' : undefined;
      }
      case 'between': {
        const [ot, lt, ht] = this.inferAll([node.operand, node.low, node.high]);
        if (ot === undefined || lt === undefined || ht === undefined) return undefined;
        const label = node.negated ? 'NOT BETWEEN' : 'BETWEEN';
        if (ot === 'null') return this.comparable(label, node.low, lt, node.high, ht) ? 'boolean' : undefined;
        const a = this.comparable(label, node.operand, ot, node.low, lt);
        const b = this.comparable(label, node.operand, ot, node.high, ht);
        return a && b ? 'boolean' : undefined;
      }
      case 'like':
        return this.inferLike(node);
      case 'case':
        return this.inferCase(node);
      case 'cast':
        return this.inferCast(node);
      case 'extract': {
        const t = this.infer(node.operand);
        return this.expect(node.operand, t, (x) => x === 'timestamp', 'a timestamp', `EXTRACT(${node.unit} FROM …)`) ? 'bigint' : undefined;
      }
      case 'trim': {
        const kids = node.chars ? [node.chars, node.operand] : [node.operand];
        const ts = this.inferAll(kids);
        let ok = true;
        kids.forEach((k, i) => {
          ok = this.expect(k, ts[i], (x) => x === 'string', 'a string', 'TRIM') && ok;
        });
        return ok ? 'string' : undefined;
      }
      case 'call':
        return checkCall(this, node);
    }
  }

  private inferBinary(node: Extract<Expr, { kind: 'binary' }>): Inferred {
    const [lt, rt] = this.inferAll([node.left, node.right]);
    if (lt === undefined || rt === undefined) return undefined;
    const op = node.op;
    if (op === 'AND' || op === 'OR') {
      const a = this.expect(node.left, lt, (x) => x === 'boolean', 'boolean operands', op);
      const b = this.expect(node.right, rt, (x) => x === 'boolean', 'boolean operands', op);
      return a && b ? 'boolean' : undefined;
    }
    if (op === '||') {
      const a = this.expect(node.left, lt, (x) => x === 'string', 'strings', '||');
      const b = this.expect(node.right, rt, (x) => x === 'string', 'strings', '||');
      return a && b ? 'string' : undefined;
    }
    if (op === '=' || op === '<>' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      return this.comparable(op, node.left, lt, node.right, rt) ? 'boolean' : undefined;
    }
    if (lt === 'null') return this.untypedNull(node.left, `operator ${op}`);
    if (rt === 'null') return this.untypedNull(node.right, `operator ${op}`);
    const l = lt;
    const r = rt;
    if (!isNumeric(l) || !isNumeric(r)) {
      return this.mismatch(node, `operator ${op} needs numbers but got ${show(lt)} and ${show(rt)}`);
    }
    if (op === '%') {
      if (!isIntegral(l) || !isIntegral(r)) {
        return this.mismatch(node, `operator % needs integers (int or bigint) but got ${show(lt)} and ${show(rt)}; Flink SQL has no remainder of DOUBLE`);
      }
      // As MOD in Flink SQL: the result has the type of the divisor.
      return r;
    }
    return widen(l, r);
  }

  private inferLike(node: Extract<Expr, { kind: 'like' }>): Inferred {
    const kids = node.escape ? [node.operand, node.pattern, node.escape] : [node.operand, node.pattern];
    const ts = this.inferAll(kids);
    let ok = true;
    kids.forEach((k, i) => {
      ok = this.expect(k, ts[i], (x) => x === 'string', 'strings', node.negated ? 'NOT LIKE' : 'LIKE') && ok;
    });
    if (!ok) return undefined;
    const lit = (e: Expr | null): e is LiteralExpr & { type: 'string' } => e !== null && e.kind === 'literal' && e.type === 'string';
    try {
      if (lit(node.pattern) && (node.escape === null || lit(node.escape))) {
        const escape = node.escape && lit(node.escape) ? node.escape.value : null;
        this.info.patterns.set(node, likeToRegExp(node.pattern.value, escape));
      } else if (lit(node.escape)) {
        likeToRegExp('', node.escape.value);
      }
    } catch (e) {
      if (e instanceof PatternError) return this.syntax(node.pattern, e.message);
      throw e;
    }
    return 'boolean';
  }

  private inferCase(node: Extract<Expr, { kind: 'case' }>): Inferred {
    const st = node.subject ? this.infer(node.subject) : 'boolean';
    const whenTypes = this.inferAll(node.whens.map((w) => w.when));
    const results = [...node.whens.map((w) => w.then), ...(node.otherwise ? [node.otherwise] : [])];
    const resultTypes = this.inferAll(results);
    if (st === undefined || whenTypes.includes(undefined) || resultTypes.includes(undefined)) return undefined;
    let ok = true;
    node.whens.forEach((w, i) => {
      const wt = whenTypes[i] as ExprType;
      if (node.subject) ok = this.comparable('CASE … WHEN', node.subject, st, w.when, wt) && ok;
      else ok = this.expect(w.when, wt, (x) => x === 'boolean', 'a boolean condition', 'WHEN') && ok;
    });
    if (!ok) return undefined;
    const c = this.common('CASE', results.map((n, i) => ({ node: n, type: resultTypes[i] as ExprType })));
    if (c === 'null') return this.mismatch(node, 'CASE needs at least one THEN or ELSE result that is not NULL');
    return c;
  }

  private inferCast(node: Extract<Expr, { kind: 'cast' }>): Inferred {
    const t = this.infer(node.operand);
    if (t === undefined) return undefined;
    if (t === 'null') return node.target;
    const fn = node.safe ? 'TRY_CAST' : 'CAST';
    if (!castAllowed(t, node.target)) return this.mismatch(node, `cannot ${fn} ${t} to ${node.typeName}`);
    // A literal that can never convert is a mistake now, rather than a failure on every row.
    if (!node.safe && node.operand.kind === 'literal' && converter(t, node.target)(node.operand.value) === CAST_FAILED) {
      const shown = typeof node.operand.value === 'string' ? `'${quoteSnippet(node.operand.value)}'` : String(node.operand.value);
      return this.mismatch(node, `${shown} cannot be converted to ${flinkTypeName(node.target)}; CAST would fail on every row`);
    }
    return node.target;
  }
}

/** Type-checks a syntax tree against the input schema, collecting every problem. */
export function typeCheck(ast: Expr, schema: RecordSchema): { type: FieldType | null; problems: Problem[]; info: TypeInfo } {
  const checker = new Checker(schema);
  const t = checker.infer(ast);
  const type = t === undefined || t === 'null' || checker.problems.length > 0 ? null : t;
  return { type, problems: checker.problems, info: checker.info };
}

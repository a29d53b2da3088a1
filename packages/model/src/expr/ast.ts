import type { FieldType } from '../field';

/**
 * Where a node starts in the expression text: 0-based `offset`, 1-based `line` and
 * `column` (UTF-16 code units, as editors count), and `end`, the offset just past it.
 */
export interface Span {
  offset: number;
  line: number;
  column: number;
  end: number;
}

export type LiteralType = 'string' | 'int' | 'bigint' | 'double' | 'boolean' | 'null';

export type LiteralExpr =
  | { kind: 'literal'; type: 'string'; value: string; span: Span }
  | { kind: 'literal'; type: 'int' | 'bigint' | 'double'; value: number; span: Span }
  | { kind: 'literal'; type: 'boolean'; value: boolean; span: Span }
  | { kind: 'literal'; type: 'null'; value: null; span: Span };

export interface FieldExpr {
  kind: 'field';
  name: string;
  span: Span;
}

export type UnaryOp = '-' | 'NOT';
export interface UnaryExpr {
  kind: 'unary';
  op: UnaryOp;
  operand: Expr;
  span: Span;
}

export const ARITHMETIC_OPS = ['+', '-', '*', '/', '%'] as const;
export const COMPARISON_OPS = ['=', '<>', '<', '<=', '>', '>='] as const;
export type ArithmeticOp = (typeof ARITHMETIC_OPS)[number];
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type BinaryOp = ArithmeticOp | ComparisonOp | '||' | 'AND' | 'OR';

export interface BinaryExpr {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  span: Span;
}

/** `x IS [NOT] NULL`, `x IS [NOT] TRUE`, `x IS [NOT] FALSE`. */
export interface IsExpr {
  kind: 'is';
  test: 'NULL' | 'TRUE' | 'FALSE';
  negated: boolean;
  operand: Expr;
  span: Span;
}

export interface InExpr {
  kind: 'in';
  operand: Expr;
  list: Expr[];
  negated: boolean;
  span: Span;
}

export interface BetweenExpr {
  kind: 'between';
  operand: Expr;
  low: Expr;
  high: Expr;
  negated: boolean;
  span: Span;
}

export interface LikeExpr {
  kind: 'like';
  operand: Expr;
  pattern: Expr;
  escape: Expr | null;
  negated: boolean;
  span: Span;
}

export interface WhenClause {
  when: Expr;
  then: Expr;
}

/** Searched `CASE WHEN c THEN …` when `subject` is null, simple `CASE x WHEN v THEN …` otherwise. */
export interface CaseExpr {
  kind: 'case';
  subject: Expr | null;
  whens: WhenClause[];
  otherwise: Expr | null;
  span: Span;
}

export interface CastExpr {
  kind: 'cast';
  operand: Expr;
  target: FieldType;
  /** The type as written (`VARCHAR`, `TIMESTAMP(3)`), kept for messages. */
  typeName: string;
  /** TRY_CAST: NULL instead of an error when the value cannot be converted. */
  safe: boolean;
  span: Span;
}

export const EXTRACT_UNITS = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'] as const;
export type ExtractUnit = (typeof EXTRACT_UNITS)[number];

export interface ExtractExpr {
  kind: 'extract';
  unit: ExtractUnit;
  operand: Expr;
  span: Span;
}

/** `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)`; plain `TRIM(s)` trims spaces from both ends. */
export interface TrimExpr {
  kind: 'trim';
  mode: 'BOTH' | 'LEADING' | 'TRAILING';
  chars: Expr | null;
  operand: Expr;
  span: Span;
}

export const FUNCTION_NAMES = [
  'UPPER', 'LOWER', 'CHAR_LENGTH', 'SUBSTRING', 'CONCAT', 'REPLACE', 'POSITION', 'REGEXP',
  'REGEXP_EXTRACT', 'ABS', 'ROUND', 'FLOOR', 'CEIL', 'MOD', 'POWER', 'SQRT', 'COALESCE', 'NULLIF',
  'GREATEST', 'LEAST',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** A function call; `POSITION(a IN b)` and `SUBSTRING(s FROM a FOR b)` become calls too. */
export interface CallExpr {
  kind: 'call';
  name: FunctionName;
  args: Expr[];
  span: Span;
}

export type Expr =
  | LiteralExpr
  | FieldExpr
  | UnaryExpr
  | BinaryExpr
  | IsExpr
  | InExpr
  | BetweenExpr
  | LikeExpr
  | CaseExpr
  | CastExpr
  | ExtractExpr
  | TrimExpr
  | CallExpr;

/** The direct sub-expressions of a node, in evaluation order. */
export function childrenOf(node: Expr): Expr[] {
  switch (node.kind) {
    case 'literal':
    case 'field':
      return [];
    case 'unary':
    case 'is':
    case 'cast':
    case 'extract':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.list];
    case 'between':
      return [node.operand, node.low, node.high];
    case 'like':
      return node.escape ? [node.operand, node.pattern, node.escape] : [node.operand, node.pattern];
    case 'case': {
      const out: Expr[] = node.subject ? [node.subject] : [];
      for (const w of node.whens) out.push(w.when, w.then);
      if (node.otherwise) out.push(node.otherwise);
      return out;
    }
    case 'trim':
      return node.chars ? [node.chars, node.operand] : [node.operand];
    case 'call':
      return node.args;
  }
}

/** Field names the expression reads, each once, in order of first appearance. */
export function referencedFields(ast: Expr): string[] {
  const seen = new Set<string>();
  const stack: Expr[] = [ast];
  // Iterative so that a deep tree cannot overflow the stack; children pushed reversed to keep order.
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    if (node.kind === 'field') seen.add(node.name);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expr);
  }
  return [...seen];
}

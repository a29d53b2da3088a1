import type { Problem } from '@weir/model';
import type { CompileOptions } from '../compile-options';
import type { LogicalPlan } from '../logical-plan';
import type { Relation } from './relation';

/** One statement of the script, with the comment lines printed above it. */
export interface Statement {
  comment: string[];
  /** The statement without its terminating semicolon. */
  sql: string;
}

/** What the parts of the Flink translation share while the script is built. */
export interface FlinkContext {
  plan: LogicalPlan;
  options: CompileOptions;
  /** Prefix of consumer group ids and transactional ids. */
  prefix: string;
  /** Every field name of the plan, so helper columns never collide with one. */
  fieldNames: ReadonlySet<string>;
  /** The hidden column that carries a window result's time attribute. */
  rowtimeColumn: string;
  /** The relation of each node with an output, by node id. */
  relations: Map<string, Relation>;
  /** Reasons the document cannot run on Flink as configured (compile fails). */
  problems: Problem[];
  /** Differences from the embedded engine worth telling the user (compile succeeds). */
  warnings: Problem[];
}

export function nodeProblem(ctx: FlinkContext, code: Problem['code'], node: string, field: string | undefined, message: string): void {
  ctx.problems.push({ code, node, ...(field !== undefined ? { field } : {}), message: `node '${node}': ${message}` });
}

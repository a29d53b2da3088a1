import type { z } from 'zod';

/** Operator parameters that do not satisfy their schema: a compiler bug or a hand-edited plan. */
export class OperatorParamsError extends Error {
  readonly code = 'BAD_OPERATOR_PARAMS';
  constructor(
    readonly operator: string,
    readonly path: string,
    detail: string,
  ) {
    super(`BAD_OPERATOR_PARAMS: ${operator}${path ? ` parameter ${path}` : ''}: ${detail}`);
    this.name = 'OperatorParamsError';
  }
}

/** A record whose event time is neither NULL nor epoch milliseconds. */
export class EventTimeError extends Error {
  readonly code = 'BAD_EVENT_TIME';
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`BAD_EVENT_TIME: event time field ${field} holds ${JSON.stringify(value)}, not epoch milliseconds`);
    this.name = 'EventTimeError';
  }
}

/** process() called on a join without a port, or on a port the operator does not have. */
export class PortError extends Error {
  readonly code = 'BAD_PORT';
  constructor(operator: string, port: unknown) {
    super(`BAD_PORT: ${operator} has ports left and right, not ${String(port)}`);
    this.name = 'PortError';
  }
}

/** Parses operator params, reporting the first problem with its parameter path. */
export function parseParams<S extends z.ZodType>(operator: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new OperatorParamsError(operator, issue.path.map(String).join('.'), issue.message);
}

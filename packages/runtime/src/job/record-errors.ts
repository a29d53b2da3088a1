import type { OnErrorPlan } from '@weir/compiler';
import { ExprEvalError } from '@weir/model';
import type { Row } from '@weir/model/field';
import { DecodeError } from '../codec/coerce';
import { RuntimeError, messageOf } from '../errors/runtime-error';
import { EventTimeError } from '../operators/errors';
import type { DeadLetterOrigin, DeadLetterWriter } from '../sinks/dead-letter';
import type { RecordOrigin } from '../source/source-host';
import type { GraphNode } from './graph-node';

/** Thrown through the operator chain to abandon a record and fail the job (onError: fail, or a bug). */
export class JobAbort extends Error {
  constructor(readonly error: RuntimeError) {
    super(error.message);
  }
}

export interface RecordErrorsHost {
  readonly origin: RecordOrigin;
  fail(err: unknown, node: string | undefined): void;
}

/**
 * The pipeline's `onError` policy (pipeline-format.md, Settings) applied to one record:
 * fail stops the job without committing past the record; skip counts it on its node and
 * drops it; dead-letter also writes the source record, unchanged, to the dead-letter topic.
 * Late records are counted by their node and dead-lettered (reason `late`) where there is a
 * dead-letter topic, whatever the policy.
 */
export class RecordErrors {
  constructor(
    private readonly policy: OnErrorPlan,
    private readonly deadLetters: DeadLetterWriter | null,
    private readonly host: RecordErrorsHost,
  ) {}

  /** A source record that cannot be decoded; false when the job fails on it. */
  decodeFailed(node: GraphNode, err: unknown): boolean {
    if (!(err instanceof DecodeError)) {
      this.host.fail(err, node.id);
      return false;
    }
    const o = this.host.origin;
    const message = `kafka-source ${node.id}: record at ${o.topic} partition ${o.partition} offset ${o.offset} cannot be decoded: ${err.message}`;
    if (this.policy.policy === 'fail') {
      this.host.fail(new RuntimeError('DECODE_FAILED', message, node.id), node.id);
      return false;
    }
    this.count(node, 'DECODE_FAILED', message, null);
    return true;
  }

  /** An operator threw on `row`: an evaluation error follows the policy; anything else is a bug that fails the job. */
  recordFailed(node: GraphNode, err: unknown, row: Row | null): void {
    if (err instanceof JobAbort) throw err;
    if (!(err instanceof ExprEvalError || err instanceof EventTimeError)) {
      throw new JobAbort(new RuntimeError('INTERNAL', `node ${node.id}: ${messageOf(err)}`, node.id, { cause: err }));
    }
    const message = `node ${node.id}: ${err.message}`;
    if (this.policy.policy === 'fail') throw new JobAbort(new RuntimeError('EVAL_FAILED', message, node.id));
    this.count(node, 'EVAL_FAILED', message, row);
  }

  late(node: GraphNode, row: Row): void {
    if (this.deadLetters === null) return;
    const message = `record is late at node ${node.id} (watermark ${new Date(node.watermark).toISOString()})`;
    this.deadLetters.write({ reason: 'late', code: 'LATE_RECORD', message, node: node.id, origin: this.origin(), fallbackValue: JSON.stringify(row) });
  }

  private count(node: GraphNode, code: string, message: string, row: Row | null): void {
    node.errors++;
    this.deadLetters?.write({ reason: 'error', code, message, node: node.id, origin: this.origin(), fallbackValue: JSON.stringify(row) });
  }

  /** The source record being processed; null for rows a watermark released (a window's results). */
  private origin(): DeadLetterOrigin | null {
    const o = this.host.origin;
    if (o.message === null) return null;
    return { topic: o.topic, partition: o.partition, offset: o.offset, key: o.message.key ?? null, value: o.message.value ?? null };
  }
}

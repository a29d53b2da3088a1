import type { LogicalPlan } from '../logical-plan';
import type { FlinkContext, Statement } from './context';
import { TRANSACTION_TIMEOUT_MS } from './sinks';
import { configDuration, str } from './sql-text';

/** The SET statements at the top of the script. */
export function settingStatements(ctx: FlinkContext): Statement[] {
  const { plan } = ctx;
  const s = plan.settings;
  const sets: [string, string][] = [
    ['pipeline.name', plan.name],
    // Timestamps are UTC wall-clock TIMESTAMP(3); the conversions that consult the session zone must see UTC.
    ['table.local-time-zone', 'UTC'],
    ['parallelism.default', String(s.parallelism)],
    ['execution.checkpointing.interval', configDuration(s.checkpointIntervalMs)],
    ['execution.checkpointing.mode', s.delivery === 'exactly-once' ? 'EXACTLY_ONCE' : 'AT_LEAST_ONCE'],
  ];
  const idle = smallestIdleTimeout(plan);
  if (idle !== null) sets.push(['table.exec.source.idle-timeout', configDuration(idle)]);
  checkSettings(ctx, idle);
  return sets.map(([key, value], i) => ({
    comment: i === 0 ? ['Settings'] : [],
    sql: `SET ${str(key)} = ${str(value)}`,
  }));
}

/**
 * Flink has one idle timeout for all sources of a job, where the document has one per
 * source: the smallest wins, and sources without one become idle after it too.
 */
function smallestIdleTimeout(plan: LogicalPlan): number | null {
  let smallest: number | null = null;
  for (const op of plan.operators) {
    const idle = op.watermark?.idleTimeoutMs ?? null;
    if (idle !== null && (smallest === null || idle < smallest)) smallest = idle;
  }
  return smallest;
}

function checkSettings(ctx: FlinkContext, idle: number | null): void {
  const { plan } = ctx;
  const s = plan.settings;
  // A transaction stays open from one checkpoint until the next completes; leave half the timeout for the checkpoint itself and a restart.
  if (s.delivery === 'exactly-once' && s.checkpointIntervalMs > TRANSACTION_TIMEOUT_MS / 2) {
    ctx.problems.push({
      code: 'TRANSACTION_TIMEOUT_TOO_SHORT', field: 'settings.checkpointInterval',
      message: `settings: checkpointInterval ${configDuration(s.checkpointIntervalMs)} is too long for exactly-once on Flink: ` +
        `Kafka aborts a transaction after at most ${configDuration(TRANSACTION_TIMEOUT_MS)}, and one stays open for about a checkpoint ` +
        `interval plus the checkpoint; use ${configDuration(TRANSACTION_TIMEOUT_MS / 2)} or less`,
    });
  }
  if (s.onError.policy === 'dead-letter') {
    ctx.warnings.push({
      code: 'UNSUPPORTED_ON_ENGINE', field: 'settings.onError',
      message: `settings: Flink cannot write to the dead-letter topic '${s.onError.topic}': records it cannot decode are skipped ` +
        'and late records are dropped, without a copy',
    });
  }
  const timed = plan.operators.filter((op) => op.watermark !== null);
  if (idle !== null && timed.some((op) => op.watermark?.idleTimeoutMs !== idle)) {
    ctx.warnings.push({
      code: 'UNSUPPORTED_ON_ENGINE', field: 'settings',
      message: `settings: Flink has one idle timeout per job; every source uses ${configDuration(idle)}, the smallest of the sources' idleTimeout`,
    });
  }
}

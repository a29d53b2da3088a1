/** Stable codes of the Flink engine's failures. */
export const FLINK_ERROR_CODES = [
  'FLINK_UNREACHABLE',
  'FLINK_SQL_ERROR',
  'FLINK_REST_ERROR',
  'FLINK_SAVEPOINT_FAILED',
  'FLINK_JOB_FAILED',
  'FLINK_START_FAILED',
  'FLINK_NO_JOB',
] as const;
export type FlinkErrorCode = (typeof FLINK_ERROR_CODES)[number];

export class FlinkError extends Error {
  override readonly name = 'FlinkError';
  constructor(readonly code: FlinkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isFlinkError(err: unknown, code?: FlinkErrorCode): err is FlinkError {
  return err instanceof FlinkError && (code === undefined || err.code === code);
}

// Wrappers that say where the error travelled, not what went wrong.
const WRAPPERS = /^(org\.apache\.flink\.table\.gateway\.\S*(SqlGatewayException|SqlExecutionException)|org\.apache\.flink\.util\.FlinkRuntimeException|java\.util\.concurrent\.\w+Exception)$/;

/**
 * The reason in a Java stack trace as the gateway or REST API returns it: the messages of the
 * outermost meaningful exception and its root cause, without wrappers, class names or frames.
 */
export function javaErrorReason(trace: string): string {
  const causes: Array<{ cls: string; message: string }> = [];
  let current: { cls: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) causes.push({ cls: current.cls, message: current.lines.join('\n').trim() });
    current = null;
  };
  for (const raw of trace.replace(/^<Exception on server side:\n?/, '').replace(/>\s*$/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    const head = /^(?:Caused by: )?([a-zA-Z_$][\w$]*(?:\.[a-zA-Z_$][\w$]*)+(?:Exception|Error|Throwable)): ?(.*)$/.exec(line);
    if (head) {
      flush();
      current = { cls: head[1] as string, lines: [head[2] as string] };
    } else if (/^\s+at |^\s+\.\.\. \d+ more|^\s*Suppressed:/.test(line)) {
      flush();
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  const meaningful = causes.filter((c) => !WRAPPERS.test(c.cls) && c.message.length > 0);
  if (meaningful.length === 0) return causes.at(-1)?.message || trace.split('\n')[0] || 'unknown error';
  const first = meaningful[0] as { message: string };
  const root = meaningful[meaningful.length - 1] as { message: string };
  const strip = (m: string) => m.replace(/^[\w.$]+(Exception|Error): /, '');
  return first === root || first.message.includes(root.message) ? strip(first.message) : `${strip(first.message)}: ${strip(root.message)}`;
}

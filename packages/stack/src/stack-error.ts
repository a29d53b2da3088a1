/** Stable codes of the failures of starting, stopping and resolving the local stack. */
export const STACK_ERROR_CODES = [
  'NO_JAVA',
  'NO_MAVEN',
  'MAVEN_RESOLVE_FAILED',
  'PORT_IN_USE',
  'DATA_DIR_IN_USE',
  'STORAGE_UNREADABLE',
  'START_TIMEOUT',
  'EXITED',
  'TOOL_FAILED',
  'BAD_OPTIONS',
] as const;
export type StackErrorCode = (typeof STACK_ERROR_CODES)[number];

export class StackError extends Error {
  override readonly name = 'StackError';
  readonly code: StackErrorCode;

  constructor(code: StackErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isStackError(err: unknown, code?: StackErrorCode): err is StackError {
  return err instanceof StackError && (code === undefined || err.code === code);
}

/** The last `n` non-empty lines of some output, without terminal colour codes. */
export function lastLines(text: string, n: number): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .slice(-n)
    .join('\n');
}

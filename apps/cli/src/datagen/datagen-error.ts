/** Stable codes of the errors datagen raises itself; broker errors keep @weir/kafka's codes. */
export const DATAGEN_ERROR_CODES = ['UNKNOWN_GENERATOR', 'BAD_OPTION', 'PRODUCE_FAILED'] as const;
export type DatagenErrorCode = (typeof DATAGEN_ERROR_CODES)[number];

export class DatagenError extends Error {
  override readonly name = 'DatagenError';

  constructor(
    readonly code: DatagenErrorCode,
    message: string,
    /** The option or argument at fault, e.g. `rate` or `generator`. */
    readonly option?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDatagenError(err: unknown, code?: DatagenErrorCode): err is DatagenError {
  return err instanceof DatagenError && (code === undefined || err.code === code);
}

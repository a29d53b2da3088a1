import { CompileResponseSchema, ValidateResponseSchema, type CompileResponse, type ValidateResponse } from '@weir/protocol';
import { apiSend } from './client';

/** Compiles a document on the server: `flink-sql` answers the Flink SQL script, `plan` the embedded plan. */
export function compileDocument(document: unknown, target: 'plan' | 'flink-sql', signal?: AbortSignal): Promise<CompileResponse> {
  return apiSend('POST', '/api/compile', { document, target }, CompileResponseSchema, { signal });
}

export function validateOnServer(document: unknown, engine?: 'embedded' | 'flink', signal?: AbortSignal): Promise<ValidateResponse> {
  return apiSend('POST', '/api/validate', engine ? { document, engine } : { document }, ValidateResponseSchema, { signal });
}

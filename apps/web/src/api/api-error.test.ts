import { describe, expect, it } from 'vitest';
import { ApiRequestError, asApiError, errorText } from './client';

describe('call failures', () => {
  it('keep the server’s error, and make any other failure a CLIENT one with its message', () => {
    const server = new ApiRequestError(409, 'VERSION_CONFLICT', 'Version 3 is not the latest');
    expect(asApiError(server)).toBe(server);
    expect(asApiError(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, code: 'CLIENT', message: 'Failed to fetch' });
    expect(asApiError('boom')).toMatchObject({ code: 'CLIENT', message: 'boom' });
  });

  it('read as one line with the code for a form', () => {
    expect(errorText(new ApiRequestError(403, 'FORBIDDEN', 'The admin role is needed'))).toBe('The admin role is needed (FORBIDDEN)');
    expect(errorText(new Error('offline'))).toBe('Error: offline');
  });
});

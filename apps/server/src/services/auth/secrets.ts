import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret (session or login token): 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are stored only as their SHA-256: a leaked database holds nothing that logs
 * anyone in. A fast hash suffices because the secrets are random, not passwords.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

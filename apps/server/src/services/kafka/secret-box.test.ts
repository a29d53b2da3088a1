import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey, SECRET_KEY_FILE } from './secret-box';

describe('secret box', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'weir-secret-'));
    dirs.push(d);
    return d;
  };

  it('seals to text that does not contain the secret and opens it again', () => {
    const box = createSecretBox(loadSecretKey(tempDir(), {}));
    const sealed = box.seal('hunter2-ünïcode');
    expect(sealed).not.toContain('hunter2');
    expect(sealed).toMatch(/^v1:/);
    expect(box.seal('hunter2-ünïcode')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('hunter2-ünïcode');
  });

  it('refuses text sealed under another key or altered', () => {
    const a = createSecretBox(loadSecretKey(tempDir(), {}));
    const b = createSecretBox(loadSecretKey(tempDir(), {}));
    const sealed = a.seal('secret');
    expect(() => b.open(sealed)).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => a.open(parts.join(':'))).toThrow();
    expect(() => a.open('plain text')).toThrow(/not a sealed secret/);
  });

  it('keeps the key in the data directory, owner-only, and reuses it', () => {
    const dir = tempDir();
    const first = loadSecretKey(dir, {});
    expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(dir, {}).equals(first)).toBe(true);
  });

  it('takes WEIR_SECRET_KEY when set and checks its length', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadSecretKey(tempDir(), { WEIR_SECRET_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(() => loadSecretKey(tempDir(), { WEIR_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});

/** `key=value` lines (blank lines and # comments ignored) into a config map, or the first bad line. */
export function parseConfigLines(text: string): { ok: true; configs: Record<string, string> } | { ok: false; line: number; message: string } {
  const configs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    if (!/^[a-z0-9.]+$/.test(name)) return { ok: false, line: i + 1, message: `line ${i + 1}: write config.name=value (for example retention.ms=86400000)` };
    configs[name] = line.slice(eq + 1).trim();
  }
  return { ok: true, configs };
}

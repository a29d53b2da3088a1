/** One line under a node's title that says what it does, from its config ("orders", "amount >= 10", "1m by category"). */
export function nodeSummary(kind: string, config: unknown): string {
  const c = (config !== null && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const by = (keys: string[]) => (keys.length > 0 ? ` by ${keys.join(', ')}` : '');
  switch (kind) {
    case 'kafka-source':
      return text(c.topic) ? `topic ${text(c.topic)}` : 'no topic yet';
    case 'kafka-sink':
      return text(c.topic) ? `→ topic ${text(c.topic)}` : 'no topic yet';
    case 'postgres-sink':
      return text(c.table) ? `→ table ${text(c.table)}${c.mode === 'upsert' ? ' (upsert)' : ''}` : 'no table yet';
    case 'filter':
      return text(c.where) || 'no condition yet';
    case 'map': {
      const n = Array.isArray(c.select) ? c.select.length : 0;
      return `${n} ${n === 1 ? 'field' : 'fields'}${c.keepInput === true ? ' + input' : ''}`;
    }
    case 'tumbling-window':
      return `${text(c.size) || '?'}${by(list(c.keyBy))}`;
    case 'sliding-window':
      return `${text(c.size) || '?'} every ${text(c.slide) || '?'}${by(list(c.keyBy))}`;
    case 'session-window':
      return `gap ${text(c.gap) || '?'}${by(list(c.keyBy))}`;
    case 'count-window':
      return `${typeof c.size === 'number' ? c.size : '?'} records${by(list(c.keyBy))}`;
    case 'interval-join': {
      const on = Array.isArray(c.on) ? (c.on as Record<string, unknown>[]).map((p) => `${text(p.left)} = ${text(p.right)}`) : [];
      return on.length > 0 ? `on ${on.join(', ')}` : 'no keys yet';
    }
    case 'preview-sink':
      return `latest ${typeof c.limit === 'number' ? c.limit : 100} rows`;
    default:
      return '';
  }
}

import type { Connection } from '@weir/protocol';

/** Which connection the console shows. */
export function ClusterPicker({ connections, value, onChange }: { connections: readonly Connection[]; value: string; onChange(name: string): void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      Cluster
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {connections.every((c) => c.name !== value) && <option value={value}>{value}</option>}
        {connections.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({c.bootstrapServers.split(',')[0]}{c.bootstrapServers.includes(',') ? ', …' : ''})
          </option>
        ))}
      </select>
    </label>
  );
}

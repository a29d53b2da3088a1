import { Fragment, useState } from 'react';
import type { KafkaMessage, RenderedBytes } from '@weir/protocol';
import { bytes, messageTime } from '../format';

function preview(r: RenderedBytes | null): string {
  if (r === null) return 'null';
  const flat = r.format === 'json' ? r.text.replace(/\s*\n\s*/g, ' ') : r.text;
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

function Block({ label, value }: { label: string; value: RenderedBytes | null }) {
  return (
    <div>
      <div className="mb-1 flex items-center gap-2 text-xs text-slate-500">
        <span className="font-medium tracking-wide uppercase">{label}</span>
        {value && <span>{value.format} · {bytes(value.size)}{value.truncated ? ' · cut short for display' : ''}</span>}
      </div>
      <pre className="max-h-96 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-950">{value === null ? 'null' : value.text}</pre>
    </div>
  );
}

/** Messages as rows; a click opens one with its key, value and headers in full. */
export function MessageTable({ messages, label, empty }: { messages: readonly KafkaMessage[]; label: string; empty: string }) {
  const [open, setOpen] = useState<string | null>(null);
  if (messages.length === 0) return <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <table className="w-full table-fixed text-left text-sm" aria-label={label}>
      <thead className="text-xs tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <tr>
          <th className="w-16 pb-2 font-medium">Part.</th>
          <th className="w-24 pb-2 font-medium">Offset</th>
          <th className="w-48 pb-2 font-medium">Timestamp</th>
          <th className="w-32 pb-2 font-medium">Key</th>
          <th className="pb-2 font-medium">Value</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {messages.map((m) => {
          const id = `${m.partition}:${m.offset}`;
          const isOpen = open === id;
          return (
            <Fragment key={id}>
              <tr
                className="cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800/50"
                onClick={() => setOpen(isOpen ? null : id)}
                aria-expanded={isOpen}
                data-partition={m.partition}
                data-offset={m.offset}
              >
                <td className="py-1.5 tabular-nums">{m.partition}</td>
                <td className="py-1.5 tabular-nums">{m.offset}</td>
                <td className="py-1.5 font-mono text-xs">{messageTime(m.timestamp)}</td>
                <td className="truncate py-1.5 font-mono text-xs" title={m.key?.text}>{m.key === null ? <span className="text-slate-400">null</span> : preview(m.key)}</td>
                <td className="truncate py-1.5 font-mono text-xs">{preview(m.value)}{m.headers.length > 0 && <span className="ml-2 font-sans text-slate-400">+{m.headers.length} headers</span>}</td>
              </tr>
              {isOpen && (
                <tr>
                  <td colSpan={5} className="bg-slate-50/50 px-2 py-3 dark:bg-slate-900/60">
                    <div className="grid gap-3 lg:grid-cols-3">
                      <div className="space-y-3 lg:col-span-2"><Block label="Value" value={m.value} /></div>
                      <div className="space-y-3">
                        <Block label="Key" value={m.key} />
                        {m.headers.map((h, i) => <Block key={`${h.key}-${i}`} label={`Header ${h.key}`} value={h.value} />)}
                        <p className="text-xs text-slate-500">Partition {m.partition}, offset {m.offset}, {m.timestamp}</p>
                      </div>
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

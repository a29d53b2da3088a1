import type { RecordSchema } from '@weir/model';
import { kindInfo } from '../catalog/catalog';
import { useEditor } from '../store/editor-context';

function FieldTable({ schema, eventTime }: { schema: RecordSchema; eventTime?: string | null }) {
  return (
    <table className="w-full text-xs">
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {schema.map((f) => (
          <tr key={f.name}>
            <td className="py-1 pr-2 font-mono text-slate-800 dark:text-slate-200">
              {f.name}
              {f.name === eventTime && (
                <span className="ml-1.5 rounded bg-cyan-50 px-1 font-sans text-[10px] text-cyan-800 dark:bg-cyan-950 dark:text-cyan-300" title="Event time: watermarks follow this field">
                  event time
                </span>
              )}
            </td>
            <td className="py-1 text-right font-mono text-slate-500 dark:text-slate-400">{f.type}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a node emits (or, for a sink, what it writes), as validation derives it. */
export function OutputSchema({ nodeId, kind }: { nodeId: string; kind: string }) {
  const isSink = kindInfo(kind)?.outputs === 'none';
  const inputId = useEditor((s) => s.validation.inputs[nodeId]?.[0]);
  const eventTime = useEditor((s) => (isSink ? null : s.validation.eventTimes[nodeId]));
  const schema = useEditor((s) => (isSink ? (inputId === undefined ? undefined : s.validation.schemas[inputId]) : s.validation.schemas[nodeId]));
  return (
    <section aria-label={isSink ? 'Fields written' : 'Output schema'} className="mt-6">
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{isSink ? 'Fields written' : 'Output schema'}</h3>
      {schema && schema.length > 0 ? (
        <FieldTable schema={schema} eventTime={eventTime} />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {isSink ? 'Known once this sink is connected to a valid input.' : 'Known once this node and everything upstream of it are valid.'}
        </p>
      )}
    </section>
  );
}

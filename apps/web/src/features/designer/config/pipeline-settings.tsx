import { DELIVERY_GUARANTEES, ERROR_POLICIES, PIPELINE_NAME_PATTERN, type SettingsInput } from '@weir/model';
import { useId } from 'react';
import { useEditor } from '../store/editor-context';
import { FieldErrors, INPUT } from './field-row';

/** With nothing selected, the panel edits the pipeline itself: name, description and run settings. */
export function PipelineSettings() {
  const doc = useEditor((s) => s.doc);
  const problems = useEditor((s) => s.validation.problems);
  const setInfo = useEditor((s) => s.setInfo);
  const setSettings = useEditor((s) => s.setSettings);
  const ids = useId();
  const settings: SettingsInput = doc.settings ?? {};
  const onError = settings.onError ?? { policy: 'fail' };
  const at = (field: string) => problems.filter((p) => p.node === undefined && p.field === field);
  const nameProblems = PIPELINE_NAME_PATTERN.test(doc.name)
    ? at('name')
    : [{ code: 'BAD_DOCUMENT' as const, field: 'name', message: 'a pipeline name is 1 to 63 lower-case letters, digits and -' }];
  const update = (patch: Partial<SettingsInput>) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    setSettings(next as SettingsInput);
  };
  const id = (name: string) => `${ids}-${name}`;
  const described = (name: string, list: readonly unknown[]) =>
    list.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-errors` } : {};
  const label = 'mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300';

  return (
    <div className="space-y-4">
      <header>
        <h2 className="text-sm font-semibold">Pipeline</h2>
        <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">Select a node to configure it. These settings apply to the whole pipeline.</p>
      </header>
      <div>
        <label htmlFor={id('name')} className={label}>
          Name
        </label>
        <input id={id('name')} value={doc.name} spellCheck={false} onChange={(e) => setInfo({ name: e.target.value })} className={`${INPUT} font-mono`} {...described('name', nameProblems)} />
        <FieldErrors id={`${id('name')}-errors`} problems={nameProblems} />
      </div>
      <div>
        <label htmlFor={id('description')} className={label}>
          Description
        </label>
        <textarea
          id={id('description')}
          value={doc.description ?? ''}
          rows={2}
          onChange={(e) => setInfo({ description: e.target.value })}
          className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-cyan-600 dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={id('checkpoint')} className={label}>
            Checkpoint interval
          </label>
          <input
            id={id('checkpoint')}
            value={settings.checkpointInterval ?? ''}
            placeholder="10s"
            onChange={(e) => update({ checkpointInterval: e.target.value === '' ? undefined : e.target.value })}
            className={`${INPUT} font-mono`}
            {...described('checkpoint', at('settings.checkpointInterval'))}
          />
          <FieldErrors id={`${id('checkpoint')}-errors`} problems={at('settings.checkpointInterval')} />
        </div>
        <div>
          <label htmlFor={id('parallelism')} className={label}>
            Parallelism
          </label>
          <input
            id={id('parallelism')}
            type="number"
            min={1}
            value={settings.parallelism ?? ''}
            placeholder="1"
            onChange={(e) => update({ parallelism: e.target.value === '' ? undefined : Number(e.target.value) })}
            className={INPUT}
            {...described('parallelism', at('settings.parallelism'))}
          />
          <FieldErrors id={`${id('parallelism')}-errors`} problems={at('settings.parallelism')} />
        </div>
      </div>
      <div>
        <label htmlFor={id('delivery')} className={label}>
          Delivery
        </label>
        <select id={id('delivery')} value={settings.delivery ?? 'at-least-once'} onChange={(e) => update({ delivery: e.target.value as SettingsInput['delivery'] })} className={INPUT}>
          {DELIVERY_GUARANTEES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Exactly-once writes Kafka sinks in transactions committed with each checkpoint.</p>
      </div>
      <div>
        <label htmlFor={id('onerror')} className={label}>
          On a record that fails
        </label>
        <select
          id={id('onerror')}
          value={onError.policy}
          onChange={(e) => update({ onError: { ...onError, policy: e.target.value as (typeof ERROR_POLICIES)[number] } })}
          className={INPUT}
        >
          {ERROR_POLICIES.map((p) => (
            <option key={p} value={p}>
              {p === 'fail' ? 'fail: stop the job' : p === 'skip' ? 'skip: count and drop it' : 'dead-letter: write it to a topic'}
            </option>
          ))}
        </select>
        {onError.policy === 'dead-letter' && (
          <div className="mt-2">
            <label htmlFor={id('dlq')} className={label}>
              Dead-letter topic
            </label>
            <input
              id={id('dlq')}
              value={onError.topic ?? ''}
              placeholder={`${doc.name}.dlq`}
              onChange={(e) => update({ onError: { ...onError, topic: e.target.value === '' ? undefined : e.target.value } })}
              className={`${INPUT} font-mono`}
              {...described('dlq', at('settings.onError.topic'))}
            />
            <FieldErrors id={`${id('dlq')}-errors`} problems={at('settings.onError.topic')} />
          </div>
        )}
      </div>
    </div>
  );
}

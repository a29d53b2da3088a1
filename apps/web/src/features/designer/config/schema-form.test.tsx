// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Problem } from '@weir/model';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog/catalog';
import { formForKind } from './form-for-kind';
import { SchemaForm } from './schema-form';

afterEach(cleanup);

/** The form with its value held in state, as the editor holds it in its store. */
function Harness({ kind, initial, problems = [], log }: { kind: string; initial: unknown; problems?: Problem[]; log?: { value: unknown; path: string }[] }) {
  const [value, setValue] = useState(initial);
  return (
    <SchemaForm
      idPrefix="cfg-n"
      form={formForKind(kind)!}
      value={value}
      problems={problems}
      suggestionsFor={(path) => (path[0] === 'keyBy' ? ['category', 'amount'] : [])}
      onChange={(next, path) => {
        log?.push({ value: next, path });
        setValue(next);
      }}
    />
  );
}

function last(log: { value: unknown; path: string }[]) {
  return log[log.length - 1]!;
}

describe('SchemaForm', () => {
  it.each(CATALOG.map((d) => [d.kind, d.defaultConfig] as [string, unknown]))('%s renders a control for every config key', (kind, defaults) => {
    const { container } = render(<Harness kind={kind} initial={structuredClone(defaults)} />);
    for (const p of formForKind(kind)!.properties) {
      expect(container.querySelector(`#cfg-n-${p.key}`), `${kind}.${p.key}`).not.toBeNull();
    }
  });

  it('edits text, enums and rows of a window, reporting the changed path', () => {
    const log: { value: unknown; path: string }[] = [];
    const { container } = render(<Harness kind="tumbling-window" initial={{ size: '1m', keyBy: [], aggregates: [{ fn: 'count', as: 'n' }] }} log={log} />);
    fireEvent.change(container.querySelector('#cfg-n-size')!, { target: { value: '5m' } });
    expect(last(log)).toEqual({ value: { size: '5m', keyBy: [], aggregates: [{ fn: 'count', as: 'n' }] }, path: 'size' });

    fireEvent.click(screen.getByRole('button', { name: 'Add group-by field' }));
    const key = container.querySelector<HTMLInputElement>('#cfg-n-keyBy-0')!;
    expect(key.list?.querySelectorAll('option').length).toBe(2);
    fireEvent.change(key, { target: { value: 'category' } });
    fireEvent.change(container.querySelector('#cfg-n-aggregates-0-fn')!, { target: { value: 'sum' } });
    fireEvent.change(container.querySelector('#cfg-n-aggregates-0-field')!, { target: { value: 'amount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add aggregate' }));
    expect(last(log).value).toEqual({ size: '5m', keyBy: ['category'], aggregates: [{ fn: 'sum', field: 'amount', as: 'n' }, { fn: 'count', as: '' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove aggregate 1' }));
    expect(last(log)).toEqual({ value: { size: '5m', keyBy: ['category'], aggregates: [{ fn: 'count', as: '' }] }, path: 'aggregates' });
  });

  it('switches a union between literals and an object, and an optional object on and off', () => {
    const log: { value: unknown; path: string }[] = [];
    const { container } = render(<Harness kind="kafka-source" initial={{ topic: 'orders', schema: [{ name: 'ts', type: 'timestamp' }] }} log={log} />);
    const startFrom = container.querySelector<HTMLSelectElement>('#cfg-n-startFrom')!;
    expect(startFrom.selectedOptions[0]!.textContent).toBe('committed');
    fireEvent.change(startFrom, { target: { value: String([...startFrom.options].findIndex((o) => o.textContent === 'At a timestamp…')) } });
    expect(last(log).value).toMatchObject({ startFrom: { timestamp: '' } });
    fireEvent.change(container.querySelector('#cfg-n-startFrom-timestamp')!, { target: { value: '2026-01-01T00:00:00Z' } });
    expect(last(log).value).toMatchObject({ startFrom: { timestamp: '2026-01-01T00:00:00Z' } });

    const eventTime = container.querySelector<HTMLInputElement>('#cfg-n-eventTime')!;
    expect(container.querySelector('#cfg-n-eventTime-field')).toBeNull();
    fireEvent.click(eventTime);
    expect(last(log).value).toMatchObject({ eventTime: { field: '' } });
    fireEvent.change(container.querySelector('#cfg-n-eventTime-field')!, { target: { value: 'ts' } });
    fireEvent.click(eventTime);
    expect(last(log).value).not.toHaveProperty('eventTime');

    // An optional union can be cleared: bounded goes away again.
    const bounded = container.querySelector<HTMLSelectElement>('#cfg-n-bounded')!;
    fireEvent.change(bounded, { target: { value: '0' } });
    expect(last(log).value).toMatchObject({ bounded: 'latest' });
    fireEvent.change(bounded, { target: { value: '-1' } });
    expect(last(log).value).not.toHaveProperty('bounded');
  });

  it('shows an expression error on its field with line, column and a caret', () => {
    const problem: Problem = {
      code: 'UNKNOWN_FIELD',
      node: 'n',
      field: 'where',
      line: 1,
      column: 18,
      message: "node 'n': where: line 1, column 18: unknown field `categry`; did you mean `category`?",
    };
    const { container } = render(<Harness kind="filter" initial={{ where: "amount >= 10 AND categry <> 'x'" }} problems={[problem]} />);
    const where = container.querySelector('#cfg-n-where')!;
    expect(where.tagName).toBe('TEXTAREA');
    expect(where.getAttribute('aria-invalid')).toBe('true');
    const errors = container.querySelector(`#${where.getAttribute('aria-describedby')}`)!;
    expect(within(errors as HTMLElement).getByText(/line 1, column 18: unknown field `categry`/)).toBeTruthy();
    expect(container.querySelector('pre')!.textContent).toBe("amount >= 10 AND categry <> 'x'\n                 ^");
  });

  it('says so when a kind has nothing to configure', () => {
    render(<Harness kind="union" initial={{}} />);
    expect(screen.getByText('This kind has nothing to configure.')).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT } from '../document/design-document';
import { KIND_MIME } from '../flow/drag-kind';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { CATALOG } from './catalog';
import { Palette } from './palette';

afterEach(cleanup);

function renderPalette() {
  const store = createEditorStore({ doc: EMPTY_DOCUMENT });
  render(
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Palette />
      </ReactFlowProvider>
    </EditorProvider>,
  );
  return store;
}

describe('Palette', () => {
  it('lists every kind of the catalog under its category', () => {
    renderPalette();
    const palette = screen.getByRole('complementary', { name: 'Node palette' });
    expect(within(palette).getAllByRole('button').length).toBe(CATALOG.length);
    const sinks = within(palette).getByRole('region', { name: 'Sinks' });
    expect(within(sinks).getAllByRole('button').map((b) => b.textContent)).toEqual(['Kafka sink', 'PostgreSQL sink', 'Preview']);
  });

  it('searches labels and help, and says when nothing matches', () => {
    renderPalette();
    const search = screen.getByLabelText('Search nodes');
    fireEvent.change(search, { target: { value: 'window' } });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Tumbling window', 'Sliding window', 'Session window', 'Count window']);
    fireEvent.change(search, { target: { value: 'postgres' } });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['PostgreSQL sink']);
    fireEvent.change(search, { target: { value: 'zzz' } });
    expect(screen.getByText('No node matches “zzz”.')).toBeTruthy();
  });

  it('adds a node with its default config on click, and offers the kind when dragged', () => {
    const store = renderPalette();
    fireEvent.click(screen.getByRole('button', { name: 'Add Filter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Filter' }));
    expect(store.getState().doc.nodes.map((n) => [n.id, n.config])).toEqual([
      ['filter', { where: '' }],
      ['filter-2', { where: '' }],
    ]);
    // Clicked-in nodes do not land on top of each other.
    const [a, b] = store.getState().doc.nodes;
    expect(a!.ui).not.toEqual(b!.ui);
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), effectAllowed: '' };
    fireEvent.dragStart(screen.getByRole('button', { name: 'Add Kafka sink' }), { dataTransfer });
    expect(data.get(KIND_MIME)).toBe('kafka-sink');
  });
});

import { useState } from 'react';
import { Tabs } from '../tabs';
import { BrowsePanel } from './browse-panel';
import { SearchPanel } from './search-panel';
import { TailPanel } from './tail-panel';

const MODES = [
  { id: 'browse', label: 'Browse' },
  { id: 'tail', label: 'Live tail' },
  { id: 'search', label: 'Search' },
];

/** Messages of a topic three ways: a page at a time, live as they arrive, or by a filter. */
export function MessageBrowser({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [mode, setMode] = useState('browse');
  return (
    <div>
      <Tabs tabs={MODES} current={mode} onChange={setMode} label="How to read messages" />
      {/* Each mode keeps its state while another is shown: a tail keeps running behind a search. */}
      <div hidden={mode !== 'browse'}><BrowsePanel cluster={cluster} topic={topic} partitions={partitions} /></div>
      <div hidden={mode !== 'tail'}><TailPanel cluster={cluster} topic={topic} partitions={partitions} /></div>
      <div hidden={mode !== 'search'}><SearchPanel cluster={cluster} topic={topic} partitions={partitions} /></div>
    </div>
  );
}

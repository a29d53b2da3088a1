import { CONTROL } from '../controls';

export interface PositionFieldsProps {
  /** Where reading starts: only `offset` and `timestamp` ask for more. */
  from: string;
  offset: string;
  setOffset: (v: string) => void;
  time: string;
  setTime: (v: string) => void;
  partition: string;
  setPartition: (v: string) => void;
  partitions: number;
}

const LABEL = 'text-xs font-medium text-slate-600 dark:text-slate-300';

/** The start offset or time, when the chosen start needs one, and the partition (or all): shared by browse and search. */
export function PositionFields({ from, offset, setOffset, time, setTime, partition, setPartition, partitions }: PositionFieldsProps) {
  return (
    <>
      {from === 'offset' && (
        <label className={LABEL}>
          Offset
          <input className={`${CONTROL} mt-1 block w-28`} type="number" min={0} value={offset} onChange={(e) => setOffset(e.target.value)} />
        </label>
      )}
      {from === 'timestamp' && (
        <label className={LABEL}>
          Time
          <input className={`${CONTROL} mt-1 block`} type="datetime-local" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      )}
      <label className={LABEL}>
        Partition
        <select className={`${CONTROL} mt-1 block`} value={partition} onChange={(e) => setPartition(e.target.value)}>
          <option value="">All</option>
          {Array.from({ length: partitions }, (_, p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
    </>
  );
}

import type { Row } from '@weir/model/field';
import { EventTimeError, OperatorParamsError } from './errors';

/** A record's time in epoch ms, or null when it has none. */
export type TimeOf = (row: Row) => number | null;

/**
 * The time accessor of a window or join: the `timeField` of its params, or (when that is
 * null) the function handed to the constructor, e.g. a processing-time clock.
 * A time field value must be NULL or a finite number (sources decode ISO strings to
 * epoch ms); anything else is an evaluation error the job's onError policy handles.
 */
export function timeAccessor(operator: string, timeField: string | null, timeOf: TimeOf | undefined): TimeOf {
  if (timeField === null) {
    if (timeOf === undefined) throw new OperatorParamsError(operator, 'timeField', 'is null and no time function was given');
    return timeOf;
  }
  return (row) => {
    const v = row[timeField];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === null || v === undefined) return null;
    throw new EventTimeError(timeField, v);
  };
}

/** Floor division that is exact for integers below 2^53 and correct for negative times. */
export function floorDiv(t: number, d: number): number {
  return Math.floor(t / d);
}

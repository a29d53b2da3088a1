/** The embedded runtime's operators: pure logic, no I/O (see README.md beside this file). */
export type { Operator, OperatorContext, Port } from './operator';
export * from './params';
export { joinOutputMapping } from './join-fields';
export { OperatorParamsError, EventTimeError, PortError } from './errors';
export type { TimeOf } from './event-time';
export { TumblingWindow, type WindowFunctions } from './tumbling-window';
export { SlidingWindow } from './sliding-window';
export { SessionWindow } from './session-window';
export { CountWindow } from './count-window';
export { IntervalJoin } from './interval-join';
export { Filter, type RowFn } from './filter';
export { MapOperator } from './map';
export { Union } from './union';
export { SourceWatermarks, WatermarkCombiner, type PartitionFeed, type PartitionId, type SourceWatermarkOptions } from '../state/watermarks';
export { SnapshotError } from '../state/json-value';

import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by the given processes, from /proc; null where
 * /proc is missing (not Linux) or a process is gone. Lets the benchmark compare CPU per record
 * of Flink's JVMs with the embedded job's, a measure that machine load skews far less than wall time.
 */
export function processCpuMs(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += Number(fields[11]) + Number(fields[12]);
  }
  return (total * 1000) / TICKS_PER_SECOND;
}

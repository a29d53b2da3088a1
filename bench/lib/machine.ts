import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kafkajs: string;
  platform: string;
  /** 1-minute load average when the benchmark started (other work on a shared machine skews results). */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  let kafkajs = 'unknown';
  try {
    kafkajs = (JSON.parse(readFileSync(new URL('../../node_modules/kafkajs/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    // Reported as unknown.
  }
  return {
    cpuModel: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kafkajs,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

import { describe, expect, it } from 'vitest';
import { classifyBrokerExit, type ExitContext } from './broker-exit';

const ctx: ExitContext = {
  host: '127.0.0.1', port: 19092, controllerPort: 19093, dataDir: '/d', storageDir: '/d/kafka',
  logFile: '/d/kafka.log', exit: { code: 1, signal: null },
};

describe('classifyBrokerExit', () => {
  it('names the port a bind failure was about', () => {
    const tail = '[2026] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\norg.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:19093: Address already in use.';
    const r = classifyBrokerExit(tail, ctx);
    expect(r.code).toBe('PORT_IN_USE');
    expect(r.message).toContain('127.0.0.1:19093');
    expect(r.message).toContain('Address already in use');
  });

  it('reports a held log directory lock as DATA_DIR_IN_USE', () => {
    const r = classifyBrokerExit('Failed to acquire lock on file .lock in /d/kafka. A Kafka instance in another process or thread is using this directory.', ctx);
    expect(r.code).toBe('DATA_DIR_IN_USE');
    expect(r.message).toContain('/d/kafka');
  });

  it('reports storage trouble as STORAGE_UNREADABLE naming the directory', () => {
    const r = classifyBrokerExit('java.lang.RuntimeException: No readable meta.properties files found.', ctx);
    expect(r.code).toBe('STORAGE_UNREADABLE');
    expect(r.message).toContain('/d/kafka');
  });

  it('falls back to EXITED with how it ended and the log tail', () => {
    const r = classifyBrokerExit('something odd', { ...ctx, exit: { code: null, signal: 'SIGKILL' } });
    expect(r.code).toBe('EXITED');
    expect(r.message).toContain('signal SIGKILL');
    expect(r.message).toContain('something odd');
    expect(r.message).toContain('/d/kafka.log');
  });
});

import type { StackErrorCode } from './stack-error';

export interface ExitContext {
  host: string;
  port: number;
  controllerPort: number;
  dataDir: string;
  storageDir: string;
  logFile: string;
  exit: { code: number | null; signal: string | null };
}

/**
 * Names the cause of a broker that died while starting from its last log lines, so the
 * error says "port 9092 is in use" rather than "exited with 1".
 */
export function classifyBrokerExit(logTail: string, ctx: ExitContext): { code: StackErrorCode; message: string } {
  const how = ctx.exit.signal ? `signal ${ctx.exit.signal}` : `code ${ctx.exit.code}`;
  const tail = `\n--- last lines of ${ctx.logFile} ---\n${logTail || '(empty)'}`;
  const bind = /failed to bind to ([^\s:]+|\[[^\]]+\]):(\d+)/i.exec(logTail);
  if (bind || /Address already in use|BindException/.test(logTail)) {
    const port = bind ? bind[2] : `${ctx.port} or ${ctx.controllerPort}`;
    return { code: 'PORT_IN_USE', message: `Kafka could not listen on ${ctx.host}:${port}: the port is in use (broker exited with ${how})${tail}` };
  }
  if (/Failed to acquire lock on file/i.test(logTail)) {
    return {
      code: 'DATA_DIR_IN_USE',
      message: `Another Kafka process holds the lock on ${ctx.storageDir} (broker exited with ${how})${tail}`,
    };
  }
  if (/meta\.properties|cluster\.id|not formatted|Invalid cluster|inconsistent/i.test(logTail)) {
    return {
      code: 'STORAGE_UNREADABLE',
      message: `Kafka could not use its storage at ${ctx.storageDir} (broker exited with ${how}); remove ${ctx.dataDir} to start afresh${tail}`,
    };
  }
  return { code: 'EXITED', message: `Kafka exited while starting (${how})${tail}` };
}

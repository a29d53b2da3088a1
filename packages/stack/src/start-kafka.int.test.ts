import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBrokers, waitForBroker } from '@weir/kafka';
import { testBrokers } from '@weir/kafka/testing';
import { isProcessAlive } from './java-process';
import { kafkaLayout } from './kafka-layout';
import { runKafkaTool } from './kafka-tools';
import { probePort } from './port-probe';
import { isStackError } from './stack-error';
import { startKafka } from './start-kafka';
import { stopKafkaFromPidFile } from './stop-kafka';

const dirs: string[] = [];
const servers: Server[] = [];
const sockets: Socket[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'weir-stack-int-'));
  dirs.push(d);
  return d;
}

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs) {
    await stopKafkaFromPidFile(d, 5000).catch(() => {});
    rmSync(d, { recursive: true, force: true });
  }
});

function listen(onConnection: (socket: Socket) => void): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer((socket) => { sockets.push(socket); onConnection(socket); });
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
}

/** Two consecutive free ports (broker, controller). */
async function freePortPair(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if ((await probePort('127.0.0.1', port)) === 'free' && (await probePort('127.0.0.1', port + 1)) === 'free') return port;
  }
  throw new Error('no free port pair found');
}

const [testBroker] = parseBrokers(testBrokers());
const [testHost, testPortText] = testBroker!.split(/:(?=\d+$)/);
const testPort = Number(testPortText);

describe('startKafka against the integration broker', () => {
  it.skipIf(testHost !== '127.0.0.1')('reuses a broker that already answers on the port', async () => {
    const dataDir = tempDir();
    const kafka = await startKafka({ dataDir, port: testPort });
    expect(kafka).toMatchObject({ brokers: `127.0.0.1:${testPort}`, reused: true });
    await kafka.stop();
    // Not ours to stop: the shared broker still answers.
    await expect(waitForBroker(kafka.brokers, { timeoutMs: 5000 })).resolves.toMatchObject({ brokers: [expect.objectContaining({ port: testPort })] });
    expect(existsSync(join(dataDir, 'kafka.pid'))).toBe(false);
  });

  it('fails with PORT_IN_USE naming the port when a non-Kafka server holds it', async () => {
    const silent = await listen(() => {});
    const hangsUp = await listen((socket) => socket.destroy());
    for (const port of [silent, hangsUp]) {
      const dataDir = tempDir();
      const err = await startKafka({ dataDir, port, reuseProbeMs: 2000 }).catch((e: unknown) => e);
      expect(isStackError(err, 'PORT_IN_USE')).toBe(true);
      expect((err as Error).message).toContain(String(port));
      expect(existsSync(join(dataDir, 'kafka'))).toBe(false);
    }
  });

  it('runs Kafka tools from the kafka-tools classpath (ConsumerGroupCommand)', async () => {
    const r = await runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', testBrokers(), '--list']);
    expect(r.code).toBe(0);
    const bad = await runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--no-such-option'], { check: false });
    expect(bad.code).not.toBe(0);
  });
});

describe('startKafka lifecycle of its own broker', () => {
  it('starts, shares through leases, stops, and is not blocked by a stale pid file', async () => {
    const dataDir = tempDir();
    const port = await freePortPair();
    const layout = kafkaLayout(dataDir);
    const opts = { dataDir, port, jvmArgs: ['-Xms128m', '-Xmx384m'], timeoutMs: 120_000 };

    const first = await startKafka(opts);
    expect(first).toMatchObject({ brokers: `127.0.0.1:${port}`, reused: false });
    expect(Number(readFileSync(layout.pidFile, 'utf8'))).toBe(first.pid);
    expect(readFileSync(layout.serverProperties, 'utf8')).toContain(`listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${port + 1}`);

    const second = await startKafka(opts);
    expect(second).toMatchObject({ reused: true, pid: first.pid });
    await second.stop();
    expect(isProcessAlive(first.pid!)).toBe(true); // the first user still holds a lease

    await first.stop();
    expect(isProcessAlive(first.pid!)).toBe(false);
    expect(existsSync(layout.pidFile)).toBe(false);
    expect(await probePort('127.0.0.1', port)).toBe('free');

    // A pid file left by a killed run, naming a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(layout.pidFile, `${gone}\n`);
    // fresh: skip the restarted node's wait for its old registration to expire.
    const third = await startKafka({ ...opts, fresh: true });
    expect(third.reused).toBe(false);
    expect(Number(readFileSync(layout.pidFile, 'utf8'))).toBe(third.pid);
    await expect(waitForBroker(third.brokers, { timeoutMs: 5000 })).resolves.toBeDefined();
    await third.stop();
    expect(isProcessAlive(third.pid!)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  clusterConfig, DEFAULT_FLINK_MEMORY, gatewayConfig, gatewayJvmArgs, JAVA17_OPENS, jobManagerJvmArgs,
  processSizes, renderFlinkYaml, taskManagerJvmArgs,
} from './flink-config';

const base = {
  host: '127.0.0.1', restPort: 18081, rpcPort: 16123, taskSlots: 2, tmpDir: '/d/tmp',
  checkpointsDir: '/d/checkpoints', savepointsDir: '/d/savepoints', webDir: '/d/web',
};

describe('cluster config.yaml', () => {
  it('binds everything to the host and names the ports', () => {
    const c = clusterConfig(base);
    expect(c).toMatchObject({
      'jobmanager.rpc.address': '127.0.0.1', 'jobmanager.rpc.port': 16123, 'jobmanager.bind-host': '127.0.0.1',
      'taskmanager.bind-host': '127.0.0.1', 'taskmanager.host': '127.0.0.1',
      'rest.address': '127.0.0.1', 'rest.bind-address': '127.0.0.1', 'rest.port': 18081,
      'taskmanager.numberOfTaskSlots': 2, 'execution.checkpointing.savepoint-dir': 'file:///d/savepoints',
    });
  });

  it('sets every TaskManager memory component explicitly, as the bin scripts would compute them', () => {
    const c = clusterConfig(base);
    for (const key of [
      'taskmanager.cpu.cores', 'taskmanager.memory.task.heap.size', 'taskmanager.memory.managed.size',
      'taskmanager.memory.network.min', 'taskmanager.memory.network.max', 'taskmanager.memory.framework.heap.size',
      'taskmanager.memory.framework.off-heap.size', 'taskmanager.memory.task.off-heap.size',
      'taskmanager.memory.jvm-metaspace.size', 'taskmanager.memory.jvm-overhead.min', 'taskmanager.memory.jvm-overhead.max',
    ]) expect(c[key], key).toBeDefined();
    expect(c['taskmanager.memory.task.heap.size']).toBe(`${DEFAULT_FLINK_MEMORY.taskManager.taskHeap}m`);
  });

  it('sizes the JVMs to match the configuration and keeps the cluster under 2.5 GB', () => {
    const m = DEFAULT_FLINK_MEMORY;
    expect(taskManagerJvmArgs()).toEqual([
      `-Xms${m.taskManager.frameworkHeap + m.taskManager.taskHeap}m`, `-Xmx${m.taskManager.frameworkHeap + m.taskManager.taskHeap}m`,
      `-XX:MaxDirectMemorySize=${m.taskManager.frameworkOffHeap + m.taskManager.taskOffHeap + m.taskManager.network}m`,
      `-XX:MaxMetaspaceSize=${m.taskManager.metaspace}m`,
    ]);
    expect(jobManagerJvmArgs()).toContain(`-Xmx${m.jobManager.heap}m`);
    expect(gatewayJvmArgs()).toContain(`-Xmx${m.gateway.heap}m`);
    expect(processSizes().total).toBeLessThanOrEqual(2560);
  });

  it('points the gateway at the session cluster', () => {
    expect(gatewayConfig({ host: '127.0.0.1', restAddress: '127.0.0.1', restPort: 18081, gatewayPort: 18083, tmpDir: '/t' })).toMatchObject({
      'execution.target': 'remote', 'rest.address': '127.0.0.1', 'rest.port': 18081,
      'sql-gateway.endpoint.rest.address': '127.0.0.1', 'sql-gateway.endpoint.rest.port': 18083,
    });
  });

  it('renders flat YAML, quoting what YAML would misread', () => {
    const yaml = renderFlinkYaml({ 'a.b': 1, 'c.d': 'file:///x/y', 'e.f': 'true', 'g.h': "it's: odd", 'i.j': '2 s' }, 'header');
    expect(yaml).toBe("# header\na.b: 1\nc.d: file:///x/y\ne.f: 'true'\ng.h: 'it''s: odd'\ni.j: 2 s\n");
  });

  it('opens what flink-dist opens for Java 17', () => {
    expect(JAVA17_OPENS).toContain('--add-opens=java.base/java.util=ALL-UNNAMED');
    expect(JAVA17_OPENS).toContain('--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED');
    expect(JAVA17_OPENS.every((o) => /^--add-(opens|exports)=[\w.]+\/[\w.]+=ALL-UNNAMED$/.test(o))).toBe(true);
  });
});

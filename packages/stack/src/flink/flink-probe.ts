/** Whether URLs answer as Flink's REST API and its SQL Gateway (no Flink client needed). */

export interface FlinkOverview {
  taskmanagers: number;
  'slots-total': number;
  'slots-available': number;
  'flink-version': string;
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

/** Flink's `/overview`, or undefined when the URL does not answer as a Flink cluster. */
export async function probeFlinkRest(restUrl: string, timeoutMs = 2000): Promise<FlinkOverview | undefined> {
  try {
    const body = await getJson(`${restUrl.replace(/\/$/, '')}/overview`, timeoutMs) as Partial<FlinkOverview>;
    return typeof body['flink-version'] === 'string' && typeof body.taskmanagers === 'number' ? body as FlinkOverview : undefined;
  } catch {
    return undefined;
  }
}

/** The gateway's `/v1/info` version, or undefined when the URL does not answer as a SQL Gateway. */
export async function probeSqlGateway(gatewayUrl: string, timeoutMs = 2000): Promise<string | undefined> {
  try {
    const body = await getJson(`${gatewayUrl.replace(/\/$/, '')}/v1/info`, timeoutMs) as { productName?: string; version?: string };
    return body.productName === 'Apache Flink' && typeof body.version === 'string' ? body.version : undefined;
  } catch {
    return undefined;
  }
}

/** A cluster that can run a job: at least one TaskManager with slots. */
export function isReady(overview: FlinkOverview | undefined): boolean {
  return overview !== undefined && overview.taskmanagers > 0 && overview['slots-total'] > 0;
}

/**
 * Loads and JIT-compiles the SQL planner inside a freshly started SQL Gateway while the
 * session cluster is still starting: the first statements of a new gateway otherwise take
 * tens of seconds on a small machine, and that wait would fall on the first deploy.
 * Planning needs no cluster, so this costs the start almost nothing. Failures are ignored.
 */
const WARMUP = [
  "SET 'table.local-time-zone' = 'UTC'",
  "CREATE TEMPORARY VIEW `weir_warmup` AS SELECT * FROM (VALUES (1, 'a', TIMESTAMP '2026-01-01 00:00:00')) AS t(`n`, `k`, `ts`)",
  "EXPLAIN SELECT `k`, COUNT(*), SUM(`n`), MAX(`ts`) FROM `weir_warmup` WHERE `n` > 0 GROUP BY `k`",
];

async function call(url: string, method: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method, signal: AbortSignal.timeout(60_000),
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
}

export async function warmUpGateway(gatewayUrl: string): Promise<void> {
  try {
    const session = (await call(`${gatewayUrl}/v3/sessions`, 'POST', { sessionName: 'weir-warmup' })).sessionHandle as string | undefined;
    if (!session) return;
    for (const statement of WARMUP) {
      const op = (await call(`${gatewayUrl}/v3/sessions/${session}/statements`, 'POST', { statement })).operationHandle as string | undefined;
      if (!op) break;
      let next: string | undefined = `/v3/sessions/${session}/operations/${op}/result/0?rowFormat=JSON`;
      while (next) {
        const page = await call(`${gatewayUrl}${next}`, 'GET');
        if (page.errors || page.resultType === 'EOS') break;
        if (page.resultType === 'NOT_READY') await new Promise((r) => setTimeout(r, 100));
        next = page.nextResultUri as string | undefined;
      }
    }
    await call(`${gatewayUrl}/v3/sessions/${session}`, 'DELETE').catch(() => undefined);
  } catch {
    // A warm-up that fails leaves the gateway as it was.
  }
}

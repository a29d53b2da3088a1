import { FlinkError, javaErrorReason } from './flink-error';
import { requestJson } from './http-json';

/**
 * A client of Flink's SQL Gateway REST endpoint (API v3, Flink 1.19+): sessions, statements,
 * operation results. One statement runs at a time; INSERTs answer with the Flink job id.
 */

export interface StatementResult {
  /** The job an INSERT or EXECUTE STATEMENT SET submitted. */
  jobId: string | null;
  /** Rows as the gateway's JSON row format gives them. */
  rows: unknown[][];
}

interface ResultPage {
  resultType?: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  jobID?: string;
  resultKind?: string;
  results?: { columns?: Array<{ name: string }>; data?: Array<{ kind: string; fields: unknown[] }> };
  nextResultUri?: string;
  errors?: string[];
}

const API = 'v3';

function shortStatement(statement: string): string {
  const one = statement.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 117)}…` : one;
}

export class GatewayClient {
  readonly url: string;

  constructor(url: string, private readonly timeoutMs = 30_000) {
    this.url = url.replace(/\/$/, '');
  }

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await requestJson('Flink SQL Gateway', this.url, method, path, body, this.timeoutMs);
    return { status: res.status, body: res.body as T };
  }

  async openSession(name: string, properties: Record<string, string> = {}): Promise<GatewaySession> {
    const r = await this.request<{ sessionHandle?: string; errors?: string[] }>('POST', `/${API}/sessions`, { sessionName: name, properties });
    if (!r.body.sessionHandle) {
      throw new FlinkError('FLINK_SQL_ERROR', `Flink SQL Gateway refused a session (${r.status}): ${javaErrorReason(r.body.errors?.join('\n') ?? '')}`);
    }
    return new GatewaySession(this, r.body.sessionHandle);
  }
}

export class GatewaySession {
  constructor(private readonly client: GatewayClient, readonly handle: string) {}

  /**
   * Runs one statement to its end and reads every page of its result. A statement the
   * gateway rejects becomes FLINK_SQL_ERROR naming the statement and Flink's reason.
   */
  async execute(statement: string, timeoutMs = 300_000): Promise<StatementResult> {
    const fail = (errors: string[] | undefined, status: number) =>
      new FlinkError('FLINK_SQL_ERROR', `Flink rejected \`${shortStatement(statement)}\`: ${javaErrorReason(errors?.slice(1).join('\n') || errors?.join('\n') || `HTTP ${status}`)}`);
    const submitted = await this.client.request<{ operationHandle?: string; errors?: string[] }>(
      'POST', `/${API}/sessions/${this.handle}/statements`, { statement });
    if (!submitted.body.operationHandle) throw fail(submitted.body.errors, submitted.status);
    let next: string | undefined = `/${API}/sessions/${this.handle}/operations/${submitted.body.operationHandle}/result/0?rowFormat=JSON`;
    const rows: unknown[][] = [];
    let jobId: string | null = null;
    const deadline = Date.now() + timeoutMs;
    let wait = 50;
    while (next) {
      const page: { status: number; body: ResultPage } = await this.client.request<ResultPage>('GET', next);
      if (page.body.errors || page.status >= 400) throw fail(page.body.errors, page.status);
      const body: ResultPage = page.body;
      if (body.resultType === 'NOT_READY') {
        if (Date.now() > deadline) throw new FlinkError('FLINK_SQL_ERROR', `Flink did not finish \`${shortStatement(statement)}\` within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(500, wait * 2);
        next = body.nextResultUri ?? next;
        continue;
      }
      if (body.jobID) jobId = body.jobID;
      for (const row of body.results?.data ?? []) rows.push(row.fields);
      if (body.resultType === 'EOS') break;
      next = body.nextResultUri;
    }
    // Before the v2 body field, the job id came only as the INSERT's one-row result.
    if (jobId === null && /^\s*(INSERT|EXECUTE\s+STATEMENT\s+SET)/i.test(statement) && typeof rows[0]?.[0] === 'string' && /^[0-9a-f]{32}$/.test(rows[0][0] as string)) {
      jobId = rows[0][0] as string;
    }
    return { jobId, rows };
  }

  async close(): Promise<void> {
    await this.client.request('DELETE', `/${API}/sessions/${this.handle}`).catch(() => undefined);
  }
}

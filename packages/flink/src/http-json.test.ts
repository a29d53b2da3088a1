import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from './http-json';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/json') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: body ? JSON.parse(body) : null })));
      return;
    }
    res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requestJson', () => {
  it('sends a JSON body and parses the JSON answer', async () => {
    expect(await requestJson('Flink REST API', base, 'POST', '/json', { a: 1 }, 5000)).toMatchObject({ status: 200, ok: true, body: { echo: { a: 1 } } });
  });

  it('keeps an answer that is not JSON (a proxy error page) as its errors, not a parse failure', async () => {
    expect(await requestJson('Flink REST API', base, 'GET', '/proxy', undefined, 5000)).toMatchObject({ status: 502, ok: false, body: { errors: ['<html>Bad Gateway</html>'] } });
  });

  it('names the server and the call when nothing answers (FLINK_UNREACHABLE)', async () => {
    await expect(requestJson('Flink SQL Gateway', 'http://127.0.0.1:1', 'GET', '/v1/info', undefined, 5000))
      .rejects.toMatchObject({ code: 'FLINK_UNREACHABLE', message: expect.stringMatching(/^Flink SQL Gateway at http:\/\/127\.0\.0\.1:1 did not answer GET \/v1\/info/) });
  });
});

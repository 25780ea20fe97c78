import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, BRAND, FIXED_NOW, startTestCarriers, type TestSetup } from './__fixtures__/server-fixtures';
import { createWismoServer } from './create-server';
import { startServer, type RunningWismoServer } from './start-server';

const HOSTILE_HOST = 'evil.example';

/** A real HTTP request whose Host header is chosen by the caller (as any client can). */
function getWithHost(
  server: RunningWismoServer,
  path: string,
  host: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { host, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('URLs the server writes do not come from the Host header', () => {
  let setup: TestSetup;
  let relative: RunningWismoServer;
  let configured: RunningWismoServer;

  beforeAll(async () => {
    setup = await startTestCarriers();
    const options = { port: 0, tracker: setup.tracker, orders: setup.orders, apiKeys: [API_KEY], brand: BRAND, now: () => FIXED_NOW };
    relative = await startServer(options);
    configured = await startServer({ ...options, publicBaseUrl: 'https://track.example.com' });
  });
  afterAll(async () => {
    await relative?.close();
    await configured?.close();
    await setup?.close();
  });

  it('without a public URL, /openapi.json names a relative server and problems have relative types', async () => {
    const document = await getWithHost(relative, '/openapi.json', HOSTILE_HOST);
    expect(document.status).toBe(200);
    expect(document.body).not.toContain(HOSTILE_HOST);
    expect((JSON.parse(document.body) as { servers: unknown }).servers).toEqual([{ url: '/' }]);

    const problem = await getWithHost(relative, '/v1/orders/x/view', HOSTILE_HOST);
    expect(problem.status).toBe(401);
    expect(problem.body).not.toContain(HOSTILE_HOST);
    expect(JSON.parse(problem.body)).toMatchObject({ type: '/problems/unauthorized' });

    const batch = await getWithHost(relative, '/v1/shipments/acme/ACME0404', HOSTILE_HOST, { authorization: `Bearer ${API_KEY}` });
    expect(batch.status).toBe(404);
    expect(JSON.parse(batch.body)).toMatchObject({ type: '/problems/not_found' });
  });

  it('with a public URL, every absolute URL uses it', async () => {
    const document = await getWithHost(configured, '/openapi.json', HOSTILE_HOST);
    expect(document.body).not.toContain(HOSTILE_HOST);
    expect((JSON.parse(document.body) as { servers: unknown }).servers).toEqual([{ url: 'https://track.example.com' }]);
    const problem = await getWithHost(configured, '/v1/orders/x/view', HOSTILE_HOST);
    expect(JSON.parse(problem.body)).toMatchObject({ type: 'https://track.example.com/problems/unauthorized' });
  });

  it('refuses a public URL that is not an absolute http(s) URL', () => {
    for (const publicBaseUrl of ['track.example.com', 'javascript:alert(1)', 'ftp://track.example.com', 'https://track.example.com/?q=1']) {
      expect(
        () => createWismoServer({ tracker: setup.tracker, orders: setup.orders, apiKeys: [API_KEY], brand: BRAND, publicBaseUrl }),
        publicBaseUrl,
      ).toThrow(/publicBaseUrl/);
    }
  });
});

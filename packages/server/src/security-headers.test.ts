import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, BRAND, FIXED_NOW, startTestCarriers, type TestSetup } from './__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from './create-server';

const BASE = 'http://wismo.test';

function expectPageHeaders(response: Response, what: string): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'none'");
  expect(csp, what).toContain("base-uri 'none'");
  expect(csp, what).toContain("frame-ancestors 'self' https://shop.example.com");
  expect(csp, what).not.toContain('script-src');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security headers on every HTML page', () => {
  let setup: TestSetup;
  let server: WismoServer;

  beforeAll(async () => {
    setup = await startTestCarriers();
    server = createWismoServer({
      tracker: setup.tracker,
      orders: setup.orders,
      apiKeys: [API_KEY],
      brand: BRAND,
      frameAncestors: "'self' https://shop.example.com",
      now: () => FIXED_NOW,
    });
  });
  afterAll(() => setup.close());

  it('the problem type pages get the same headers as the tracking page', async () => {
    const trackPage = await server.fetch(new Request(`${BASE}/track`));
    expectPageHeaders(trackPage, '/track');
    for (const code of ['not_found', 'unauthorized', 'too_many_requests']) {
      const response = await server.fetch(new Request(`${BASE}/problems/${code}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expectPageHeaders(response, `/problems/${code}`);
      expect(response.headers.get('content-security-policy')).toBe(trackPage.headers.get('content-security-policy'));
    }
    const unknown = await server.fetch(new Request(`${BASE}/problems/constructor`));
    expect(unknown.status).toBe(404);
    expectPageHeaders(unknown, '/problems/constructor');
  });

  it('the 404 page too', async () => {
    const response = await server.fetch(new Request(`${BASE}/de/nothing`));
    expect(response.status).toBe(404);
    expectPageHeaders(response, '404');
  });

  it('API answers are not sniffed or cached', async () => {
    const response = await server.fetch(new Request(`${BASE}/v1/detect/1`, { headers: { authorization: `Bearer ${API_KEY}` } }));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const problem = await server.fetch(new Request(`${BASE}/v1/detect/1`));
    expect(problem.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

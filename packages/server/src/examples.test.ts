import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createExpressExample } from '../../../examples/server/express';
import { createFastifyExample } from '../../../examples/server/fastify';
import { closeExample, GET, POST } from '../../../examples/server/nextjs-route';
import { EXAMPLE_API_KEY } from '../../../examples/server/sandbox-setup';
import { runStandalone } from '../../../examples/server/standalone';

// The examples of examples/server/ as integrators run them: wismo mounted in each host.
async function exercise(base: string, numbers: { ups: { delivered: string }; dhl: { in_transit: string } }) {
  const auth = { authorization: `Bearer ${EXAMPLE_API_KEY}` };
  const detect = await fetch(`${base}/v1/detect/${numbers.ups.delivered}`, { headers: auth });
  expect(detect.status).toBe(200);
  expect((await detect.json()) as unknown).toMatchObject({ configuredCandidates: ['ups'] });
  const many = await fetch(`${base}/v1/shipments/track`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ trackingNumber: numbers.ups.delivered }] }),
  });
  expect(many.status).toBe(200);
  const page = await fetch(`${base}/de/track/dhl/${numbers.dhl.in_transit}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('aria-current="step"');
  // Links on the page carry the mount path.
  expect(html).toContain(`href="${new URL(base).pathname.replace(/\/$/, '')}/en/track/dhl/${numbers.dhl.in_transit}"`);
  const lookup = await fetch(`${base}/orders/lookup`, {
    method: 'POST',
    body: new URLSearchParams({ orderNumber: '1001', email: 'anna@example.de' }),
    redirect: 'manual',
  });
  expect(lookup.status).toBe(303);
  const order = await fetch(new URL(lookup.headers.get('location')!, base));
  expect(await order.text()).toContain('Anna');
  expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
}

describe('server examples', () => {
  it('standalone', async () => {
    const { running, numbers, close } = await runStandalone(0);
    try {
      await exercise(running.url, numbers);
    } finally {
      await close();
    }
  });

  it('Express 5', async () => {
    const { app, sandbox } = await createExpressExample();
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await (await fetch(`${base}/`)).text()).toContain('The shop');
      await exercise(`${base}/wismo`, sandbox.numbers);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await sandbox.close();
    }
  });

  it('Fastify 5', async () => {
    const { fastify, sandbox } = await createFastifyExample();
    const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(await (await fetch(`${address}/`)).json()).toMatchObject({ tracking: '/wismo/track' });
      await exercise(`${address}/wismo`, sandbox.numbers);
    } finally {
      await fastify.close();
      await sandbox.close();
    }
  });

  it('Next.js route handler (web Request → Response)', async () => {
    try {
      const detect = await GET(
        new Request('https://shop.example.com/wismo/v1/detect/1ZW0004S0318207000', {
          headers: { authorization: `Bearer ${EXAMPLE_API_KEY}` },
        }),
      );
      expect(detect.status).toBe(200);
      const page = await GET(new Request('https://shop.example.com/wismo/track', { headers: { 'accept-language': 'fr-FR' } }));
      expect(await page.text()).toContain('<html lang="fr"');
      const lookup = await POST(
        new Request('https://shop.example.com/wismo/orders/lookup', {
          method: 'POST',
          body: new URLSearchParams({ orderNumber: 'US-1002', postcode: '98101' }),
        }),
      );
      expect(lookup.status).toBe(303);
      expect(lookup.headers.get('location')).toMatch(/^\/wismo\/en\/orders\/view\?access=/);
    } finally {
      await closeExample();
    }
  });
});

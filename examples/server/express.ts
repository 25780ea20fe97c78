// `tsx examples/server/express.ts`: wismo mounted at /wismo in an Express 5 app.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import express, { type Express } from 'express';
import type { WismoServer } from '@wismo/server';
import { createSandboxWismo, EXAMPLE_API_KEY, isMain, type SandboxWismo } from './sandbox-setup';

/**
 * Mount before any body parser (wismo reads the raw request body itself). Express strips the mount path
 * from `req.url`; wismo is created with `basePath: '/wismo'`, so it gets the original URL back.
 */
export function mountWismo(app: Express, wismo: WismoServer, path = '/wismo'): void {
  const listener = getRequestListener(wismo.fetch);
  app.use(path, (request, response) => {
    request.url = request.originalUrl;
    void listener(request, response);
  });
}

export async function createExpressExample(): Promise<{ app: Express; sandbox: SandboxWismo }> {
  const sandbox = await createSandboxWismo({ basePath: '/wismo' });
  const app = express();
  app.get('/', (_request, response) => {
    response.type('html').send('<p>The shop. Track your parcel on <a href="/wismo/track">/wismo/track</a>.</p>');
  });
  mountWismo(app, sandbox.wismo);
  app.use(express.json()); // the shop's own JSON routes come after the mount
  return { app, sandbox };
}

if (isMain(import.meta.url)) {
  const { app, sandbox } = await createExpressExample();
  const server: Server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Express on http://127.0.0.1:${port}; wismo at /wismo`);
    console.log(`  http://127.0.0.1:${port}/wismo/track/dhl/${sandbox.numbers.dhl.in_transit}`);
    console.log(
      `  curl -H 'Authorization: Bearer ${EXAMPLE_API_KEY}' http://127.0.0.1:${port}/wismo/v1/detect/${sandbox.numbers.ups.delivered}`,
    );
  });
  process.once('SIGINT', () => server.close(() => void sandbox.close().then(() => process.exit(0))));
}

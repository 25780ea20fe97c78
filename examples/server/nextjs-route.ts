// A Next.js App Router route handler: save as `app/wismo/[[...path]]/route.ts` and every request under
// /wismo (API, tracking page, helpdesk panels) is answered by wismo. No Next.js import is needed: route
// handlers take a web `Request` and return a `Response`, which is what `wismo.fetch` does.
//
// In a real app, build the server from your carriers' credentials and your order source instead of the
// sandbox, e.g. `createWismoServer({ tracker: createTracker({ carriers: [ups, dhl] }), orders: myOrderSource, ... })`.
// `tsx examples/server/nextjs-route.ts` runs the handlers the way Next.js would call them.
import type { WismoServer } from '@wismo/server';
import { createSandboxWismo, EXAMPLE_API_KEY, isMain, type SandboxWismo } from './sandbox-setup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let sandbox: Promise<SandboxWismo> | undefined;

/** One server per process, created on the first request (the module may be imported at build time). */
function server(): Promise<WismoServer> {
  // Behind Vercel or another proxy, the client address is in X-Forwarded-For: trust one hop.
  sandbox ??= createSandboxWismo({ basePath: '/wismo', trustProxy: true });
  return sandbox.then((created) => created.wismo);
}

async function handler(request: Request): Promise<Response> {
  return (await server()).fetch(request);
}

export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const OPTIONS = handler;

/** For the demo and tests: stops the sandbox carriers. */
export async function closeExample(): Promise<void> {
  if (sandbox) await (await sandbox).close();
  sandbox = undefined;
}

if (isMain(import.meta.url)) {
  const { numbers } = await (sandbox ??= createSandboxWismo({ basePath: '/wismo', trustProxy: true }));
  const page = await GET(
    new Request(`https://shop.example.com/wismo/de/track/dhl/${numbers.dhl.in_transit}`, {
      headers: { 'x-forwarded-for': '198.51.100.7' },
    }),
  );
  console.log('GET /wismo/de/track/dhl/…', page.status, (await page.text()).match(/<h1>[^<]*<\/h1>/)?.[0]);
  const api = await GET(
    new Request(`https://shop.example.com/wismo/v1/detect/${numbers.ups.delivered}`, {
      headers: { authorization: `Bearer ${EXAMPLE_API_KEY}` },
    }),
  );
  console.log('GET /wismo/v1/detect/…', api.status, await api.json());
  await closeExample();
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxPusher, type SandboxClock } from '@wismo/testkit';

/** Where the stand-in UPS pushed a parcel's scans, and the credential it sent with them. */
export interface UpsPushDelivery {
  url: string;
  credential: string | null;
}

/**
 * A stand-in for UPS on loopback: its OAuth token endpoint, and the Track Alert subscription API of the sandbox
 * pusher. The pushes it would send to the subscribed destination are recorded, not sent.
 */
export async function startUpsSubscriptionServer(clock: SandboxClock) {
  const pushedTo: UpsPushDelivery[] = [];
  /** The paths of the Track Alert calls received (subscriptions made), in order. */
  const subscriptionCalls: string[] = [];
  const upsApi = createSandboxPusher({
    carrier: 'ups',
    clock,
    advancingStart: clock.now(),
    secret: 'unused',
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      pushedTo.push({ url: String(url), credential: new Headers(init?.headers).get('credential') });
      return new Response('{}');
    }) as typeof globalThis.fetch,
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (request.url?.includes('/subscription/')) subscriptionCalls.push(request.url);
        const answer =
          request.url === '/security/v1/oauth/token'
            ? Response.json({ access_token: 'ups-access-token', token_type: 'Bearer', expires_in: 3600 })
            : await upsApi.subscriptionApi(`http://ups.test${request.url}`, {
                method: request.method ?? 'GET',
                headers: request.headers as Record<string, string>,
                ...(chunks.length > 0 ? { body: Buffer.concat(chunks).toString('utf8') } : {}),
              });
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(await answer.text());
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The sandbox pusher behind the API: `flush()` pushes the scans of subscribed numbers (recorded in `pushedTo`). */
    upsApi,
    pushedTo,
    subscriptionCalls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { logSafely, pushBodyDigest, type Logger, type PushReceiver, type PushRequest } from '@wismo/core';
import type { Store } from '@wismo/store';
import type { Context } from 'hono';
import { buildProblem, type ProblemCode } from './problem';
import { problemResponses } from './routes';

export interface PushRouteDependencies {
  /** Where the receivers answer: `/webhooks/carriers` (carriers) or another prefix for aggregator bridges. */
  pathPrefix: string;
  /** One route per receiver, at `{pathPrefix}/{receiver.source}`. */
  receivers: readonly PushReceiver[];
  store: Store;
  /** Largest accepted body in bytes (DHL eCommerce Americas sends a parcel's whole history). */
  maxBodyBytes: number;
  /** For problem `type` URIs. */
  problemTypeBase: string;
  /** After a partial push, the next poll is at most this far ahead (the store's default otherwise). */
  partialFollowUpMs?: number;
  logger?: Logger;
  now: () => Date;
  /** OpenAPI tag of the routes. */
  tag: string;
}

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export const PushReceiptSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean().openapi({ description: 'The same delivery arrived before; nothing was applied again.' }),
    applied: z.number().int().openapi({ description: 'Tracking numbers of the push that reached watched trackings.' }),
    unmatched: z.number().int().openapi({ description: 'Tracking numbers nobody watches (kept in the receipt only).' }),
    rejected: z.number().int().openapi({ description: 'Items of the push that could not be read (kept in the receipt).' }),
  })
  .openapi('PushReceipt');

function problem(c: Context, deps: PushRouteDependencies, code: ProblemCode, detail?: string): Response {
  const body = buildProblem(code, detail ? { detail } : {}, { typeBase: deps.problemTypeBase, instance: new URL(c.req.url).pathname });
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', 'X-Content-Type-Options': 'nosniff', ...NO_STORE },
  });
}

/** The raw bytes, refused past the limit (before reading when Content-Length says so). */
async function readBody(c: Context, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return bytes.byteLength > maxBytes ? null : bytes;
}

function pushRequestOf(c: Context, body: Uint8Array, receivedAt: Date): PushRequest {
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const url = new URL(c.req.url);
  return { method: c.req.method, url: `${url.pathname}${url.search}`, headers, body, receivedAt };
}

/**
 * Mounts `POST {pathPrefix}/{source}` for each receiver (and `…/{source}/token` for those that issue tokens). Each
 * delivery is verified on its raw bytes, in constant time, before anything is parsed; a failure is 401 with the
 * scheme's reason and never the secret or the received signature. A verified delivery is stored raw, de-duplicated
 * and ingested in one transaction, then answered 200 (carriers retry anything else).
 */
export function registerPushRoutes(app: OpenAPIHono, deps: PushRouteDependencies): void {
  const bySource = new Map(deps.receivers.map((receiver) => [receiver.source, receiver]));
  if (bySource.size === 0) return;
  const sources = [...bySource.keys()] as [string, ...string[]];
  const prefix = deps.pathPrefix.replace(/\/+$/, '');

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: `${prefix}/{source}`,
    operationId: `receivePush${deps.tag.replace(/\W+/g, '')}`,
    tags: [deps.tag],
    summary: 'Receive a push delivery',
    description:
      'The URL to give the sender. The body is verified by the sender’s documented scheme (UPS `credential` or OAuth token, ' +
      'FedEx `fdx-signature`, USPS `X-HMAC`, DHL’s named header) on the raw bytes before it is read; then stored, ' +
      'de-duplicated and applied to every watched tracking of its numbers.',
    request: {
      params: z.object({ source: z.enum(sources).openapi({ description: 'The receiver, e.g. `ups`.' }) }),
      body: { content: { 'application/json': { schema: z.unknown().openapi({ description: 'The sender’s own payload, unchanged.' }) } } },
    },
    responses: {
      200: { description: 'Verified and stored.', content: { 'application/json': { schema: PushReceiptSchema } } },
      ...problemResponses(['unauthorized', 'route_not_found', 'payload_too_large']),
    },
  });

  app.post(`${prefix}/:source/token`, async (c) => {
    const receiver = bySource.get(c.req.param('source'));
    if (!receiver?.answerTokenRequest) return problem(c, deps, 'route_not_found');
    const body = await readBody(c, 16 * 1024);
    if (!body) return problem(c, deps, 'payload_too_large');
    const answer = receiver.answerTokenRequest(pushRequestOf(c, body, deps.now()));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });

  app.post(`${prefix}/:source`, async (c) => {
    const receivedAt = deps.now();
    const source = c.req.param('source');
    const receiver = bySource.get(source);
    if (!receiver) return problem(c, deps, 'route_not_found', `No push receiver is configured for ${source}.`);
    const body = await readBody(c, deps.maxBodyBytes);
    if (!body) return problem(c, deps, 'payload_too_large', `The body is larger than ${deps.maxBodyBytes} bytes.`);
    const request = pushRequestOf(c, body, receivedAt);
    const verification = await receiver.verify(request);
    if (!verification.ok) {
      logSafely(deps.logger, 'warn', `push ${source}: refused (${verification.failure})`, { failure: verification.failure });
      return problem(c, deps, 'unauthorized', verification.message);
    }
    const text = Buffer.from(body).toString('utf8');
    const parsed = receiver.parse(text, { receivedAt });
    if (parsed.rejects.length > 0)
      logSafely(deps.logger, 'warn', `push ${source}: ${parsed.rejects.length} item(s) could not be read`, {
        first: parsed.rejects[0]!.message,
      });
    const result = await deps.store.ingestPush(
      {
        source,
        dedupeKey: verification.deliveryId ?? pushBodyDigest(body),
        body: text,
        receivedAt,
        updates: parsed.updates,
        rejects: parsed.rejects,
      },
      deps.partialFollowUpMs !== undefined ? { partialFollowUpMs: deps.partialFollowUpMs } : {},
    );
    return c.json(
      {
        received: true as const,
        duplicate: result.duplicate,
        applied: result.applied.length,
        unmatched: result.unmatched.length,
        rejected: parsed.rejects.length,
      },
      200,
      NO_STORE,
    );
  });
}

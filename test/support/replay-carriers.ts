// Local stand-ins for the carrier APIs: each speaks its carrier's real paths (OAuth included) and
// answers with the recorded or composed payloads from the carrier packages' __fixtures__.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const packagesDirectory = new URL('../../packages/', import.meta.url);

type Body = Record<string, unknown>;

interface CarrierReplay {
  carrier: 'ups' | 'fedex' | 'usps' | 'dhl';
  /** Tracking numbers a fixture answers for (success bodies only). */
  numbersIn(body: Body): string[];
  /** Handles one request; `fixtures` maps tracking number → body. */
  handle(
    request: IncomingMessage,
    url: URL,
    requestBody: string,
    fixtures: Map<string, Body>,
  ): { status: number; body: unknown; headers?: Record<string, string> };
}

const token = { access_token: 'sandbox-access-token', token_type: 'Bearer', expires_in: 3599 };
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);

const replays: CarrierReplay[] = [
  {
    carrier: 'ups',
    numbersIn: (body) =>
      ((get(body, 'trackResponse', 'shipment', 0, 'package') as Body[] | undefined) ?? [])
        .map((item) => String(item.trackingNumber ?? ''))
        .filter(Boolean),
    handle(request, url, _body, fixtures) {
      if (request.method === 'POST' && url.pathname === '/security/v1/oauth/token')
        return { status: 200, body: { ...token, expires_in: '14399' } };
      const match = /^\/api\/track\/v1\/details\/([^/]+)$/.exec(url.pathname);
      if (!match) return { status: 404, body: { response: { errors: [{ code: '404', message: 'Not Found' }] } } };
      const found = fixtures.get(decodeURIComponent(match[1]!));
      return found
        ? { status: 200, body: found }
        : {
            status: 200,
            body: {
              trackResponse: {
                shipment: [{ inquiryNumber: match[1], warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] }],
              },
            },
          };
    },
  },
  {
    carrier: 'fedex',
    numbersIn: (body) =>
      ((get(body, 'output', 'completeTrackResults') as Body[] | undefined) ?? [])
        .filter((result) => !get(result, 'trackResults', 0, 'error'))
        .map((result) => String(result.trackingNumber)),
    handle(request, url, requestBody, fixtures) {
      if (request.method === 'POST' && url.pathname === '/oauth/token') return { status: 200, body: { ...token, scope: 'CXS' } };
      if (url.pathname !== '/track/v1/trackingnumbers')
        return {
          status: 404,
          body: { errors: [{ code: 'NOT.FOUND.ERROR', message: 'The resource you requested is no longer available.' }] },
        };
      const requested = ((JSON.parse(requestBody) as Body).trackingInfo as Body[]).map((info) =>
        String(get(info, 'trackingNumberInfo', 'trackingNumber')),
      );
      const completeTrackResults = requested.map((number) => {
        const fixture = fixtures.get(number);
        const result = ((get(fixture, 'output', 'completeTrackResults') as Body[] | undefined) ?? []).find(
          (item) => item.trackingNumber === number,
        );
        return (
          result ?? {
            trackingNumber: number,
            trackResults: [
              {
                trackingNumberInfo: { trackingNumber: number },
                error: {
                  code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
                  message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
                },
              },
            ],
          }
        );
      });
      return { status: 200, body: { transactionId: 'sandbox', output: { completeTrackResults } } };
    },
  },
  {
    carrier: 'usps',
    numbersIn: (body) => (typeof body.trackingNumber === 'string' && Array.isArray(body.trackingEvents) ? [body.trackingNumber] : []),
    handle(request, url, _body, fixtures) {
      if (request.method === 'POST' && url.pathname === '/oauth2/v3/token') return { status: 200, body: { ...token, expires_in: 28799 } };
      const match = /^\/tracking\/v3\/tracking\/([^/]+)$/.exec(url.pathname);
      const found = match ? fixtures.get(decodeURIComponent(match[1]!)) : undefined;
      return found
        ? { status: 200, body: found }
        : {
            status: 400,
            body: {
              apiVersion: 'v3',
              error: {
                code: '400',
                message: 'Bad Request',
                errors: [
                  {
                    status: '400',
                    code: '150002',
                    title: 'The tracking number may be incorrect or the status update is not yet available.',
                  },
                ],
              },
            },
          };
    },
  },
  {
    carrier: 'dhl',
    numbersIn: (body) => ((body.shipments as Body[] | undefined) ?? []).map((shipment) => String(shipment.id ?? '')).filter(Boolean),
    handle(_request, url, _body, fixtures) {
      if (url.pathname !== '/track/shipments') return { status: 404, body: { title: 'Not Found', status: 404 } };
      const found = fixtures.get(url.searchParams.get('trackingNumber') ?? '');
      return found
        ? { status: 200, body: found }
        : {
            status: 404,
            body: { title: 'No result found', status: 404, detail: 'No shipment with given tracking number found.' },
            headers: { 'Content-Type': 'application/problem+json' },
          };
    },
  },
];

function loadFixtures(replay: CarrierReplay): Map<string, Body> {
  const directory = new URL(`carrier-${replay.carrier}/src/__fixtures__/`, packagesDirectory);
  const fixtures = new Map<string, Body>();
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    let body: Body;
    try {
      body = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Body;
    } catch {
      continue;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) continue;
    for (const number of replay.numbersIn(body)) if (!fixtures.has(number) && !/^(string|0+)$/i.test(number)) fixtures.set(number, body);
  }
  return fixtures;
}

export interface RunningSandbox {
  baseUrls: Record<CarrierReplay['carrier'], string>;
  numbers: Record<CarrierReplay['carrier'], string[]>;
  close(): Promise<void>;
}

/** Starts one loopback server per carrier on free ports. */
export async function startReplayCarriers(): Promise<RunningSandbox> {
  const servers: Server[] = [];
  const baseUrls = {} as RunningSandbox['baseUrls'];
  const numbers = {} as RunningSandbox['numbers'];
  for (const replay of replays) {
    const fixtures = loadFixtures(replay);
    numbers[replay.carrier] = [...fixtures.keys()];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        let answer;
        try {
          answer = replay.handle(request, url, Buffer.concat(chunks).toString('utf8'), fixtures);
        } catch (error) {
          answer = { status: 400, body: { message: `sandbox could not read the request: ${(error as Error).message}` } };
        }
        response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrls[replay.carrier] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server);
  }
  return {
    baseUrls,
    numbers,
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined),
  };
}

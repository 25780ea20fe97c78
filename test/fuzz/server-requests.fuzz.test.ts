// Fuzzing the server's request handling: random methods, paths, query strings, headers (Authorization,
// Accept-Language, Host, Cookie, Content-Type) and bodies, for the REST API, the tracking page and the
// helpdesk routes (some helpdesk bodies correctly signed, so that parsing after verification is reached).
// Every answer must be well formed: never a 500 or a thrown error, problem+json for every `/v1` failure,
// no canary secret anywhere, no email in a URL the server writes, the customer's email only for a request
// that was allowed to see it, and no Host header echoed. `pnpm test` runs a few hundred requests per
// property; `pnpm fuzz` sets FUZZ_RUNS (10,000) and reads the counts printed at the end.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, registerSecret } from '../../packages/core/src/index';
import { createInMemoryOrderSource } from '../../packages/order-view/src/index';
import {
  API_KEY,
  BRAND,
  CARRIER_SECRET,
  createAcmeCarrier,
  FIXED_NOW,
  testOrders,
} from '../../packages/server/src/__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../../packages/server/src/create-server';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const TIMEOUT_MS = Math.max(60_000, RUNS * 40);

/** The first fixture order's customer, with an address found nowhere else (documentation examples use the fixture's). */
const CUSTOMER_EMAIL = 'fuzz.customer.canary@example.net';
const ORDERS = testOrders().map((order, index) =>
  index === 0 ? { ...order, customer: { ...order.customer, email: CUSTOMER_EMAIL } } : order,
);
const SECRETS = {
  apiKey: API_KEY,
  pageSecret: 'canary-page-secret-6c1f0d2e9a7b4c5d',
  sessionSecret: 'canary-session-secret-0f9e8d7c6b5a4f3e2d1c',
  gorgias: 'canary-gorgias-key-4a5b6c7d',
  helpScout: 'canary-helpscout-7e6d5c4b',
  intercom: 'canary-intercom-secret-1a2b3c',
  gladly: 'canary-gladly-signing-key-9f8e',
  hubspot: 'canary-hubspot-secret-2d3e4f',
  zendesk: 'canary-zendesk-shared-secret-5g6h7i8j',
  freshdesk: 'canary-freshdesk-secret-3k4l5m',
  carrier: CARRIER_SECRET,
} as const;
const CANARIES = Object.values(SECRETS);

interface Counts {
  requests: number;
  byStatus: Map<number, number>;
  signedHelpdeskBodies: number;
  authorised: number;
  failures: number;
}
const counts: Counts = { requests: 0, byStatus: new Map(), signedHelpdeskBodies: 0, authorised: 0, failures: 0 };

let server: WismoServer;

beforeAll(() => {
  for (const secret of CANARIES) registerSecret(secret);
  const acme = createAcmeCarrier();
  server = createWismoServer({
    tracker: createTracker({ carriers: [acme] }),
    orders: createInMemoryOrderSource(ORDERS),
    carriers: [acme],
    apiKeys: [API_KEY],
    brand: BRAND,
    pageSecret: SECRETS.pageSecret,
    // No public URL: links must be relative, whatever the Host says. Limits off: every request is parsed.
    rateLimit: false,
    helpdesk: {
      publicBaseUrl: 'https://wismo.example/helpdesk',
      sessionSecret: SECRETS.sessionSecret,
      secrets: {
        gorgias: { apiKey: SECRETS.gorgias },
        helpScout: { secretKey: SECRETS.helpScout },
        intercom: { clientSecret: SECRETS.intercom },
        gladly: { signingKey: SECRETS.gladly },
        hubspot: { clientSecret: SECRETS.hubspot },
        zendesk: { sharedSecret: SECRETS.zendesk, appOrigin: 'https://acme.zendesk.com' },
        freshdesk: { sharedSecret: SECRETS.freshdesk },
      },
      app: {
        rateLimit: false,
        timeBudgetsMs: { gorgias: 50, helpScout: 50, intercom: 50, gladly: 50, hubspot: 50, zendesk: 50, freshdesk: 50 },
      },
    },
    timeBudgetMs: 50,
    now: () => FIXED_NOW,
  });
});

afterAll(() => {
  const statuses = [...counts.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${status}: ${count}`);
  process.stdout.write(
    `\nserver-requests fuzz (FUZZ_RUNS=${RUNS}): ${counts.requests} requests (${counts.authorised} with valid credentials, ${counts.signedHelpdeskBodies} of them correctly signed helpdesk requests), failures ${counts.failures}\n  by status: ${statuses.join(', ')}\n`,
  );
});

// ------------------------------------------------------------------------------------------ generators

/** Routes with `{}` where a path segment goes. */
const ROUTES = [
  '/v1/shipments/acme/{}',
  '/v1/shipments/{}/{}',
  '/v1/shipments/track',
  '/v1/detect/{}',
  '/v1/orders/{}/view',
  '/v1/{}',
  '/openapi.json',
  '/problems/{}',
  '/healthz',
  '/track',
  '/track/{}',
  '/de/track/acme/{}',
  '/orders/lookup',
  '/fr/orders/lookup',
  '/orders/view',
  '/helpdesk/gorgias',
  '/helpdesk/helpscout',
  '/helpdesk/intercom/initialize',
  '/helpdesk/intercom/submit',
  '/helpdesk/gladly/lookup',
  '/helpdesk/hubspot/card',
  '/helpdesk/zendesk',
  '/helpdesk/zendesk/panel',
  '/helpdesk/freshdesk',
  '/helpdesk/freshdesk/panel',
  '/{}',
  '/nl',
];
const REAL_SEGMENTS = [
  'ACME0001',
  'ACME0404',
  'ACME0422',
  'ACME0429',
  'ACME0503',
  'ACME0401',
  'ACME0502',
  'acme',
  'ups',
  'ord_1001',
  'ord_1002',
  'not_found',
  'too_many_requests',
  '1Z999AA10123456784',
  'de',
  'track',
];

const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    '..',
    '%00',
    '%2e%2e',
    '%ZZ',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '"quoted"',
    '\u202e',
    'ACME0503',
    'ACME0401',
    'ACME0429',
    'ord_1001',
    '1001',
    '#1001',
    CUSTOMER_EMAIL,
    'a'.repeat(5_000),
  ),
);

const pathSegment = nastyText.map((text) => encodeURIComponent(text).slice(0, 6_000));

const segment = fc.oneof({ arbitrary: fc.constantFrom(...REAL_SEGMENTS), weight: 3 }, { arbitrary: pathSegment, weight: 1 });
const path = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    segment,
    segment,
    fc.option(fc.constantFrom('/', '//', '/x', '/../v1/detect/1', '%2F'), { nil: undefined, freq: 4 }),
  )
  .map(([route, first, second, tail]) => `${route.replace('{}', first).replace('{}', second)}${tail ?? ''}`);

const queryKey = fc.oneof(
  fc.constantFrom(
    'email',
    'postcode',
    'orderNumber',
    'number',
    'carrier',
    'lang',
    'locale',
    'access',
    's',
    'order',
    'ts',
    'sig',
    'refresh',
    'portalId',
    '__proto__',
  ),
  fc.string({ maxLength: 10 }),
);
const queryValue = fc.oneof(
  nastyText,
  fc.constant(CUSTOMER_EMAIL),
  fc.emailAddress(),
  fc.constantFrom('true', 'false', 'de', 'xx-YY', '1774943970'),
);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 5 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));

/** Hosts a client may send: each distinctive, so that an echo is caught. */
const host = fc.stringMatching(/^[a-z][a-z0-9]{5,12}$/).map((name) => `evil-${name}.example`);

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(`Bearer ${API_KEY}`),
  fc.constant(`Bearer ${SECRETS.gorgias}`),
  fc.string({ maxLength: 30 }).map((text) => `Bearer ${text}`),
  fc.string({ maxLength: 30 }).map((text) => `Basic ${Buffer.from(text).toString('base64')}`),
  fc.string({ maxLength: 60 }),
);

const acceptLanguage = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('de-DE,de;q=0.9', 'pt-BR, es;q=0.8', '*', 'q=1', 'en;q=abc', ',,,;;;', 'x'.repeat(2_000)),
  fc.string({ maxLength: 60 }),
);
const cookie = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 80 }).map((text) => `__Host-wismo-zendesk-session=${text}`),
  fc.string({ maxLength: 80 }),
);
const contentType = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/plain',
    'application/json; charset=latin1',
  ),
  fc.string({ maxLength: 30 }),
);
const accept = fc.oneof(fc.constant(undefined), fc.constantFrom('text/html', 'application/json', '*/*', 'application/problem+json'));

const deepJson = fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`);
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      items: fc.array(fc.record({ trackingNumber: nastyText, carrier: fc.option(nastyText, { nil: undefined }) }), { maxLength: 5 }),
      refresh: fc.option(fc.anything(), { nil: undefined }),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      customer: fc.record({ email: queryValue, emails: fc.array(queryValue, { maxLength: 3 }) }),
      ticket: fc.anything(),
      workspace_id: fc.option(nastyText, { nil: undefined }),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      lookupLevel: fc.constantFrom('BASIC', 'DETAILED', 'x'),
      query: fc.dictionary(queryKey, queryValue),
      uniqueMatchRequired: fc.boolean(),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      component_id: fc.oneof(nastyText, fc.constant('order:ord_1001')),
      current_canvas: fc.anything(),
      contact: fc.record({ email: queryValue }),
    })
    .map((value) => JSON.stringify(value)),
  deepJson,
  fc.constant('{"items":[{"trackingNumber":"ACME0001"}]}'),
);
const formBody = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString());
const body = fc.oneof(fc.constant(undefined), jsonBody, formBody, fc.string({ maxLength: 200 }), fc.constant('x'.repeat(70_000)));

/** Helpdesk routes whose signature the fuzzer can compute: a signed body reaches the parsing after verification. */
const signing = fc.oneof(
  { arbitrary: fc.constant('none' as const), weight: 6 },
  { arbitrary: fc.constantFrom('helpscout' as const, 'intercom' as const, 'gorgias' as const), weight: 1 },
);

const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
  path,
  query,
  host,
  authorization,
  acceptLanguage,
  cookie,
  contentType,
  accept,
  body,
  signing,
});
type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

// ------------------------------------------------------------------------------------------ the checks

/** Every URL the server wrote: Location, and href/action/src attributes of HTML. */
function writtenUrls(response: Response, text: string): string[] {
  const urls = [...text.matchAll(/(?:href|action|src)="([^"]*)"/g)].map((match) => match[1]!);
  const location = response.headers.get('location');
  if (location) urls.push(location);
  return urls.filter((url) => !url.startsWith('mailto:'));
}

/** Latin-1 without control characters other than tab: what an HTTP/1.1 header value may carry. */
function isSendableHeaderValue(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code > 0xff || code === 0x7f || (code < 0x20 && code !== 0x09)) return false;
  }
  return true;
}

function signedHeaders(input: FuzzRequest, payload: string): Record<string, string> {
  if (input.signing === 'helpscout')
    return { 'x-helpscout-signature': createHmac('sha1', SECRETS.helpScout).update(payload).digest('base64') };
  if (input.signing === 'intercom') return { 'x-body-signature': createHmac('sha256', SECRETS.intercom).update(payload).digest('hex') };
  if (input.signing === 'gorgias') return { 'x-wismo-api-key': SECRETS.gorgias };
  return {};
}

async function send(input: FuzzRequest): Promise<void> {
  const signedRoute =
    input.signing === 'helpscout'
      ? '/helpdesk/helpscout'
      : input.signing === 'intercom'
        ? '/helpdesk/intercom/initialize'
        : input.signing === 'gorgias'
          ? '/helpdesk/gorgias'
          : null;
  const path = signedRoute ?? input.path;
  const method = signedRoute && input.signing !== 'gorgias' ? 'POST' : input.method;
  const hasBody = method !== 'GET' && method !== 'HEAD' && input.body !== undefined;
  const headers: Record<string, string> = {};
  if (input.authorization !== undefined) headers.authorization = input.authorization;
  if (input.acceptLanguage !== undefined) headers['accept-language'] = input.acceptLanguage;
  if (input.cookie !== undefined) headers.cookie = input.cookie;
  if (input.contentType !== undefined) headers['content-type'] = input.contentType;
  if (input.accept !== undefined) headers.accept = input.accept;
  if (hasBody || input.signing === 'gorgias') Object.assign(headers, signedHeaders(input, input.body ?? ''));
  // Header values a client cannot send (control characters) are dropped, as an HTTP parser would refuse them.
  for (const [name, value] of Object.entries(headers)) if (!isSendableHeaderValue(value)) delete headers[name];

  let url: URL;
  try {
    // The request URL is what @hono/node-server builds from the Host header: the host is the client's.
    url = new URL(`http://${input.host}${path}${input.query}`);
  } catch {
    return;
  }
  const authorised =
    headers.authorization === `Bearer ${API_KEY}` ||
    headers.authorization === `Bearer ${SECRETS.gorgias}` ||
    (signedRoute !== null && (hasBody || input.signing === 'gorgias')) ||
    url.search.includes('sig=');
  if (signedRoute !== null && (hasBody || input.signing === 'gorgias')) counts.signedHelpdeskBodies += 1;
  if (authorised) counts.authorised += 1;
  const sentText = `${url.href}\n${JSON.stringify(headers)}\n${hasBody ? input.body! : ''}`;

  let response: Response;
  try {
    response = await server.fetch(new Request(url, { method, headers, ...(hasBody ? { body: input.body } : {}) }));
  } catch (error) {
    counts.failures += 1;
    throw new Error(`${method} ${url.pathname} threw: ${String(error)}`);
  }
  counts.requests += 1;
  counts.byStatus.set(response.status, (counts.byStatus.get(response.status) ?? 0) + 1);
  const text = method === 'HEAD' ? '' : await response.text();
  const headerText = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
  const where = `${method} ${url.pathname.slice(0, 120)} → ${response.status}`;
  try {
    expect(response.status, where).not.toBe(500);
    expect(response.status >= 200 && response.status < 600, where).toBe(true);
    if (response.status >= 500) expect([501, 502, 503], where).toContain(response.status);
    const routePath = url.pathname;
    if ((routePath === '/v1' || routePath.startsWith('/v1/')) && response.status >= 400 && method !== 'HEAD') {
      expect(response.headers.get('content-type'), where).toBe('application/problem+json');
      const problem = JSON.parse(text) as { status?: unknown; code?: unknown; type?: unknown };
      expect(problem.status, where).toBe(response.status);
      expect(typeof problem.code, where).toBe('string');
      expect(String(problem.type).startsWith('/problems/'), where).toBe(true);
      if (response.status === 429 || response.status === 503)
        expect(response.headers.get('retry-after') ?? 'none', where).toMatch(/^\d+$|^none$/);
    }
    for (const secret of CANARIES) {
      expect(text.includes(secret), `${where}: a secret in the body`).toBe(false);
      expect(headerText.includes(secret), `${where}: a secret in a header`).toBe(false);
    }
    expect(text.includes(input.host) || headerText.includes(input.host), `${where}: the Host header echoed`).toBe(false);
    for (const written of writtenUrls(response, text)) expect(written, `${where}: an email in a URL`).not.toMatch(/@|%40/);
    if (!authorised && !sentText.includes(CUSTOMER_EMAIL) && !sentText.includes(encodeURIComponent(CUSTOMER_EMAIL))) {
      expect(text.includes(CUSTOMER_EMAIL), `${where}: the customer's email without credentials`).toBe(false);
    }
  } catch (error) {
    counts.failures += 1;
    throw error;
  }
}

describe('server request fuzzing', () => {
  it(
    `answers ${RUNS} random requests well formed, without a 500, a secret, an echoed Host or an email in a URL`,
    async () => {
      await fc.assert(fc.asyncProperty(request, send), {
        numRuns: RUNS,
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      });
    },
    TIMEOUT_MS,
  );
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { AuthFailedError, InvalidNumberError, NotFoundError } from '../errors';
import { buildShipment } from '../status/build-shipment';
import { redactText } from '../transport/redact';
import { errorOutcome, type TrackOutcome } from './carrier-adapter';
import { defineCarrier, trackOutcomes, type CarrierParseInput, type CarrierSettings } from './define-carrier';

const ORIGIN = 'https://kit.example.test';

interface KitSettings extends CarrierSettings {
  apiKey?: string;
  user?: string;
  password?: string;
}

/** A carrier answering `{ results: [{ number, found }] }` for `GET /track?numbers=a,b`. */
function parse(input: CarrierParseInput): TrackOutcome[] {
  const results = (input.body as { results: Array<{ number: string; found: boolean }> }).results;
  return input.trackingNumbers.map((trackingNumber) => {
    const result = results.find((candidate) => candidate.number === trackingNumber);
    if (!result?.found) return errorOutcome(trackingNumber, new NotFoundError('not known', { carrierId: 'kit' }));
    return {
      trackingNumber,
      ok: true,
      shipment: buildShipment({ carrier: 'kit', trackingNumber, events: [], fetchedAt: input.fetchedAt }),
    };
  });
}

const description = {
  id: 'kit',
  name: 'Kit Post',
  capabilities: {
    maxNumbersPerRequest: 2,
    rateLimit: { requests: 100, intervalMs: 1000 },
    webhooks: false,
    proofOfDelivery: false,
    estimatedDelivery: false,
  },
  contact: { default: { phone: null, url: 'https://kit.example.test/help' } },
  trackingUrl: (trackingNumber: string) => `https://kit.example.test/t/${trackingNumber}`,
  baseUrl: ORIGIN,
  credentials: { apiKey: { environmentVariable: 'KIT_API_KEY', label: 'API key' } },
  credentialsSource: 'the Kit developer portal',
  auth: { type: 'api-key-header', header: 'x-kit-key', apiKey: 'apiKey' },
  locale: { form: 'underscore' },
  normaliseNumber: (trackingNumber: string) => trackingNumber.replace(/\s+/g, '').toUpperCase(),
  checkNumber: (trackingNumber: string) => (trackingNumber.length < 4 ? new InvalidNumberError('too short', { carrierId: 'kit' }) : null),
  request: ({ trackingNumbers, locale }: { trackingNumbers: readonly string[]; locale: string | undefined }) => ({
    method: 'GET',
    url: '/track',
    query: { numbers: trackingNumbers.join(','), locale },
  }),
  parse,
} as const;

const createKit = defineCarrier<KitSettings>({ ...description, request: description.request as never });
const settings = { apiKey: 'kit-api-key-5e1f', retries: 0, rateLimit: false } as const;

function answer(found: string[]) {
  return (uri: string) => {
    const numbers = new URL(uri, ORIGIN).searchParams.get('numbers')!.split(',');
    return { results: numbers.map((number) => ({ number, found: found.includes(number) })) };
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  delete process.env.KIT_API_KEY;
});
afterAll(() => nock.enableNetConnect());

describe('defineCarrier', () => {
  it('chunks by batch size, sends each distinct number once, answers in order for the numbers as written', async () => {
    const requested: string[][] = [];
    const scope = nock(ORIGIN)
      .get('/track')
      .query(true)
      .times(2)
      .matchHeader('x-kit-key', 'kit-api-key-5e1f')
      .reply(200, function reply(uri) {
        requested.push(new URL(uri, ORIGIN).searchParams.get('numbers')!.split(','));
        return answer(['AAAA1', 'CCCC3'])(uri);
      });
    const outcomes = await createKit(settings).track(['aaaa1', 'BBBB2', 'AAAA 1', 'CCCC3', 'x', '']);
    expect(scope.isDone()).toBe(true);
    expect(requested.flat().sort()).toEqual(['AAAA1', 'BBBB2', 'CCCC3']);
    expect(requested.every((batch) => batch.length <= 2)).toBe(true);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.trackingNumber : outcome.error.code])).toEqual([
      ['aaaa1', 'aaaa1'],
      ['BBBB2', 'not_found'],
      ['AAAA 1', 'AAAA 1'],
      ['CCCC3', 'CCCC3'],
      ['x', 'invalid_number'],
      ['', 'invalid_number'],
    ]);
  });

  it('refuses a number outside `numberForm` before sending, in words the kit completes, then asks `checkNumber`', async () => {
    const createFormKit = defineCarrier<KitSettings>({
      ...description,
      request: description.request as never,
      numberForm: { pattern: /^[A-Z0-9]+$/, rule: 'numbers are letters and digits' },
    });
    const scope = nock(ORIGIN)
      .get('/track')
      .query({ numbers: 'AAAA1' })
      .reply(200, answer(['AAAA1']));
    const [sent, refused, short] = await createFormKit(settings).track(['aaaa1', 'AAA-1', 'x']);
    expect(scope.isDone()).toBe(true);
    expect(sent!.ok).toBe(true);
    expect(refused!.error).toMatchObject({
      code: 'invalid_number',
      carrierId: 'kit',
      message: 'Kit Post numbers are letters and digits; this one is not, so it was not sent to Kit Post.',
    });
    expect(short!.error).toMatchObject({ code: 'invalid_number', message: 'too short' });
  });

  it('reads credentials from the documented variable when first used, and names what is missing', async () => {
    const adapter = createKit({ retries: 0 });
    const [missing] = await adapter.track(['AAAA1']);
    expect(missing!.error?.code).toBe('configuration');
    expect(missing!.error?.message).toBe(
      'Kit Post: no API key. Pass { apiKey } in the Kit Post settings or set KIT_API_KEY; get them from the Kit developer portal.',
    );
    process.env.KIT_API_KEY = 'kit-from-environment';
    const scope = nock(ORIGIN)
      .get('/track')
      .query(true)
      .matchHeader('x-kit-key', 'kit-from-environment')
      .reply(200, answer(['AAAA1']));
    const [found] = await adapter.track(['AAAA1']);
    expect(scope.isDone()).toBe(true);
    expect(found!.ok).toBe(true);
    // The key is registered for redaction as soon as it is used.
    expect(redactText('key=kit-from-environment')).not.toContain('kit-from-environment');
  });

  it.each(['ht!tp://kit.example.test', 'file:///etc/passwd', 'kit.example.test', 'ht!tp://user:pa55word@kit.example.test'])(
    'reports baseUrl %s as a configuration error',
    async (baseUrl) => {
      const [outcome] = await createKit({ ...settings, baseUrl }).track(['AAAA1']);
      expect(outcome!.error?.code).toBe('configuration');
      expect(outcome!.error?.retryable).toBe(false);
      expect(outcome!.error?.message).toMatch(/is not an http\(s\) URL/);
      expect(outcome!.error?.message).not.toContain('pa55word');
    },
  );

  it('converts the locale to the carrier form: the call wins over the settings', async () => {
    const scope = nock(ORIGIN)
      .get('/track')
      .query({ numbers: 'AAAA1', locale: 'de_DE' })
      .reply(200, answer(['AAAA1']))
      .get('/track')
      .query({ numbers: 'AAAA1', locale: 'fr_FR' })
      .reply(200, answer(['AAAA1']));
    const adapter = createKit({ ...settings, locale: 'de-DE' });
    await adapter.track(['AAAA1']);
    await adapter.track(['AAAA1'], { locale: 'fr-FR' });
    expect(scope.isDone()).toBe(true);
  });

  it('never rejects: a throwing parse function becomes bad_response for its batch, and is logged redacted', async () => {
    const messages: string[] = [];
    const createBroken = defineCarrier<KitSettings>({
      ...description,
      request: description.request as never,
      parse: () => {
        throw new TypeError('boom with kit-api-key-5e1f inside');
      },
    });
    nock(ORIGIN).get('/track').query(true).reply(200, answer([]));
    const outcomes = await createBroken({ ...settings, logger: { error: (message) => messages.push(message) } }).track(['AAAA1']);
    expect(outcomes[0]!.error?.code).toBe('bad_response');
    expect(messages.join('\n')).toMatch(/boom/);
    expect(messages.join('\n')).not.toContain('kit-api-key-5e1f');
  });

  it('reads an unreadable 404 as no body only when `unreadable404IsEmpty` says so', async () => {
    const bodies: unknown[] = [];
    const recording = (unreadable404IsEmpty: boolean) =>
      defineCarrier<KitSettings>({
        ...description,
        request: description.request as never,
        unreadable404IsEmpty,
        parse: (input) => {
          bodies.push(input.body);
          return input.trackingNumbers.map((number) => errorOutcome(number, new NotFoundError('not known', { carrierId: 'kit' })));
        },
      })(settings);
    nock(ORIGIN).get('/track').query(true).times(2).reply(404, '<html><body>Not Found</body></html>', { 'content-type': 'text/html' });
    expect((await recording(true).track(['AAAA1']))[0]!.error?.code).toBe('not_found');
    expect(bodies).toEqual([undefined]);
    expect((await recording(false).track(['AAAA1']))[0]!.error?.code).toBe('bad_response');
    expect(bodies).toHaveLength(1);
  });

  it('passes the caller’s AbortSignal to the request', async () => {
    nock(ORIGIN)
      .get('/track')
      .query(true)
      .delay(2_000)
      .reply(200, answer(['AAAA1']));
    const controller = new AbortController();
    const pending = createKit({ ...settings, timeoutMs: 5_000 }).track(['AAAA1'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const [outcome] = await pending;
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(outcome!.ok).toBe(false);
  });

  it('sends HTTP Basic credentials and adds carrier methods with `extend`', async () => {
    const createBasic = defineCarrier<KitSettings, { ping(): Promise<number> }>({
      ...description,
      request: description.request as never,
      credentials: {
        user: { environmentVariable: 'KIT_USER', label: 'user' },
        password: { environmentVariable: 'KIT_PASSWORD', label: 'password' },
      },
      auth: { type: 'basic', username: 'user', password: 'password' },
      extend: (kit) => ({
        async ping() {
          const response = await kit.connect().http.request({ method: 'GET', url: '/ping' });
          return response.status;
        },
      }),
    });
    const scope = nock(ORIGIN)
      .get('/ping')
      .matchHeader('authorization', `Basic ${Buffer.from('kit-user:kit-password').toString('base64')}`)
      .reply(204);
    const adapter = createBasic({ user: 'kit-user', password: 'kit-password', retries: 0, rateLimit: false });
    expect(await adapter.ping()).toBe(204);
    expect(adapter.id).toBe('kit');
    expect(scope.isDone()).toBe(true);
  });
});

describe('the kit for carrier methods: headers auth, another endpoint, a side request', () => {
  type SignatureOutcome =
    { trackingNumber: string; ok: true; signer: string } | { trackingNumber: string; ok: false; error: AuthFailedError };
  interface KitMethods {
    trackSummaries(trackingNumbers: readonly string[]): Promise<TrackOutcome[]>;
    signature(trackingNumber: string): Promise<{ trackingNumber: string; ok: boolean; signer?: string; error?: { code: string } }>;
  }
  const createMethods = defineCarrier<KitSettings, KitMethods>({
    ...description,
    request: description.request as never,
    credentials: {
      user: { environmentVariable: 'KIT_USER', label: 'user' },
      password: { environmentVariable: 'KIT_PASSWORD', label: 'password' },
    },
    auth: { type: 'headers', headers: (credentials) => ({ 'x-kit-user': credentials.user!, 'x-kit-password': credentials.password! }) },
    extend: (kit) => ({
      trackSummaries: (trackingNumbers) =>
        kit.track(trackingNumbers, {}, trackOutcomes(parse), {
          request: ({ trackingNumbers: numbers }) => ({ method: 'GET', url: '/summary', query: { numbers: numbers.join(',') } }),
          maxNumbersPerRequest: 3,
        }),
      signature: (trackingNumber) =>
        kit.requestAbout<SignatureOutcome>(trackingNumber, {
          what: 'signature',
          request: (number) => ({ method: 'GET', url: `/signature/${number}` }),
          parse: (httpStatus, body, number) =>
            httpStatus === 200
              ? { trackingNumber: number, ok: true, signer: (body as { signer: string }).signer }
              : { trackingNumber: number, ok: false, error: new AuthFailedError('refused', { carrierId: 'kit', httpStatus }) },
        }),
    }),
  });
  const adapter = createMethods({ user: 'kit-user', password: 'kit-password-0c4d', retries: 0, rateLimit: false });
  const withCredentials = (interceptor: nock.Interceptor) =>
    interceptor.matchHeader('x-kit-user', 'kit-user').matchHeader('x-kit-password', 'kit-password-0c4d');

  it('sends the headers of `headers` auth on every call, and batches another endpoint by its own size', async () => {
    const batches: string[][] = [];
    const scope = withCredentials(nock(ORIGIN).get('/summary').query(true))
      .times(2)
      .reply(200, (uri) => {
        batches.push(new URL(uri, ORIGIN).searchParams.get('numbers')!.split(','));
        return answer(['AAAA1', 'DDDD4'])(uri);
      });
    const outcomes = await adapter.trackSummaries(['aaaa1', 'BBBB2', 'CCCC3', 'DDDD4', 'x']);
    expect(scope.isDone()).toBe(true);
    expect(batches.map((batch) => batch.length).sort()).toEqual([1, 3]);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok || outcome.error.code])).toEqual([
      ['aaaa1', true],
      ['BBBB2', 'not_found'],
      ['CCCC3', 'not_found'],
      ['DDDD4', true],
      ['x', 'invalid_number'],
    ]);
  });

  it('asks about one number in its canonical form, answers for the number as written, and never rejects', async () => {
    withCredentials(nock(ORIGIN).get('/signature/AAAA1')).reply(200, { signer: 'HARRIS' });
    expect(await adapter.signature(' aaaa1')).toEqual({ trackingNumber: ' aaaa1', ok: true, signer: 'HARRIS' });
    nock(ORIGIN).get('/signature/BBBB2').reply(403, {});
    expect(await adapter.signature('BBBB2')).toMatchObject({ ok: false, error: { code: 'auth_failed', trackingNumber: 'BBBB2' } });
    // A body that cannot be read throws in the kit: the number's failure, not a rejection.
    nock(ORIGIN).get('/signature/CCCC3').reply(200, '<html>down</html>');
    expect(await adapter.signature('CCCC3')).toMatchObject({ ok: false, error: { code: 'bad_response', trackingNumber: 'CCCC3' } });
    // Refused before anything is sent: an empty number, and one the description's `checkNumber` refuses.
    expect(await adapter.signature('  ')).toMatchObject({
      ok: false,
      error: { code: 'invalid_number', message: 'An empty tracking number has no signature.' },
    });
    expect(await adapter.signature('x')).toMatchObject({ ok: false, error: { code: 'invalid_number', trackingNumber: 'x' } });
  });
});

describe('session auth (a login call, its token cached)', () => {
  /** A carrier that logs in with `POST /login` ({ token, expiresAt }) and sends the token in the JSON body. */
  function createSessionKit(logins: { count: number }) {
    return defineCarrier<KitSettings>({
      ...description,
      credentials: {
        user: { environmentVariable: 'KIT_USER', label: 'user' },
        password: { environmentVariable: 'KIT_PASSWORD', label: 'password' },
      },
      auth: {
        type: 'session',
        refreshMarginMs: 10 * 60_000,
        async login({ http, credentials, readBody, signal }) {
          logins.count += 1;
          const response = await http.request({
            method: 'POST',
            url: '/login',
            json: { user: credentials.user, password: credentials.password },
            signal,
          });
          const body = readBody(response) as { token: string; expiresAt: string | null };
          return { token: body.token, expiresAtMs: body.expiresAt === null ? null : Date.parse(body.expiresAt) };
        },
      },
      request: ({ trackingNumbers, sessionToken }) => ({
        method: 'POST',
        url: '/track',
        json: { numbers: trackingNumbers, token: sessionToken },
      }),
      parse: (input) =>
        input.httpStatus === 403
          ? input.trackingNumbers.map((number) => errorOutcome(number, new AuthFailedError('session refused', { carrierId: 'kit' })))
          : parse(input),
    });
  }
  const loginSettings = { user: 'kit-user', password: 'kit-session-password-31c', retries: 0, rateLimit: false } as const;

  function trackReply(token: string, found: string[], status = 200, times = 1) {
    return nock(ORIGIN)
      .post('/track', (body: { token: string }) => body.token === token)
      .times(times)
      .reply(status, (_uri, body) => ({
        results: (body as { numbers: string[] }).numbers.map((number) => ({ number, found: found.includes(number) })),
      }));
  }

  it('logs in once for concurrent batches, reuses the token, and logs in again shortly before it expires', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const logins = { count: 0 };
    nock(ORIGIN)
      .post('/login', { user: 'kit-user', password: 'kit-session-password-31c' })
      .delay(30)
      .reply(200, { token: 'session-token-1', expiresAt: '2026-03-02T11:00:00Z' });
    const first = trackReply('session-token-1', ['AAAA1', 'BBBB2', 'CCCC3'], 200, 2);
    const adapter = createSessionKit(logins)({ ...loginSettings, clock: () => now });
    // Two batches (batch size 2) in flight at once: one login.
    const outcomes = await adapter.track(['AAAA1', 'BBBB2', 'CCCC3']);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(logins.count).toBe(1);
    trackReply('session-token-1', ['AAAA1']);
    expect((await adapter.track(['AAAA1']))[0]!.ok).toBe(true);
    expect(logins.count).toBe(1);
    expect(first.isDone()).toBe(true);
    // Inside the 10-minute margin before 11:00: a new login.
    now = new Date('2026-03-02T10:51:00Z');
    nock(ORIGIN).post('/login').reply(200, { token: 'session-token-2', expiresAt: null });
    trackReply('session-token-2', ['AAAA1']);
    expect((await adapter.track(['AAAA1']))[0]!.ok).toBe(true);
    expect(logins.count).toBe(2);
    // The session token is a secret from the moment it is issued.
    expect(redactText('token session-token-2 here')).not.toContain('session-token-2');
  });

  it('a cached token the carrier refuses: one new login and the batch once more; a fresh token refused is auth_failed', async () => {
    const logins = { count: 0 };
    const adapter = createSessionKit(logins)(loginSettings);
    nock(ORIGIN).post('/login').reply(200, { token: 'old-token', expiresAt: null });
    trackReply('old-token', ['AAAA1']);
    await adapter.track(['AAAA1']);
    trackReply('old-token', [], 403);
    nock(ORIGIN).post('/login').reply(200, { token: 'new-token', expiresAt: null });
    const fresh = trackReply('new-token', ['AAAA1']);
    expect((await adapter.track(['AAAA1']))[0]!.ok).toBe(true);
    expect(fresh.isDone()).toBe(true);
    expect(logins.count).toBe(2);

    // A token fresh from a login and refused: no loop, the error for the batch.
    const other = createSessionKit(logins)(loginSettings);
    nock(ORIGIN).post('/login').reply(200, { token: 'refused-token', expiresAt: null });
    trackReply('refused-token', [], 403);
    const [refused] = await other.track(['AAAA1']);
    expect(refused!.error?.code).toBe('auth_failed');
    expect(logins.count).toBe(3);
  });

  it('a failed login is the error of every number, with no tracking request; invalid numbers need no login', async () => {
    const logins = { count: 0 };
    const adapter = createSessionKit(logins)(loginSettings);
    nock(ORIGIN).post('/login').reply(401, { message: 'bad password' });
    const outcomes = await adapter.track(['AAAA1', 'BBBB2']);
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['auth_failed', 'auth_failed']);
    expect(JSON.stringify(outcomes)).not.toContain('kit-session-password-31c');
    const [invalid] = await adapter.track(['x']);
    expect(invalid!.error?.code).toBe('invalid_number');
    expect(logins.count).toBe(1);
  });
});

describe('OAuth password grant', () => {
  it('sends the four credentials to an absolute token URL and the bearer token to the API', async () => {
    const createPasswordKit = defineCarrier<KitSettings & { clientId?: string; clientSecret?: string }>({
      ...description,
      request: description.request as never,
      credentials: {
        clientId: { environmentVariable: 'KIT_CLIENT_ID', label: 'client id' },
        clientSecret: { environmentVariable: 'KIT_CLIENT_SECRET', label: 'client secret' },
        user: { environmentVariable: 'KIT_USER', label: 'user' },
        password: { environmentVariable: 'KIT_PASSWORD', label: 'password' },
      },
      auth: {
        type: 'oauth-password',
        tokenUrl: 'https://auth.kit.example.test/oauth/token',
        clientId: 'clientId',
        clientSecret: 'clientSecret',
        username: 'user',
        password: 'password',
        credentialsIn: 'body',
      },
    });
    const token = nock('https://auth.kit.example.test')
      .post(
        '/oauth/token',
        (body: Record<string, string>) =>
          body.grant_type === 'password' &&
          body.username === 'kit-user' &&
          body.password === 'kit-owner-password' &&
          body.client_id === 'kit-client' &&
          body.client_secret === 'kit-client-secret',
      )
      .reply(200, { access_token: 'kit-bearer-1', expires_in: '3599' });
    const tracking = nock(ORIGIN)
      .get('/track')
      .query(true)
      .matchHeader('authorization', 'Bearer kit-bearer-1')
      .reply(200, answer(['AAAA1']));
    const credentials = { clientId: 'kit-client', clientSecret: 'kit-client-secret', user: 'kit-user', password: 'kit-owner-password' };
    const [outcome] = await createPasswordKit({ ...credentials, retries: 0, rateLimit: false }).track(['AAAA1']);
    expect(outcome!.ok).toBe(true);
    expect(token.isDone() && tracking.isDone()).toBe(true);

    nock('https://auth.kit.example.test').post('/oauth/token').reply(400, { error: 'invalid_grant' });
    const [refused] = await createPasswordKit({ ...credentials, retries: 0, rateLimit: false }).track(['AAAA1']);
    expect(refused!.error?.code).toBe('auth_failed');
    expect(refused!.error?.message).toMatch(/user name and password/);
    expect(JSON.stringify(refused)).not.toContain('kit-owner-password');
  });
});

describe('public settings types', () => {
  it('name no axios or lru-cache type', () => {
    // Checked by tsc: the settings a user writes hold wismo's own types and Node's agent, nothing from axios or lru-cache.
    expectTypeOf<keyof KitSettings>().toEqualTypeOf<
      | 'apiKey'
      | 'user'
      | 'password'
      | 'baseUrl'
      | 'authUrl'
      | 'locale'
      | 'clock'
      | 'timeoutMs'
      | 'retries'
      | 'retryMinDelayMs'
      | 'retryMaxDelayMs'
      | 'maxRetryAfterMs'
      | 'requestObserver'
      | 'rateLimit'
      | 'rateLimiter'
      | 'logger'
      | 'httpsAgent'
    >();
    expect(Object.keys(createKit({})).sort()).toEqual([
      'capabilities',
      'contact',
      'id',
      'name',
      'specificationVersion',
      'track',
      'trackingUrl',
    ]);
  });
});

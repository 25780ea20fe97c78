import { createHmac, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createFreshdeskToken,
  gladlySignature,
  hubSpotSignedUri,
  verifyFreshdeskToken,
  verifyGladlySignature,
  verifyGorgiasRequest,
  verifyHelpScoutSignature,
  verifyHubSpotSignatureV3,
  verifyIntercomSignature,
} from './signatures';
import { createSessionToken, verifySessionToken, verifyZendeskToken, type ZendeskTokenOptions } from './tokens';

/*
 * Every expected signature below was computed outside this code, with OpenSSL 3.0 in a shell (commands in
 * the comments), or is a vector published by the helpdesk. None is produced by the functions under test.
 */

describe('Help Scout: base64 HMAC-SHA1 of the raw body', () => {
  const body =
    '{"ticket":{"id":1234,"number":42,"subject":"Wo ist meine Bestellung?"},"customer":{"id":77,"fname":"Anna","lname":"Schmidt","email":"anna.schmidt@example.de","emails":["anna.schmidt@example.de"]},"user":{"fname":"Chris","lname":"Agent","id":9,"role":"user","convRedirect":0},"mailbox":{"id":5,"email":"help@shop.example"}}';
  // printf '%s' "$BODY" | openssl dgst -sha1 -hmac 'hs-dynamic-app-secret-0123456789' -binary | base64
  const signature = '4j47ev/0HuQXeFogID9CiXKc8m8=';
  const secret = 'hs-dynamic-app-secret-0123456789';

  it('accepts the signature of the exact bytes', () => {
    expect(verifyHelpScoutSignature(body, signature, secret)).toBe(true);
    expect(verifyHelpScoutSignature(new TextEncoder().encode(body), ` ${signature} `, secret)).toBe(true);
  });
  it('rejects a tampered body, a wrong secret, a missing or mangled signature', () => {
    expect(verifyHelpScoutSignature(body.replace('anna.schmidt', 'eve'), signature, secret)).toBe(false);
    expect(verifyHelpScoutSignature(`${body} `, signature, secret)).toBe(false);
    expect(verifyHelpScoutSignature(body, signature, 'hs-dynamic-app-secret-0123456788')).toBe(false);
    expect(verifyHelpScoutSignature(body, undefined, secret)).toBe(false);
    expect(verifyHelpScoutSignature(body, '', secret)).toBe(false);
    expect(verifyHelpScoutSignature(body, signature.slice(0, -2), secret)).toBe(false);
    expect(verifyHelpScoutSignature(body, signature, '')).toBe(false);
  });
});

describe('Intercom Canvas Kit: hex HMAC-SHA256 of the raw body with the client secret', () => {
  const body =
    '{"workspace_id":"ws_1","workspace_region":"eu","admin":{"id":"814","name":"Chris"},"contact":{"id":"c_1","email":"anna.schmidt@example.de","role":"user"},"conversation":{"id":"99"},"context":{"location":"conversation"}}';
  // printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'ic-client-secret-5f1c2a' -r
  const signature = 'ec166673adbf3fe6117b2382f5b75e4388533bdca7dca240b7e4b25233006c82';
  const secret = 'ic-client-secret-5f1c2a';

  it('accepts the signature in either letter case', () => {
    expect(verifyIntercomSignature(body, signature, secret)).toBe(true);
    expect(verifyIntercomSignature(body, signature.toUpperCase(), secret)).toBe(true);
  });
  it('rejects a tampered body, a wrong secret and a missing signature', () => {
    expect(verifyIntercomSignature(body.replace('"99"', '"98"'), signature, secret)).toBe(false);
    expect(verifyIntercomSignature(body, signature, 'ic-client-secret-5f1c2b')).toBe(false);
    expect(verifyIntercomSignature(body, null, secret)).toBe(false);
    expect(verifyIntercomSignature(body, `${signature}00`, secret)).toBe(false);
  });
});

describe('HubSpot v3: base64 HMAC-SHA256 over method + URI + body + timestamp, 5-minute window', () => {
  const uri = 'https://wismo.example/helpdesk/hubspot/card?userId=42&portalId=62515&userEmail=agent%40shop.example&appId=9';
  const body = '{"email":"anna.schmidt@example.de","locale":"en-GB"}';
  const timestamp = '1774944000000'; // 2026-03-31T08:00:00Z
  // HubSpot decodes %40 before signing, so the vector is over "…userEmail=agent@shop.example…":
  // printf 'POST%s%s%s' 'https://wismo.example/helpdesk/hubspot/card?userId=42&portalId=62515&userEmail=agent@shop.example&appId=9' "$BODY" 1774944000000 \
  //   | openssl dgst -sha256 -hmac 'hubspot-client-secret-7d0e' -binary | base64
  const signature = 'fTBnxQ5tG1SRfM8G17wwpFRbGIJiHDWTykrzeD3P+U4=';
  const clientSecret = 'hubspot-client-secret-7d0e';
  const base = { method: 'POST', uri, rawBody: body, signature, timestamp, clientSecret, now: 1774944000000 + 60_000 };

  it('accepts a fresh, correctly signed request', () => {
    expect(verifyHubSpotSignatureV3(base)).toEqual({ ok: true });
    expect(verifyHubSpotSignatureV3({ ...base, method: 'post' })).toEqual({ ok: true });
  });
  it('decodes only the listed escapes of the URI', () => {
    expect(hubSpotSignedUri('https://a.example/p?x=%3a%2F%3F%40%21%24%27%28%29%2A%2C%3B&y=%20%25#frag')).toBe(
      "https://a.example/p?x=:/?@!$'()*,;&y=%20%25",
    );
  });
  it('rejects requests older than 5 minutes, with a clear reason', () => {
    const result = verifyHubSpotSignatureV3({ ...base, now: 1774944000000 + 5 * 60_000 + 1_000 });
    expect(result).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(result.ok ? '' : result.detail).toMatch(/older than 300 s/);
    expect(verifyHubSpotSignatureV3({ ...base, now: 1774944000000 - 6 * 60_000 })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });
  it('rejects a tampered body, URI, timestamp, a wrong secret and missing headers', () => {
    expect(verifyHubSpotSignatureV3({ ...base, rawBody: body.replace('en-GB', 'de-DE') })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyHubSpotSignatureV3({ ...base, uri: uri.replace('portalId=62515', 'portalId=62516') })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: '1774944000001' })).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyHubSpotSignatureV3({ ...base, clientSecret: 'hubspot-client-secret-7d0f' })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyHubSpotSignatureV3({ ...base, signature: undefined })).toMatchObject({ ok: false, reason: 'missing_signature' });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: null })).toMatchObject({ ok: false, reason: 'missing_timestamp' });
    expect(verifyHubSpotSignatureV3({ ...base, timestamp: '2026-03-31' })).toMatchObject({ ok: false, reason: 'invalid_timestamp' });
  });
});

describe('Gladly: SigV4-like hmac-sha256 request signature', () => {
  // Gladly's own documented example (https://help.gladly.com/developer-tutorials/docs/request-signing), whose
  // expected signature is also the "gladly documentation example" in upsidelab/spree_gladly's test suite;
  // recomputed with OpenSSL:  SALT=$(printf 20190213 | openssl dgst -sha256 -hmac test-apikey-1 -r)
  //   printf 'hmac-sha256\n20190213T214016Z\n%s' "$(sha256 of the canonical request)" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SALT
  const body =
    '{"lookupLevel":"DETAILED","query":{"emails":["martha.williams@gmail.com"],"externalCustomerId":"abc","favoriteDate":"2018-08-19T07:00:00.000Z","favoriteFood":"Apple Pie","id":"o2sg-TMTSD2rTwMuxzewbA","name":"Martha Williams","phones":["+15013299800"]},"uniqueMatchRequired":true}';
  const documented = '4c633fca4914f51df04c9ec40f4545d66d653e771c6634e33eed52a242bc278c';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'gladly-correlation-id': 'vXmSEPjVSWCaCMzvjufxZg',
    'x-b3-traceid': 'bd799210f8d549609a08ccef8ee7f166',
    'gladly-time': '20190213T214016Z',
    'gladly-authorization': `SigningAlgorithm=hmac-sha256, SignedHeaders=accept;content-type;gladly-correlation-id;gladly-time;x-b3-traceid, Signature=${documented}`,
  };
  const input = (
    overrides: Partial<Parameters<typeof verifyGladlySignature>[0]> = {},
    headerOverrides: Record<string, string | undefined> = {},
  ) => ({
    method: 'POST',
    path: '/api/v2/customer/lookup',
    query: '',
    header: (name: string) => (name.toLowerCase() in headerOverrides ? headerOverrides[name.toLowerCase()] : headers[name.toLowerCase()]),
    rawBody: body,
    signingKey: 'test-apikey-1',
    now: Date.UTC(2019, 1, 13, 21, 43, 16), // 3 minutes after Gladly-Time
    ...overrides,
  });

  it('reproduces the documented example', () => {
    expect(
      gladlySignature(input(), ['accept', 'content-type', 'gladly-correlation-id', 'gladly-time', 'x-b3-traceid'], '20190213T214016Z'),
    ).toBe(documented);
    expect(verifyGladlySignature(input())).toEqual({ ok: true });
  });
  it('rejects a wrong key, a tampered body, path or signed header', () => {
    expect(verifyGladlySignature(input({ signingKey: 'test-apikey-2' }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyGladlySignature(input({ rawBody: body.replace('Apple Pie', 'Cherry Pie') }))).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyGladlySignature(input({ path: '/api/v2/customer/lookup2' }))).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyGladlySignature(input({}, { 'gladly-correlation-id': 'other' }))).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
  });
  it('rejects a stale Gladly-Time (configurable) and missing or malformed headers', () => {
    expect(verifyGladlySignature(input({ now: Date.UTC(2019, 1, 13, 21, 46, 17) }))).toMatchObject({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifyGladlySignature(input({ now: Date.UTC(2019, 1, 13, 21, 42, 16), maxAgeMs: 60_000 }))).toMatchObject({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifyGladlySignature(input({ now: Date.UTC(2026, 0, 1), maxAgeMs: null }))).toEqual({ ok: true });
    expect(verifyGladlySignature(input({}, { 'gladly-authorization': undefined }))).toMatchObject({
      ok: false,
      reason: 'missing_signature',
    });
    expect(verifyGladlySignature(input({}, { 'gladly-time': undefined }))).toMatchObject({ ok: false, reason: 'missing_timestamp' });
    expect(verifyGladlySignature(input({}, { 'gladly-authorization': 'Signature=abc' }))).toMatchObject({
      ok: false,
      reason: 'malformed_signature',
    });
    expect(
      verifyGladlySignature(input({}, { 'gladly-authorization': headers['gladly-authorization']!.replace('hmac-sha256', 'hmac-sha1') })),
    ).toMatchObject({
      ok: false,
      reason: 'unsupported_algorithm',
    });
  });
});

describe('Gorgias: the configured API key, as Bearer, Basic or X-Wismo-Api-Key', () => {
  const key = 'gorgias-key-9f8e7d';
  it('accepts each form', () => {
    expect(verifyGorgiasRequest({ authorization: `Bearer ${key}` }, key)).toEqual({ ok: true });
    expect(verifyGorgiasRequest({ authorization: `Basic ${Buffer.from(`gorgias:${key}`).toString('base64')}` }, key)).toEqual({ ok: true });
    expect(verifyGorgiasRequest({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }, key)).toEqual({ ok: true });
    expect(verifyGorgiasRequest({ apiKey: key }, key)).toEqual({ ok: true });
  });
  it('rejects wrong and missing keys', () => {
    expect(verifyGorgiasRequest({ authorization: 'Bearer gorgias-key-9f8e7c' }, key)).toMatchObject({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(verifyGorgiasRequest({ authorization: `Basic ${Buffer.from('gorgias:nope').toString('base64')}` }, key)).toMatchObject({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(verifyGorgiasRequest({}, key)).toMatchObject({ ok: false, reason: 'missing_credentials' });
  });
});

describe('Freshdesk signed panel URL', () => {
  const secret = 'freshdesk-shared-secret-abcdef';
  // printf 'wismo-freshdesk-v1\n%s\n%s' 1774943970 'anna.schmidt@example.de' | openssl dgst -sha256 -hmac 'freshdesk-shared-secret-abcdef' -r
  const sig = 'e8ea379a712bc78a076c960984d9dbbca847ce9b9342aab9aa9bececbc225622';
  const token = { email: 'anna.schmidt@example.de', ts: '1774943970', sig };
  const now = 1774944000000;

  it('accepts a fresh URL and produces the same signature as OpenSSL', () => {
    expect(verifyFreshdeskToken(token, secret, { now })).toEqual({ ok: true });
    expect(createFreshdeskToken(token.email, secret, 1774943970_000)).toEqual(token);
  });
  it('rejects another email, a wrong secret, an old URL', () => {
    expect(verifyFreshdeskToken({ ...token, email: 'ben.miller@example.com' }, secret, { now })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyFreshdeskToken(token, 'freshdesk-shared-secret-abcdeg', { now })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyFreshdeskToken(token, secret, { now: now + 6 * 60_000 })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(verifyFreshdeskToken({ ...token, sig: undefined }, secret, { now })).toMatchObject({ ok: false, reason: 'missing_signature' });
  });
});

/** A JWT built here with node:crypto directly, independent of the verifier. */
function hs256Jwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('Zendesk ZAF JWT', () => {
  const now = 1774944000; // seconds
  const secret = 'zendesk-shared-secret-0011223344';
  const claims = {
    iss: 'acme.zendesk.com',
    aud: 'https://wismo.example/helpdesk/zendesk',
    iat: now - 10,
    exp: now + 300,
    context: { product: 'support', location: 'ticket_sidebar' },
  };
  const options: ZendeskTokenOptions = {
    sharedSecret: secret,
    algorithms: ['HS256'],
    isAllowedIssuer: (iss) => iss === 'acme.zendesk.com',
    isAllowedAudience: (aud) => aud === 'https://wismo.example/helpdesk/zendesk',
    now: now * 1000,
  };

  it('accepts an HS256 token signed with the shared secret', () => {
    const result = verifyZendeskToken(hs256Jwt(claims, secret), options);
    expect(result).toMatchObject({ ok: true, claims: { iss: 'acme.zendesk.com' } });
  });
  it('rejects tampered, expired, wrongly addressed, wrongly signed and alg=none tokens', () => {
    const token = hs256Jwt(claims, secret);
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, iss: 'evil.zendesk.com' })).toString('base64url');
    expect(verifyZendeskToken(`${header}.${forgedPayload}.${signature}`, options)).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verifyZendeskToken(hs256Jwt({ ...claims, exp: now - 120 }, secret), options)).toMatchObject({
      ok: false,
      reason: 'expired_token',
    });
    expect(verifyZendeskToken(hs256Jwt({ ...claims, aud: 'https://other.example/' }, secret), options)).toMatchObject({
      ok: false,
      reason: 'invalid_audience',
    });
    expect(verifyZendeskToken(hs256Jwt({ ...claims, iss: 'other.zendesk.com' }, secret), options)).toMatchObject({
      ok: false,
      reason: 'invalid_issuer',
    });
    expect(verifyZendeskToken(hs256Jwt(claims, 'another-secret-0000000000000000'), options)).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(verifyZendeskToken(unsigned, options)).toMatchObject({ ok: false });
    expect(verifyZendeskToken(hs256Jwt(claims, secret, { alg: 'RS256' }), options)).toMatchObject({
      ok: false,
      reason: 'unsupported_algorithm',
    });
    expect(verifyZendeskToken('not-a-jwt', options)).toMatchObject({ ok: false, reason: 'malformed_token' });
    expect(verifyZendeskToken(undefined, options)).toMatchObject({ ok: false, reason: 'missing_token' });
  });
  it('accepts RS256 tokens with the app public key and refuses HS256 tokens keyed with that public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
    const token = `${input}.${rsaSign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
    const rsOptions: ZendeskTokenOptions = { ...options, publicKey: publicPem, algorithms: ['RS256'] };
    expect(verifyZendeskToken(token, rsOptions)).toMatchObject({ ok: true });
    expect(verifyZendeskToken(hs256Jwt(claims, publicPem), rsOptions)).toMatchObject({ ok: false, reason: 'unsupported_algorithm' });
  });
});

describe('iframe sessions', () => {
  const secret = 'session-secret-0123456789abcdef0123456789';
  it('are bound to a helpdesk, expire, and cannot be altered', () => {
    const token = createSessionToken({ helpdesk: 'zendesk', subject: 'acme.zendesk.com', now: 1_000, ttlMs: 60_000 }, secret);
    expect(verifySessionToken(token, secret, { helpdesk: 'zendesk', now: 30_000 })).toMatchObject({
      ok: true,
      claims: { sub: 'acme.zendesk.com' },
    });
    expect(verifySessionToken(token, secret, { helpdesk: 'freshdesk', now: 30_000 })).toMatchObject({
      ok: false,
      reason: 'invalid_audience',
    });
    expect(verifySessionToken(token, secret, { helpdesk: 'zendesk', now: 61_000 })).toMatchObject({ ok: false, reason: 'expired_token' });
    expect(verifySessionToken(token, `${secret}x`, { helpdesk: 'zendesk', now: 30_000 })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
    const [payload, mac] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ h: 'zendesk', sub: 'acme.zendesk.com', iat: 1_000, exp: 9_999_999 })).toString(
      'base64url',
    );
    expect(altered).not.toBe(payload);
    expect(verifySessionToken(`${altered}.${mac}`, secret, { helpdesk: 'zendesk', now: 30_000 })).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
  });
});

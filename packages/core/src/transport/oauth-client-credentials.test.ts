import { inspect } from 'node:util';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WismoError } from '../errors';
import { createOAuthClientCredentials } from './oauth-client-credentials';

const origin = 'https://auth.transport.test';
const secret = 'oauth-client-secret-7f3a9';

function provider(now?: () => number, credentialsIn: 'basic' | 'body' = 'basic') {
  return createOAuthClientCredentials({
    carrierId: 'test',
    carrierName: 'Test',
    tokenUrl: `${origin}/oauth/token`,
    clientId: 'client-id',
    clientSecret: secret,
    credentialsIn,
    retries: 1,
    retryMinDelayMs: 1,
    timeoutMs: 500,
    now,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('createOAuthClientCredentials', () => {
  it('sends client credentials with HTTP Basic and caches the token (expires_in as a string, as UPS sends it)', async () => {
    const basic = `Basic ${Buffer.from(`client-id:${secret}`).toString('base64')}`;
    const scope = nock(origin)
      .post('/oauth/token', 'grant_type=client_credentials')
      .matchHeader('authorization', basic)
      .once()
      .reply(200, { access_token: 'token-1-xyz', expires_in: '14399' });
    const tokens = provider();
    expect(await tokens.headers()).toEqual({ Authorization: 'Bearer token-1-xyz' });
    expect(await tokens.token()).toBe('token-1-xyz');
    expect(tokens.requestCount).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  it('sends credentials in the form body when the carrier wants them there', async () => {
    const scope = nock(origin)
      .post(
        '/oauth/token',
        (body: Record<string, string>) =>
          body.client_id === 'client-id' && body.client_secret === secret && body.grant_type === 'client_credentials',
      )
      .reply(200, { access_token: 'token-body-1', expires_in: 3599 });
    expect(await provider(undefined, 'body').token()).toBe('token-body-1');
    expect(scope.isDone()).toBe(true);
  });

  it('coalesces concurrent refreshes into one request', async () => {
    const scope = nock(origin).post('/oauth/token').once().delay(50).reply(200, { access_token: 'shared-token', expires_in: 3599 });
    const tokens = provider();
    const results = await Promise.all(Array.from({ length: 25 }, () => tokens.token()));
    expect(new Set(results)).toEqual(new Set(['shared-token']));
    expect(tokens.requestCount).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  it('refreshes before expiry', async () => {
    let now = 1_000_000;
    nock(origin)
      .post('/oauth/token')
      .reply(200, { access_token: 'first-token', expires_in: 120 })
      .post('/oauth/token')
      .reply(200, { access_token: 'second-token', expires_in: 120 });
    const tokens = provider(() => now);
    expect(await tokens.token()).toBe('first-token');
    now += 30_000;
    expect(await tokens.token()).toBe('first-token');
    now += 31_000; // 61 s in: within the 60 s margin of the 120 s lifetime
    expect(await tokens.token()).toBe('second-token');
  });

  it('reports refused credentials as auth_failed without the secret', async () => {
    nock(origin).post('/oauth/token').reply(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    const error = (await provider()
      .token()
      .catch((caught: unknown) => caught)) as WismoError;
    expect(error.code).toBe('auth_failed');
    for (const text of [error.message, JSON.stringify(error), inspect(error)]) expect(text).not.toContain(secret);
  });

  it('reports a token body without access_token as bad_response', async () => {
    nock(origin).post('/oauth/token').reply(200, { token_type: 'bearer' });
    const error = (await provider()
      .token()
      .catch((caught: unknown) => caught)) as WismoError;
    expect(error.code).toBe('bad_response');
  });

  it('password grant: the resource owner in the form, its password redacted, a refusal naming all four credentials', async () => {
    const owner = { username: 'shop-user', password: 'owner-password-5d2e' };
    const options = {
      carrierId: 'test',
      carrierName: 'Test',
      tokenUrl: `${origin}/oauth/token`,
      clientId: 'client-id',
      clientSecret: secret,
      credentialsIn: 'body' as const,
      resourceOwner: owner,
      retries: 0,
    };
    const scope = nock(origin)
      .post(
        '/oauth/token',
        (body: Record<string, string>) =>
          body.grant_type === 'password' &&
          body.username === owner.username &&
          body.password === owner.password &&
          body.client_id === 'client-id',
      )
      .reply(200, { access_token: 'owner-token', expires_in: '3599' });
    expect(await createOAuthClientCredentials(options).token()).toBe('owner-token');
    expect(scope.isDone()).toBe(true);
    nock(origin).post('/oauth/token').reply(400, { error: 'invalid_grant' });
    const error = (await createOAuthClientCredentials(options)
      .token()
      .catch((caught: unknown) => caught)) as WismoError;
    expect([error.code, error.httpStatus]).toEqual(['auth_failed', 400]);
    expect(error.message).toBe('Test refused the credentials (HTTP 400); check the client id, secret, user name and password');
    expect(inspect(error)).not.toContain(owner.password);
    expect(() => createOAuthClientCredentials({ ...options, resourceOwner: { username: 'shop-user', password: undefined } })).toThrow(
      /username and password are required/,
    );
  });

  it('requires credentials', () => {
    expect(() =>
      createOAuthClientCredentials({
        carrierId: 't',
        carrierName: 'T',
        tokenUrl: origin,
        clientId: undefined,
        clientSecret: 'x',
        credentialsIn: 'basic',
      }),
    ).toThrow(/clientId and clientSecret/);
  });
});

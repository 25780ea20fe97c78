import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export interface FixtureReplayOptions {
  /** The package's fixtures folder: `new URL('./__fixtures__/', import.meta.url)`. */
  fixturesDirectory: URL;
  /** The origin the adapter under test is pointed at, e.g. `https://ups.fixtures.test`. */
  origin: string;
  /** OAuth carriers: the token request, answered with this fixture before every replayed call. */
  token?: { intercept(scope: nock.Scope): nock.Interceptor; fixture: string };
}

export interface ReplayOptions {
  status?: number;
  headers?: Record<string, string>;
  /** Expect a token request first (default: when `token` is configured). */
  token?: boolean;
}

/** A fixture file name, or a literal body (an empty 404, a truncated answer). */
export type ReplayBody = string | { body: string };

export interface FixtureReplay {
  text(name: string): string;
  json<Value = unknown>(name: string): Value;
  /**
   * A recorded answer replayed through nock, speaking the carrier's real protocol: the token request (when the
   * carrier uses OAuth) then `intercept(scope)` answered with the fixture. Check `scope.isDone()` afterwards.
   */
  replay(intercept: (scope: nock.Scope) => nock.Interceptor, fixture: ReplayBody, options?: ReplayOptions): nock.Scope;
}

/** Reads a carrier package's `__fixtures__` and replays them the way every carrier test did by hand. */
export function createFixtureReplay(options: FixtureReplayOptions): FixtureReplay {
  const text = (name: string) => readFileSync(new URL(name, options.fixturesDirectory), 'utf8');
  return {
    text,
    json: <Value>(name: string) => JSON.parse(text(name)) as Value,
    replay(intercept, fixture, replayOptions = {}) {
      const scope = nock(options.origin);
      if (options.token && replayOptions.token !== false) {
        options.token.intercept(scope).reply(200, text(options.token.fixture), { 'Content-Type': 'application/json' });
      }
      const body = typeof fixture === 'string' ? text(fixture) : fixture.body;
      const contentType = /^\s*</.test(body) ? 'application/xml' : 'application/json';
      intercept(scope).reply(replayOptions.status ?? 200, body, { 'Content-Type': contentType, ...replayOptions.headers });
      return scope;
    },
  };
}

/**
 * For a test file that replays fixtures: no real network, every expected request used, nothing left over
 * between tests. Call once at the top of the file.
 */
export function isolateNetwork(): void {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'requests the test expected but the adapter never sent').toEqual([]);
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

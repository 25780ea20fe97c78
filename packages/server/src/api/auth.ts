import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from './problem';

interface NodeEnv {
  incoming?: { headers?: Record<string, string | string[] | undefined> };
}

/**
 * A request header, read from Node's own request when running on @hono/node-server: building the web
 * `Headers` of the request costs more than the whole check on a cached answer.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const headers = (c.env as NodeEnv | undefined)?.incoming?.headers;
  if (headers && typeof headers === 'object') {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}

/** A list of keys, or a function that says whether a key is valid (e.g. a lookup in your key store). */
export type ApiKeys = readonly string[] | ((key: string) => boolean | Promise<boolean>);

const MAX_KEY_LENGTH = 512;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Checks a presented key against the configured ones in constant time: both sides are hashed to equal
 * length first, and every configured key is compared (no early exit), so neither the position of a match
 * nor the length of a key leaks through timing. Synchronous for a key list; a key-checking function may
 * answer with a promise.
 */
export function createKeyVerifier(keys: ApiKeys): (presented: string) => boolean | Promise<boolean> {
  if (typeof keys === 'function') return async (presented) => (await keys(presented)) === true;
  const digests = keys.filter((key) => key.length > 0).map(digest);
  return (presented) => {
    const candidate = digest(presented);
    let matched = false;
    for (const expected of digests) {
      if (timingSafeEqual(candidate, expected)) matched = true;
    }
    return matched;
  };
}

/**
 * Checks `Authorization: Bearer <key>` (RFC 6750); throws a 401 problem with `WWW-Authenticate` otherwise.
 * Returns a promise only when the key check itself is asynchronous (a key-checking function).
 */
export function createBearerCheck(keys: ApiKeys): (c: Context) => void | Promise<void> {
  const verify = createKeyVerifier(keys);
  const refuse = (): never => {
    throw new ProblemError('unauthorized', {
      detail: 'The API key is not valid.',
      headers: { 'WWW-Authenticate': 'Bearer realm="wismo", error="invalid_token"' },
    });
  };
  return (c) => {
    const header = requestHeader(c, 'authorization');
    const match = header ? /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(header) : null;
    if (!match) {
      throw new ProblemError('unauthorized', {
        detail: header
          ? 'The Authorization header is not of the form `Bearer <key>`.'
          : 'Send an API key as `Authorization: Bearer <key>`.',
        headers: { 'WWW-Authenticate': header ? 'Bearer realm="wismo", error="invalid_request"' : 'Bearer realm="wismo"' },
      });
    }
    const key = match[1]!;
    if (key.length > MAX_KEY_LENGTH) return refuse();
    const verdict = verify(key);
    if (typeof verdict === 'boolean') {
      if (!verdict) refuse();
      return;
    }
    return verdict.then((valid) => {
      if (!valid) refuse();
    });
  };
}

/** `Authorization: Bearer <key>` as a middleware. */
export function bearerAuth(keys: ApiKeys): MiddlewareHandler {
  const check = createBearerCheck(keys);
  return async (c, next) => {
    await check(c);
    await next();
  };
}

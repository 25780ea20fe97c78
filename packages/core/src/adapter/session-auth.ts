import { registerSecret } from '../transport/redact';

/** What a carrier's login call gives: a session token and when it expires (null when the carrier does not say). */
export interface SessionLoginResult {
  token: string;
  expiresAtMs: number | null;
}

export interface SessionOptions {
  /** Logs in; its errors are the caller's (typed by the carrier). */
  login(signal?: AbortSignal): Promise<SessionLoginResult>;
  now: () => number;
  /** Log in again this long before `expiresAtMs`. */
  refreshMarginMs: number;
  /** How long a token is used when its expiry is unknown or already inside the margin. */
  fallbackLifetimeMs: number;
}

export interface Session {
  /** A usable token: the cached one, or one from a login that concurrent callers share. `fresh`: this call waited for a login. */
  token(signal?: AbortSignal): Promise<{ token: string; fresh: boolean }>;
  /** Forget `token` after the carrier refused it; a token already replaced by a newer login is left alone. */
  invalidate(token: string): void;
  /** Logins sent (tests and metrics). */
  readonly loginCount: number;
}

/** A login session: one token per adapter, cached until shortly before it expires, fetched once for concurrent callers. */
export function createSession(options: SessionOptions): Session {
  let current: { token: string; renewAtMs: number } | null = null;
  let pending: Promise<string> | null = null;
  let loginCount = 0;

  async function login(signal?: AbortSignal): Promise<string> {
    loginCount += 1;
    const { token, expiresAtMs } = await options.login(signal);
    const now = options.now();
    const renewAtMs =
      expiresAtMs !== null && expiresAtMs - options.refreshMarginMs > now
        ? expiresAtMs - options.refreshMarginMs
        : now + options.fallbackLifetimeMs;
    // The token stands for the password while it lives: redacted from logs and errors until then.
    registerSecret(token, { expiresAtMs: Math.max(expiresAtMs ?? 0, renewAtMs), now: options.now });
    current = { token, renewAtMs };
    return token;
  }

  return {
    async token(signal) {
      if (current && options.now() < current.renewAtMs) return { token: current.token, fresh: false };
      pending ??= login(signal).finally(() => {
        pending = null;
      });
      return { token: await pending, fresh: true };
    },
    invalidate(token) {
      if (current?.token === token) current = null;
    },
    get loginCount() {
      return loginCount;
    },
  };
}

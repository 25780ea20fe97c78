import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCacheKey, createAnswerCache, renderAnswer, type RenderedAnswer } from './answer-cache';
import { createFaultInjector, type FaultInjector } from './fault-injector';
import { buildJourney } from './journeys';
import { bearerToken, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type SandboxRequest } from './sandbox-carrier';
import type { SandboxClock } from './sandbox-clock';
import { accountLabel, type RequestLog } from './request-log';
import { decodeSandboxNumber } from './sandbox-numbers';
import type { SandboxCredentials, SandboxFaults, SandboxRateLimit, SandboxStats } from './sandbox-types';
import { createTokenBucket, retryAfterHeader, type TokenBucket } from './token-bucket';

export interface CarrierServerOptions {
  carrier: SandboxCarrier;
  host: string;
  clock: SandboxClock;
  advancingStartMs: number;
  credentials: readonly SandboxCredentials[];
  /** null: no limit. */
  rateLimit: SandboxRateLimit | null;
  timeScale: number;
  /** Draws the latency of one answer, in ms. */
  latency: () => number;
  /** The largest latency `latency` can draw (how long a freshly issued token stays immune to the expired-token fault). */
  maxLatencyMs: number;
  faults: SandboxFaults | undefined;
  faultSeed: number;
  /** Every tracking request of a known account is recorded here. */
  requestLog?: RequestLog;
  /** Send a tracking answer rendered earlier at the same sandbox time again (see `SandboxOptions.answerCache`). */
  answerCache?: boolean;
}

export interface CarrierServer {
  baseUrl: string;
  stats: SandboxStats;
  resetStats(): void;
  setFaults(faults: SandboxFaults | undefined, seed: number): void;
  close(): Promise<void>;
}

interface IssuedToken {
  clientId: string;
  /** Sandbox-clock time after which the token is expired. */
  expiresAtMs: number;
  /** Real time of issue (performance.now), for the grace after an expired-token fault. */
  issuedAtRealMs: number;
  revoked: boolean;
}

type Handled = { answer: SandboxAnswer | RenderedAnswer } | { timeout: true };

const MAX_BODY_BYTES = 1 << 20;
const MAX_TOKENS_KEPT = 10_000;

function emptyStats(): SandboxStats {
  return { requests: 0, trackingNumbersServed: 0, rateLimited: 0, faultsInjected: 0, tokensIssued: 0, answersFromCache: 0 };
}

function malformed(answer: SandboxAnswer, pick: number): SandboxAnswer {
  if (pick < 0.5) {
    // A body cut off mid-way, as a dropped connection or a proxy buffer limit leaves it.
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
  }
  // A maintenance page served with 200 by a proxy in front of the API.
  const page = htmlErrorPage(200, 'Service Temporarily Unavailable');
  return { ...page, status: 200 };
}

/** One carrier's sandbox server on a free port. */
export async function startCarrierServer(options: CarrierServerOptions): Promise<CarrierServer> {
  const { carrier, clock, timeScale } = options;
  const oauth = carrier.tokenLifetimeSeconds !== null;
  let stats = emptyStats();
  let injector: FaultInjector = createFaultInjector(options.faults, options.faultSeed);
  const tokens = new Map<string, IssuedToken>();
  /** Per client id: real time of the last expired-token fault. */
  const lastExpiry = new Map<string, number>();
  const buckets = new Map<string, TokenBucket>();
  const pending = new Set<NodeJS.Timeout>();
  const expiredTokenGraceMs = 1000 + 2 * options.maxLatencyMs;
  const answers = options.answerCache ? createAnswerCache() : null;
  /** API keys are logged hashed: once per key, not once per request. */
  const accountLabels = new Map<string, string>();

  function accountOf(credential: string): string {
    let label = accountLabels.get(credential);
    if (label === undefined) accountLabels.set(credential, (label = accountLabel(credential, oauth ? 'clientId' : 'apiKey')));
    return label;
  }

  function bucketFor(credential: string): TokenBucket | null {
    if (!options.rateLimit) return null;
    let bucket = buckets.get(credential);
    if (!bucket) {
      bucket = createTokenBucket(options.rateLimit, timeScale);
      buckets.set(credential, bucket);
    }
    return bucket;
  }

  function issueToken(clientId: string): string {
    if (tokens.size >= MAX_TOKENS_KEPT) {
      const now = clock.now().getTime();
      for (const [token, record] of tokens) if (record.revoked || record.expiresAtMs <= now) tokens.delete(token);
      if (tokens.size >= MAX_TOKENS_KEPT) tokens.delete(tokens.keys().next().value!);
    }
    const token = `sbx.${carrier.id}.${randomBytes(18).toString('base64url')}`;
    tokens.set(token, {
      clientId,
      expiresAtMs: clock.now().getTime() + carrier.tokenLifetimeSeconds! * 1000,
      issuedAtRealMs: performance.now(),
      revoked: false,
    });
    stats.tokensIssued += 1;
    return token;
  }

  /** Tokens issued right after an expired-token fault are spared for a moment, so the retry they serve succeeds. */
  function spared(record: IssuedToken): boolean {
    const expiry = lastExpiry.get(record.clientId);
    return expiry !== undefined && record.issuedAtRealMs >= expiry && performance.now() - record.issuedAtRealMs < expiredTokenGraceMs;
  }

  function handleToken(request: SandboxRequest): SandboxAnswer {
    const read = carrier.clientCredentialsOf!(request);
    if ('refused' in read) return read.refused;
    const known = options.credentials.some(
      (credential) => 'clientId' in credential && credential.clientId === read.clientId && credential.clientSecret === read.clientSecret,
    );
    if (!known) return carrier.tokenRefused!();
    return carrier.tokenIssued!(issueToken(read.clientId), read.clientId, clock.now().getTime());
  }

  function handleTrack(request: SandboxRequest): Handled {
    let credential: string;
    let token: IssuedToken | undefined;
    if (oauth) {
      const presented = carrier.presentedTokenOf ? carrier.presentedTokenOf(request) : bearerToken(request);
      if (!presented) return { answer: carrier.unauthorised('missing') };
      token = tokens.get(presented);
      if (!token) return { answer: carrier.unauthorised('invalid') };
      if (token.revoked || clock.now().getTime() >= token.expiresAtMs) return { answer: carrier.unauthorised('expired') };
      credential = token.clientId;
    } else {
      const key = carrier.apiKeyOf?.(request) ?? null;
      if (!key) return { answer: carrier.unauthorised('missing') };
      if (!options.credentials.some((candidate) => 'apiKey' in candidate && candidate.apiKey === key))
        return { answer: carrier.unauthorised('invalid') };
      credential = key;
    }

    const decision = bucketFor(credential)?.take();
    const logged = options.requestLog ? { carrier: carrier.id, account: accountOf(credential), atMs: Date.now() } : null;
    if (decision && !decision.allowed) {
      if (logged) options.requestLog!.record({ ...logged, rateLimited: true, trackingNumbers: [] });
      stats.rateLimited += 1;
      return { answer: carrier.rateLimited(retryAfterHeader(decision.retryAfterMs, timeScale), options.rateLimit) };
    }

    const fault = injector.draw(token !== undefined && !spared(token));
    if (fault) stats.faultsInjected += 1;
    if (fault === 'timeout') return { timeout: true };
    if (fault === 'server_error') {
      const status = ([500, 502, 503] as const)[Math.min(2, Math.floor(injector.pick() * 3))]!;
      return { answer: carrier.serverError(status, retryAfterHeader(1000, timeScale)) };
    }
    if (fault === 'expired_token') {
      token!.revoked = true;
      lastExpiry.set(token!.clientId, performance.now());
      return { answer: carrier.unauthorised('expired') };
    }

    const read = carrier.readTrackingRequest(request);
    if ('refused' in read) return { answer: read.refused };
    const nowMs = clock.now().getTime();
    stats.trackingNumbersServed += read.numbers.length;
    if (logged) options.requestLog!.record({ ...logged, rateLimited: false, trackingNumbers: read.numbers });
    // A malformed answer is cut from a fresh one, and never kept.
    const cacheKey = answers && fault !== 'malformed' ? answerCacheKey(request, carrier.answerVaries) : null;
    const cached = cacheKey === null ? undefined : answers!.get(cacheKey, nowMs);
    if (cached) {
      stats.answersFromCache += 1;
      return { answer: cached };
    }
    const numbers = read.numbers.map((trackingNumber) => {
      const decoded = carrier.decodeNumber ? carrier.decodeNumber(trackingNumber) : decodeSandboxNumber(carrier.id, trackingNumber);
      return { trackingNumber, journey: decoded ? buildJourney(decoded, nowMs, options.advancingStartMs) : null };
    });
    const answer = carrier.trackAnswer(request, numbers);
    if (fault === 'malformed') return { answer: malformed(answer, injector.pick()) };
    if (cacheKey === null) return { answer };
    const rendered = renderAnswer(answer);
    answers!.set(cacheKey, nowMs, rendered);
    return { answer: rendered };
  }

  function handle(request: SandboxRequest): Handled {
    const endpoint = carrier.endpointOf(request);
    if (endpoint === 'token' && oauth) return { answer: handleToken(request) };
    if (endpoint === 'track') return handleTrack(request);
    return { answer: carrier.unknownEndpoint(request) };
  }

  function send(response: ServerResponse, answer: SandboxAnswer | RenderedAnswer): void {
    if (response.destroyed || response.writableEnded) return;
    const { status, headers, body } = Buffer.isBuffer(answer.body) ? (answer as RenderedAnswer) : renderAnswer(answer);
    response.writeHead(status, { ...headers, 'Content-Length': body.length });
    response.end(body);
  }

  function later(response: ServerResponse, delayMs: number, answer: SandboxAnswer | RenderedAnswer): void {
    if (delayMs <= 0) return send(response, answer);
    const timer = setTimeout(() => {
      pending.delete(timer);
      send(response, answer);
    }, delayMs);
    pending.add(timer);
    // A client that gives up (its timeout) frees the timer.
    response.once('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  }

  function onRequest(message: IncomingMessage, response: ServerResponse): void {
    stats.requests += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    message.on('end', () => {
      let handled: Handled;
      try {
        const request: SandboxRequest = {
          method: message.method ?? 'GET',
          url: new URL(message.url ?? '/', 'http://sandbox.invalid'),
          headers: message.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        handled = size > MAX_BODY_BYTES ? { answer: { status: 413, body: { message: 'Request body too large' } } } : handle(request);
      } catch (error) {
        // A bug in the sandbox must show up as such, not as a carrier answer.
        handled = { answer: { status: 500, body: { message: `wismo sandbox error: ${(error as Error).message}` } } };
      }
      if ('timeout' in handled) {
        // Held past the client's patience; a gateway would eventually give up with 504.
        later(response, injector.timeoutAfterMs, htmlErrorPage(504, 'Gateway Timeout'));
        return;
      }
      later(response, options.latency(), handled.answer);
    });
  }

  const server: Server = createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}`,
    get stats() {
      return stats;
    },
    resetStats() {
      stats = emptyStats();
    },
    setFaults(faults, seed) {
      injector = createFaultInjector(faults, seed);
    },
    close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

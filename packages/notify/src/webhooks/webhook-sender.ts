import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { parseRetryAfter } from '@wismo/core/internal';
import { AddressRefusedError, guardedLookup, refusedAddressReason, type AddressPolicy } from './address-guard';
import { signWebhook } from './standard-webhooks';

/** Svix's schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts in all). */
export const WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
/** A receiver must answer within this (Svix: 15 s). */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** The most of a reply kept for the delivery log. */
const KEPT_REPLY_CHARACTERS = 500;

export interface WebhookAttemptResult {
  outcome: 'delivered' | 'retry' | 'gone' | 'refused';
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** Seconds asked for by `Retry-After` (429/503), in ms. */
  retryAfterMs: number | null;
  durationMs: number;
  /** Why it failed, in words without secrets. */
  error: string | null;
  /** The first characters of the reply, for the delivery log. */
  reply: string | null;
}

export interface WebhookAttempt {
  url: string;
  id: string;
  body: string;
  secrets: readonly string[];
  timestampSeconds: number;
  addressPolicy?: AddressPolicy;
  timeoutMs?: number;
}

/**
 * One POST of a signed webhook. 2xx delivered; 410 gone (the endpoint is disabled); anything else, a redirect
 * (never followed), a timeout or a refused address is an answer to retry or record. Never throws.
 */
export async function attemptWebhook(attempt: WebhookAttempt): Promise<WebhookAttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(attempt.url);
  } catch {
    return { outcome: 'refused', status: null, retryAfterMs: null, durationMs: 0, error: 'The endpoint URL cannot be parsed', reply: null };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { outcome: 'refused', status: null, retryAfterMs: null, durationMs: 0, error: 'The endpoint URL must be http(s)', reply: null };
  const policy = attempt.addressPolicy ?? {};
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup, so it is checked here.
  if (isIP(hostname) !== 0) {
    const reason = refusedAddressReason(hostname, policy);
    if (reason)
      return {
        outcome: 'refused',
        status: null,
        retryAfterMs: null,
        durationMs: 0,
        error: new AddressRefusedError(hostname, reason).message,
        reply: null,
      };
  }
  const headers = {
    ...signWebhook({ id: attempt.id, timestampSeconds: attempt.timestampSeconds, body: attempt.body, secrets: attempt.secrets }),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(attempt.body)),
    'user-agent': 'wismo-webhooks/1',
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookAttemptResult>((resolve) => {
    const outgoing = request(
      url,
      { method: 'POST', headers, lookup: guardedLookup(policy) as never, timeout: attempt.timeoutMs ?? WEBHOOK_TIMEOUT_MS },
      (response: IncomingMessage) => {
        let reply = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (reply.length < KEPT_REPLY_CHARACTERS) reply += chunk;
        });
        response.on('error', () => undefined);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const retryAfterHeader = response.headers['retry-after'];
          const retryAfterMs = parseRetryAfter(Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader);
          const kept = reply.slice(0, KEPT_REPLY_CHARACTERS) || null;
          if (status >= 200 && status < 300)
            resolve({ outcome: 'delivered', status, retryAfterMs: null, durationMs: elapsed(), error: null, reply: kept });
          else if (status === 410)
            resolve({
              outcome: 'gone',
              status,
              retryAfterMs: null,
              durationMs: elapsed(),
              error: 'The endpoint answered 410 Gone',
              reply: kept,
            });
          else
            resolve({
              outcome: 'retry',
              status,
              retryAfterMs,
              durationMs: elapsed(),
              error: status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`,
              reply: kept,
            });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`No answer within ${attempt.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error: Error) => {
      const refused = error instanceof AddressRefusedError;
      resolve({
        outcome: refused ? 'refused' : 'retry',
        status: null,
        retryAfterMs: null,
        durationMs: elapsed(),
        error: error.message,
        reply: null,
      });
    });
    outgoing.end(attempt.body);
  });
}

/**
 * When to try again after `attemptsMade` attempts, or null when they are used up: the schedule's next step with
 * ±10 % jitter (so that a receiver that comes back is not hit by every sender at once), never before `Retry-After`.
 */
export function nextWebhookAttemptDelay(
  attemptsMade: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const step = WEBHOOK_RETRY_SCHEDULE_MS[attemptsMade];
  if (step === undefined) return null;
  const jittered = Math.round(step * (0.9 + 0.2 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}

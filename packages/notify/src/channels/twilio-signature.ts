import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as Twilio posted them (a repeated key as an array). */
export type TwilioParameters = Readonly<Record<string, string | readonly string[]>> | URLSearchParams;

function pairsOf(parameters: TwilioParameters): Array<[string, string]> {
  if (parameters instanceof URLSearchParams) return [...parameters.entries()];
  return Object.entries(parameters).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as [string, string]] : value.map((item) => [key, item] as [string, string]),
  );
}

/**
 * Twilio's documented scheme: the full URL Twilio called, then every POST parameter sorted by name, appended as
 * name + value with no separators; HMAC-SHA1 with the auth token; base64.
 */
export function computeTwilioSignature(authToken: string, url: string, parameters: TwilioParameters = {}): string {
  const sorted = pairsOf(parameters).sort(([keyA, valueA], [keyB, valueB]) =>
    keyA < keyB ? -1 : keyA > keyB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
  );
  const hmac = createHmac('sha1', authToken).update(url, 'utf8');
  for (const [key, value] of sorted) hmac.update(key + value, 'utf8');
  return hmac.digest('base64');
}

/** The same URL with the scheme's default port written out, or dropped (Twilio's SDKs accept either form). */
function portVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : null;
  if (defaultPort === null) return [url];
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  const hostPart = authority.slice(authority.lastIndexOf('@') + 1);
  const hasPort = /:\d+$/.test(hostPart);
  if (hasPort) {
    if (!hostPart.endsWith(`:${defaultPort}`)) return [url];
    return [url, url.replace(`${hostPart}`, hostPart.slice(0, -(defaultPort.length + 1)))];
  }
  return [url, url.replace(hostPart, `${hostPart}:${defaultPort}`)];
}

function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  // Compare equal lengths only, so the comparison time does not depend on where the texts differ.
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface TwilioSignatureInput {
  authToken: string;
  /** The full URL Twilio called (scheme, host, path and query), as configured in `StatusCallback`. */
  url: string;
  /** The form body's parameters. */
  parameters: TwilioParameters;
  /** The `X-Twilio-Signature` header; missing or empty never verifies. */
  signature: string | null | undefined;
}

/** True when the `X-Twilio-Signature` header matches (constant-time compare). Never throws on odd input. */
export function verifyTwilioSignature(input: TwilioSignatureInput): boolean {
  if (typeof input.signature !== 'string' || input.signature.length === 0 || input.signature.length > 200) return false;
  if (!input.authToken) return false;
  let matched = false;
  for (const url of portVariants(input.url)) {
    // Every variant is computed, so the time taken does not reveal which one matched.
    if (sameText(computeTwilioSignature(input.authToken, url, input.parameters), input.signature)) matched = true;
  }
  return matched;
}

/** Twilio's message statuses after the initial one. */
export type TwilioMessageStatus =
  'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read' | 'accepted' | 'scheduled' | 'canceled';

export interface TwilioStatusUpdate {
  messageSid: string;
  status: TwilioMessageStatus | (string & {});
  errorCode: string | null;
}

export class TwilioCallbackError extends Error {
  override readonly name = 'TwilioCallbackError';
  readonly code: 'invalid_signature' | 'invalid_callback';
  constructor(code: 'invalid_signature' | 'invalid_callback', message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Verifies and reads a status callback (the raw form body as Twilio sent it). Throws `TwilioCallbackError`
 * without repeating the token or the signature.
 */
export function readTwilioStatusCallback(input: {
  authToken: string;
  url: string;
  body: string;
  signature: string | null | undefined;
}): TwilioStatusUpdate {
  const parameters = new URLSearchParams(input.body);
  if (!verifyTwilioSignature({ authToken: input.authToken, url: input.url, parameters, signature: input.signature }))
    throw new TwilioCallbackError('invalid_signature', 'The X-Twilio-Signature header does not match this request');
  const messageSid = parameters.get('MessageSid') ?? parameters.get('SmsSid');
  const status = parameters.get('MessageStatus') ?? parameters.get('SmsStatus');
  if (!messageSid || !status) throw new TwilioCallbackError('invalid_callback', 'A status callback needs MessageSid and MessageStatus');
  return { messageSid, status, errorCode: parameters.get('ErrorCode') || null };
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks 1.0: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The spec asks for keys of 24 to 64 bytes; wismo makes 32. */
const GENERATED_SECRET_BYTES = 32;
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type WebhookVerificationErrorCode =
  | 'missing_headers'
  | 'invalid_id'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_secret';

/** Verification failed. The message never repeats the secret or the signatures. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly code: WebhookVerificationErrorCode;
  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes. */
export function createWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(GENERATED_SECRET_BYTES).toString('base64');
}

/** The HMAC key behind a `whsec_` secret (the prefix is optional, as in the reference libraries). */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 === 1)
    throw new WebhookVerificationError('invalid_secret', 'A webhook secret is whsec_ followed by base64');
  return Buffer.from(encoded, 'base64');
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** `v1,<base64>` for one secret over `${id}.${timestamp}.${body}`. */
export function signWebhookWith(secret: string, id: string, timestampSeconds: number, body: string): string {
  if (!ID_PATTERN.test(id)) throw new WebhookVerificationError('invalid_id', 'A webhook id is 1-128 letters, digits, _ or - (no dots)');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0)
    throw new WebhookVerificationError('invalid_timestamp', 'A webhook timestamp is whole Unix seconds');
  const mac = createHmac('sha256', webhookSecretKey(secret))
    .update(`${id}.${timestampSeconds}.`, 'utf8')
    .update(body, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

export type SignedWebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  /** One `v1,` entry per secret (during a rotation, the new one and the previous), space-separated. */
  'webhook-signature': string;
};

/** The three headers for one attempt, signed with every secret given (the current one first). */
export function signWebhook(input: {
  id: string;
  timestampSeconds: number;
  body: string;
  secrets: readonly string[];
}): SignedWebhookHeaders {
  if (input.secrets.length === 0) throw new WebhookVerificationError('invalid_secret', 'At least one webhook secret is needed to sign');
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': input.secrets.map((secret) => signWebhookWith(secret, input.id, input.timestampSeconds, input.body)).join(' '),
  };
}

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join(' ');
}

/**
 * The receiver's side, for wismo's own tests and users who verify without a library: checks the timestamp
 * against `toleranceSeconds` both ways (default 5 minutes) and accepts any `v1` entry that matches any secret,
 * comparing in constant time. Returns the body as given.
 */
export function verifyWebhook(input: {
  headers: HeaderSource;
  body: string;
  secrets: readonly string[];
  now?: Date;
  toleranceSeconds?: number;
}): { id: string; timestampSeconds: number } {
  const id = header(input.headers, 'webhook-id');
  const timestamp = header(input.headers, 'webhook-timestamp');
  const signatures = header(input.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are required');
  if (!ID_PATTERN.test(id)) throw new WebhookVerificationError('invalid_id', 'The webhook-id header is malformed');
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WebhookVerificationError('invalid_timestamp', 'The webhook-timestamp header is not Unix seconds');
  const timestampSeconds = Number(timestamp);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (timestampSeconds < nowSeconds - tolerance)
    throw new WebhookVerificationError('timestamp_too_old', 'The webhook timestamp is too old');
  if (timestampSeconds > nowSeconds + tolerance)
    throw new WebhookVerificationError('timestamp_too_new', 'The webhook timestamp is in the future');
  const offered = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3)));
  let matched = false;
  for (const secret of input.secrets) {
    const expected = Buffer.from(signWebhookWith(secret, id, timestampSeconds, input.body).slice(3));
    for (const candidate of offered) if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) throw new WebhookVerificationError('no_matching_signature', 'No webhook signature matches');
  return { id, timestampSeconds };
}

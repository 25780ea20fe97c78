/**
 * Secrets registered here are replaced wherever wismo writes text: error messages, logs, snapshots.
 * Adapters register their client secrets, API keys and tokens as soon as they see them.
 *
 * A long-running server registers a fresh OAuth token every hour or so, so the registry is bounded: a
 * token is kept until a while after it expires, and beyond `MAXIMUM_REGISTERED_SECRETS` the entry used
 * least recently goes first. Adapters re-register their credentials on every call, which keeps them recent.
 */
const registeredSecrets = new Map<string, number>();

export const MAXIMUM_REGISTERED_SECRETS = 512;
/** An expired token may still sit in a log line being written: keep redacting it this much longer. */
const EXPIRED_SECRET_GRACE_MS = 60 * 60 * 1000;

// Shapes that carry credentials whatever their value: auth headers, form fields, query parameters.
const SECRET_PATTERNS: RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /\b(client_secret|access_token|refresh_token|api[_-]?key|apikey|password|token)(["']?\s*[=:]\s*["']?)[^"'&\s,}]+/gi,
  /\b(DHL-API-Key|x-api-key|authorization)(["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi,
];

const MINIMUM_SECRET_LENGTH = 4;

export interface RegisterSecretOptions {
  /** When the secret stops being valid (an OAuth token's expiry), in epoch milliseconds. */
  expiresAtMs?: number;
  now?: () => number;
}

export function registerSecret(secret: string | null | undefined, options: RegisterSecretOptions = {}): void {
  if (typeof secret !== 'string' || secret.length < MINIMUM_SECRET_LENGTH) return;
  const now = (options.now ?? Date.now)();
  const keepUntil = options.expiresAtMs === undefined ? Number.POSITIVE_INFINITY : options.expiresAtMs + EXPIRED_SECRET_GRACE_MS;
  // Delete first so the entry moves to the end: the Map's order is the order of last registration.
  const previous = registeredSecrets.get(secret);
  registeredSecrets.delete(secret);
  registeredSecrets.set(secret, Math.max(previous ?? keepUntil, keepUntil));
  if (registeredSecrets.size <= MAXIMUM_REGISTERED_SECRETS) return;
  for (const [known, until] of registeredSecrets) if (until <= now) registeredSecrets.delete(known);
  for (const known of registeredSecrets.keys()) {
    if (registeredSecrets.size <= MAXIMUM_REGISTERED_SECRETS) break;
    registeredSecrets.delete(known);
  }
}

/** How many secrets are registered (for tests and metrics). */
export function registeredSecretCount(): number {
  return registeredSecrets.size;
}

export function redactText(text: string): string {
  let result = text;
  for (const secret of registeredSecrets.keys()) {
    if (result.includes(secret)) result = result.split(secret).join('[redacted]');
  }
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (_match, name: string, separator?: string) =>
      separator === undefined ? `${name} [redacted]` : `${name}${separator}[redacted]`,
    );
  }
  return result;
}

/** Deep-redacts a value meant for a log line: strings are redacted, credential-named keys dropped. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = /authorization|secret|api-?key|token|password/i.test(key) ? '[redacted]' : redactValue(item, depth + 1);
  }
  return result;
}

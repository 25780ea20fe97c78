/**
 * Secrets registered here are replaced wherever wismo writes text: error messages, logs, snapshots.
 * Adapters register their client secrets, API keys and tokens as soon as they see them.
 */
const registeredSecrets = new Set<string>();

// Shapes that carry credentials whatever their value: auth headers, form fields, query parameters.
const SECRET_PATTERNS: RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /\b(client_secret|access_token|refresh_token|api[_-]?key|apikey|password|token)(["']?\s*[=:]\s*["']?)[^"'&\s,}]+/gi,
  /\b(DHL-API-Key|x-api-key|authorization)(["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi,
];

const MINIMUM_SECRET_LENGTH = 4;

export function registerSecret(secret: string | null | undefined): void {
  if (typeof secret === 'string' && secret.length >= MINIMUM_SECRET_LENGTH) registeredSecrets.add(secret);
}

export function redactText(text: string): string {
  let result = text;
  for (const secret of registeredSecrets) {
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

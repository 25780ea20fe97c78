import type { Context } from 'hono';

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 413; detail: string };

/**
 * Reads the raw request body once, refusing more than `maxBytes` before anything is hashed or parsed:
 * a declared Content-Length past the limit is refused unread, a streamed body is cut off as soon as it
 * passes the limit.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const tooLarge: BodyRead = { ok: false, status: 413, detail: `The request body is larger than ${maxBytes} bytes.` };
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Parses JSON from raw bytes (strict UTF-8); undefined when it is not JSON. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Headers on every helpdesk response: order data is personal, never cached or sniffed. */
export function applyBaseHeaders(c: Context): void {
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503;

const TITLES: Readonly<Record<ProblemStatus, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An RFC 9457 problem response; `code` is a stable machine-readable reason. */
export function problem(c: Context, status: ProblemStatus, code: string, detail: string): Response {
  applyBaseHeaders(c);
  return c.body(JSON.stringify({ type: 'about:blank', title: TITLES[status], status, code, detail }), status, {
    'Content-Type': 'application/problem+json',
  });
}

/** Raw query string of the request URL as received (without `?`), for signatures over the exact URL. */
export function rawQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const end = url.indexOf('#', start);
  return url.slice(start + 1, end === -1 ? undefined : end);
}

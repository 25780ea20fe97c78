import { WismoError, type WismoErrorCode } from '@wismo/core';

/** Codes of the server's own problems, beside the `WismoError` codes of carrier failures. */
export const SERVER_PROBLEM_CODES = [
  'invalid_request',
  'unauthorized',
  'route_not_found',
  'order_not_found',
  'tracking_not_found',
  'resource_not_found',
  'conflict',
  'store_not_configured',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal_error',
] as const;
export type ServerProblemCode = (typeof SERVER_PROBLEM_CODES)[number];
export type ProblemCode = ServerProblemCode | WismoErrorCode;

export interface ValidationIssue {
  /** Where the problem is, e.g. `body.items[3].trackingNumber` or `path.carrier`. */
  path: string;
  message: string;
}

/** RFC 9457 problem details, plus wismo's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ProblemCode;
  /** Validation problems: every failing field. */
  errors?: ValidationIssue[];
  /** The carrier a carrier failure came from. */
  carrier?: string | null;
  retryAfterSeconds?: number;
}

interface ProblemDefinition {
  status: number;
  title: string;
  /** Shown when nothing more specific is known. Never the carrier's own message. */
  detail: string;
}

/**
 * Every code with its HTTP status. Carrier failures: the carrier does not know the number (404), the number
 * is not one of the carrier's (422), the carrier is rate-limiting us (429), is down (503), refuses our
 * credentials (502: it is our configuration at the carrier, not the caller's) or answers nonsense (502).
 */
export const PROBLEMS: Readonly<Record<ProblemCode, ProblemDefinition>> = {
  invalid_request: { status: 400, title: 'Invalid request', detail: 'The request does not match the API: see `errors`.' },
  unauthorized: { status: 401, title: 'Unauthorized', detail: 'Send a valid API key as `Authorization: Bearer <key>`.' },
  route_not_found: { status: 404, title: 'Not found', detail: 'No such endpoint; see /openapi.json.' },
  order_not_found: { status: 404, title: 'Order not found', detail: 'The order source has no order with this id.' },
  tracking_not_found: { status: 404, title: 'Tracking not found', detail: 'This shop watches no tracking with this id.' },
  resource_not_found: { status: 404, title: 'Not found', detail: 'This shop has nothing with this id.' },
  conflict: { status: 409, title: 'Conflict', detail: 'The request conflicts with the current state of the resource.' },
  store_not_configured: {
    status: 501,
    title: 'No store configured',
    detail:
      'This server runs without a store, so it cannot watch trackings or keep orders; start it with a store (e.g. wismo serve --store sqlite:.wismo/wismo.db).',
  },
  payload_too_large: { status: 413, title: 'Payload too large', detail: 'The request body is larger than the server accepts.' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', detail: 'Send the body as application/json.' },
  too_many_requests: { status: 429, title: 'Too many requests', detail: 'Slow down and retry after the time given in Retry-After.' },
  internal_error: { status: 500, title: 'Internal server error', detail: 'Something went wrong on our side.' },
  not_found: { status: 404, title: 'Tracking number not found', detail: 'The carrier does not know this tracking number (yet).' },
  invalid_number: { status: 422, title: 'Invalid tracking number', detail: 'This is not a valid tracking number for the carrier.' },
  detection_failed: {
    status: 422,
    title: 'Carrier not detected',
    detail: 'No configured carrier uses the format of this number; name the carrier.',
  },
  unsupported_carrier: { status: 404, title: 'Carrier not configured', detail: 'This server has no adapter for the carrier.' },
  rate_limited: { status: 429, title: 'Carrier rate limit', detail: 'The carrier is rate-limiting requests; retry later.' },
  carrier_unavailable: {
    status: 503,
    title: 'Carrier unavailable',
    detail: 'The carrier did not answer or answered with a server error; retry later.',
  },
  auth_failed: {
    status: 502,
    title: 'Carrier rejected our credentials',
    detail: 'The carrier rejected this server’s credentials; the operator must fix the carrier configuration.',
  },
  bad_response: { status: 502, title: 'Bad carrier response', detail: 'The carrier answered with something wismo cannot read.' },
  configuration: { status: 500, title: 'Server misconfigured', detail: 'The server’s carrier configuration is incomplete.' },
};

/** Seconds a caller should wait after a carrier's 429 when the carrier did not say. */
export const DEFAULT_CARRIER_RETRY_AFTER_SECONDS = 30;

export interface ProblemInit {
  detail?: string;
  errors?: ValidationIssue[];
  carrier?: string | null;
  retryAfterSeconds?: number;
  /** Extra response headers (`Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/** Thrown by handlers and middleware; rendered as `application/problem+json` by the app's error handler. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly init: ProblemInit;

  constructor(code: ProblemCode, init: ProblemInit = {}) {
    super(init.detail ?? PROBLEMS[code].detail);
    this.name = 'ProblemError';
    this.code = code;
    this.init = init;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export function problemStatus(code: ProblemCode): number {
  return PROBLEMS[code].status;
}

/** Absolute type URIs (RFC 9457 recommends them), served as short documentation by `GET /problems/{code}`. */
export function problemType(typeBase: string, code: ProblemCode): string {
  return `${typeBase}${code}`;
}

export function buildProblem(code: ProblemCode, init: ProblemInit, context: { typeBase: string; instance: string }): Problem {
  const definition = PROBLEMS[code];
  const problem: Problem = {
    type: problemType(context.typeBase, code),
    title: definition.title,
    status: definition.status,
    detail: init.detail ?? definition.detail,
    instance: context.instance,
    code,
  };
  if (init.errors) problem.errors = init.errors;
  if (init.carrier !== undefined) problem.carrier = init.carrier;
  if (init.retryAfterSeconds !== undefined) problem.retryAfterSeconds = init.retryAfterSeconds;
  return problem;
}

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEMS, code);
}

/**
 * A `WismoError` as a problem. The detail is written here from the code, the carrier and the number:
 * carrier messages are redacted already, but they may still describe our configuration, so they stay in
 * the (redacted) server log only.
 */
export function problemFromWismoError(error: WismoError): ProblemError {
  const code: ProblemCode = isProblemCode(error.code) ? error.code : 'internal_error';
  const carrier = error.carrierId;
  const number = error.trackingNumber;
  let detail = PROBLEMS[code].detail;
  if (code === 'not_found' && carrier && number) detail = `${carrier} does not know tracking number ${number} (yet).`;
  else if (code === 'invalid_number' && carrier && number) detail = `${number} is not a valid ${carrier} tracking number.`;
  else if (code === 'detection_failed' && number) detail = `No configured carrier uses the format of ${number}; name the carrier.`;
  else if (code === 'unsupported_carrier')
    detail = 'This server has no adapter for the carrier; see GET /v1/detect/{number} for the configured candidates.';
  else if (carrier && (code === 'rate_limited' || code === 'carrier_unavailable' || code === 'auth_failed' || code === 'bad_response'))
    detail = `${PROBLEMS[code].detail} (carrier: ${carrier})`;
  const init: ProblemInit = { detail, carrier: carrier ?? null };
  if (code === 'rate_limited' || code === 'carrier_unavailable') {
    const seconds =
      error.retryAfterMs !== null && error.retryAfterMs > 0
        ? Math.ceil(error.retryAfterMs / 1000)
        : code === 'rate_limited'
          ? DEFAULT_CARRIER_RETRY_AFTER_SECONDS
          : undefined;
    if (seconds !== undefined) {
      init.retryAfterSeconds = seconds;
      init.headers = { 'Retry-After': String(seconds) };
    }
  }
  return new ProblemError(code, init);
}

export function toProblemError(error: unknown): ProblemError | null {
  if (error instanceof ProblemError) return error;
  if (WismoError.isInstance(error)) return problemFromWismoError(error);
  return null;
}

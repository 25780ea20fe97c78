import type { z } from 'zod';
import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  type WismoError,
  type WismoErrorOptions,
} from '../errors';
import { hasAuthErrorCode } from './auth-error-codes';

/** What a refused request can stand for, beside a `bad_response`. */
export type RequestErrorKind = 'auth_failed' | 'invalid_number' | 'rate_limited' | 'not_found' | 'carrier_unavailable';

/** When a carrier sends codes of several kinds, the first kind here decides. */
const KIND_ORDER: readonly RequestErrorKind[] = ['auth_failed', 'invalid_number', 'rate_limited', 'not_found', 'carrier_unavailable'];

const ERROR_OF_KIND = {
  auth_failed: AuthFailedError,
  invalid_number: InvalidNumberError,
  rate_limited: RateLimitedError,
  not_found: NotFoundError,
  carrier_unavailable: CarrierUnavailableError,
  bad_response: BadResponseError,
} as const;

export interface RequestErrorInput {
  carrierId: string;
  httpStatus: number;
  /** The carrier's codes, kept on the error (`carrierCodes`) and read by `kindOfCode`. */
  carrierCodes?: readonly string[];
  /** The number the answer was about, when it was about one. */
  trackingNumber?: string | null;
  /** What a carrier code says beside the HTTP status (UPS `TV1002`: `invalid_number`); undefined when it says nothing. */
  kindOfCode?(code: string): RequestErrorKind | undefined;
  /** What the HTTP status says when the codes say nothing. Default `kindOfStatus`; FedEx's 404 is a wrong URL, not an unknown number. */
  kindOfStatus?(httpStatus: number): RequestErrorKind | undefined;
  /**
   * The carrier's message for each kind it words. A kind without a message is not used: an answer of that kind is a
   * `bad_response` (UPS words no `carrier_unavailable`, so its 5xx answers are bad responses).
   */
  messages: Partial<Record<RequestErrorKind, string>> & { auth_failed: string; bad_response: string };
}

/** The usual meaning of a refusal's HTTP status: 404 not found, 429 rate limited, 408 and 5xx unavailable. */
export function kindOfStatus(httpStatus: number): RequestErrorKind | undefined {
  if (httpStatus === 404) return 'not_found';
  if (httpStatus === 429) return 'rate_limited';
  return httpStatus === 408 || httpStatus >= 500 ? 'carrier_unavailable' : undefined;
}

/**
 * The typed error for a request a carrier refused, by the rules every parse function follows: 401 and 403 (or an
 * OAuth or carrier auth code) are auth failures whatever else the body says; then what the carrier's codes say; then
 * the status (`kindOfStatus`); anything else is a bad response.
 */
export function requestError(input: RequestErrorInput): WismoError {
  const { httpStatus, messages } = input;
  const carrierCodes = [...(input.carrierCodes ?? [])];
  const byCode = new Set(carrierCodes.map((code) => input.kindOfCode?.(code)));
  const byStatus = (input.kindOfStatus ?? kindOfStatus)(httpStatus);
  const found =
    httpStatus === 401 || httpStatus === 403 || hasAuthErrorCode(carrierCodes)
      ? 'auth_failed'
      : (KIND_ORDER.find((kind) => byCode.has(kind) && messages[kind] !== undefined) ?? byStatus);
  const kind = found && messages[found] !== undefined ? found : 'bad_response';
  const options: WismoErrorOptions = { carrierId: input.carrierId, httpStatus, carrierCodes, trackingNumber: input.trackingNumber };
  return new ERROR_OF_KIND[kind](messages[kind]!, options);
}

/** A carrier's error list as one text (`CODE message; CODE message`) and its codes, in order. */
export function describeCarrierMessages(
  messages: ReadonlyArray<{ code?: string | null; message?: string | null }>,
  separator = ' ',
): { detail: string; codes: string[] } {
  const codes: string[] = [];
  const parts: string[] = [];
  for (const { code, message } of messages) {
    const trimmedCode = code?.trim();
    if (trimmedCode) codes.push(trimmedCode);
    const part = [trimmedCode, message?.trim()].filter(Boolean).join(separator);
    if (part) parts.push(part);
  }
  return { detail: parts.join('; '), codes };
}

/** For a description's `describeErrorBody`: the text as JSON read with the carrier's schema; undefined when it is not that. */
export function readJsonErrorBody<Schema extends z.ZodType>(text: string, schema: Schema): z.infer<Schema> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

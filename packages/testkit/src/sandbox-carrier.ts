import type { IncomingHttpHeaders } from 'node:http';
import type { Journey } from './journeys';
import type { DecodedSandboxNumber } from './sandbox-numbers';
import type { SandboxCarrierId, SandboxCredentials, SandboxRateLimit } from './sandbox-types';

/** A request as the carrier modules see it: the body is already read. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: an object body is sent as JSON, a string as it is. */
export interface SandboxAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One requested number and what the sandbox knows about it (null: the carrier has no data). */
export interface TrackedNumber {
  trackingNumber: string;
  journey: Journey | null;
}

/** A problem with the request itself, answered before any number is looked at. */
export type TrackingRequestRead = { numbers: string[] } | { refused: SandboxAnswer };

/**
 * What makes a sandbox speak one carrier's API: its paths, auth, request checks and bodies. The shared
 * server (sandbox-server.ts) does latency, rate limits, faults, tokens and counting.
 */
export interface SandboxCarrier {
  id: SandboxCarrierId;
  name: string;
  /** The limit the carrier documents (the adapter's default). */
  documentedRateLimit: SandboxRateLimit;
  /** OAuth: token lifetime in seconds; null for API-key carriers. */
  tokenLifetimeSeconds: number | null;
  /** The path of the token endpoint (OAuth carriers), for `adapterSettings`. */
  tokenPath: string | null;
  endpointOf(request: SandboxRequest): 'token' | 'track' | null;
  /** An unknown path or method, in the carrier's error shape. */
  unknownEndpoint(request: SandboxRequest): SandboxAnswer;
  /** The client credentials of a token request, or why they could not be read. */
  clientCredentialsOf?(request: SandboxRequest): { clientId: string; clientSecret: string } | { refused: SandboxAnswer };
  tokenIssued?(accessToken: string, clientId: string, issuedAtMs: number): SandboxAnswer;
  tokenRefused?(): SandboxAnswer;
  /** API-key carriers: the key a tracking request carries. */
  apiKeyOf?(request: SandboxRequest): string | null;
  /** Token carriers that send the token elsewhere than `Authorization: Bearer` (DPD: in the SOAP header). */
  presentedTokenOf?(request: SandboxRequest): string | null;
  /** The adapter's settings for a sandbox credential, where its setting names differ (DPD: delisId, password). */
  adapterCredentials?(credential: SandboxCredentials): Record<string, string>;
  /**
   * Where core's detection names the numbers of another registered carrier (DHL Parcel DE: DHL Paket numbers are
   * `dhl`, tracked by default through Unified): routing by detection alone goes there.
   */
  detectedAs?: SandboxCarrierId;
  /**
   * False where the carrier's numbers carry no documented check digit (PostNL 3S): core can only match the
   * pattern. The sandbox still ends its numbers with a digit of its own, so a changed number is unknown to it.
   */
  documentedCheckDigit?: false;
  /** Reads a number the carrier's own way (a scaffolded carrier's placeholder numbers); default: `decodeSandboxNumber`. */
  decodeNumber?(trackingNumber: string): DecodedSandboxNumber | null;
  /** A tracking request without valid credentials: missing, unknown, or an expired token. */
  unauthorised(reason: 'missing' | 'invalid' | 'expired'): SandboxAnswer;
  /** The numbers a tracking request asks for, or the carrier's answer to a malformed request. */
  readTrackingRequest(request: SandboxRequest): TrackingRequestRead;
  trackAnswer(request: SandboxRequest, numbers: TrackedNumber[]): SandboxAnswer;
  /** Request headers `trackAnswer` reads (lower case), beside method, URL and body: part of the answer cache's key. */
  answerVaries?: readonly string[];
  /** `limit`: the limit being enforced (GLS answers its daily quota differently from a short window). */
  rateLimited(retryAfter: string, limit?: SandboxRateLimit | null): SandboxAnswer;
  /** `retryAfter`: a short wait in the run's time scale, for carriers that send one with 503. */
  serverError(status: 500 | 502 | 503, retryAfter: string): SandboxAnswer;
}

export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(request: SandboxRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '');
  return match ? match[1]! : null;
}

/** `application/x-www-form-urlencoded` (or, as USPS also accepts, JSON) body fields. */
export function formFields(request: SandboxRequest): Record<string, string> {
  const type = header(request, 'content-type') ?? '';
  if (/json/i.test(type)) {
    try {
      const parsed = JSON.parse(request.body) as unknown;
      if (typeof parsed === 'object' && parsed !== null) {
        return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      }
    } catch {
      return {};
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

/** HTTP Basic credentials (`Authorization: Basic base64(id:secret)`). */
export function basicCredentials(request: SandboxRequest): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** A gateway's HTML error page, as proxies in front of every carrier send them. */
export function htmlErrorPage(status: number, title: string): SandboxAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>The server encountered a temporary error and could not complete your request.</p></body></html>\n`,
  };
}

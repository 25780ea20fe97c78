import {
  InvalidNumberError,
  defineCarrier,
  errorOutcome,
  type CarrierAdapter,
  type CarrierSettings,
  type TrackContext,
  type TrackOutcome,
} from '@wismo/core';
import { readJsonErrorBody, relabelOutcome } from '@wismo/core/internal';
import { royalMailErrorResponseSchema } from './royalmail-api';
import {
  ROYALMAIL_CAPABILITIES,
  ROYALMAIL_CARRIER_ID,
  ROYALMAIL_CARRIER_NAME,
  ROYALMAIL_CONTACT,
  ROYALMAIL_MAX_SUMMARY_IDS,
  ROYALMAIL_PRODUCTION_BASE_URL,
  ROYALMAIL_SUMMARY_PATH,
  royalMailEventsPath,
  royalMailSignaturePath,
  royalMailTrackingUrl,
} from './royalmail-carrier';
import {
  parseRoyalMailEventsResponse,
  parseRoyalMailSignatureResponse,
  parseRoyalMailSummaryResponse,
  type RoyalMailSignatureOutcome,
} from './parse-royalmail-response';

export interface RoyalMailSettings extends CarrierSettings {
  /** The app's client id on the Royal Mail API platform (`X-IBM-Client-Id`). Default: `ROYALMAIL_CLIENT_ID`. */
  clientId?: string;
  /** Its client secret (`X-IBM-Client-Secret`). Default: `ROYALMAIL_CLIENT_SECRET`. */
  clientSecret?: string;
}

export interface RoyalMailMethods {
  /**
   * `/summary`: up to 30 items a request, the last event of each only (no history, no estimate). For large runs;
   * `track` reads each item's whole history on `/events`. Never rejects.
   */
  trackSummaries(trackingNumbers: readonly string[], context?: TrackContext): Promise<TrackOutcome[]>;
  /** `/signature`: who signed, when, and the image. Never rejects. */
  signature(trackingNumber: string, options?: { signal?: AbortSignal }): Promise<RoyalMailSignatureOutcome>;
}

export type RoyalMailAdapter = CarrierAdapter & RoyalMailMethods;

function normaliseRoyalMailNumber(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

/** Royal Mail's API platform headers; without `X-Accept-RMG-Terms: yes` every call is refused with E0004. */
function royalMailHeaders(credentials: Readonly<Record<string, string>>): Record<string, string> {
  return {
    'X-IBM-Client-Id': credentials.clientId!,
    'X-IBM-Client-Secret': credentials.clientSecret!,
    'X-Accept-RMG-Terms': 'yes',
    Accept: 'application/json',
  };
}

export const createRoyalMail = defineCarrier<RoyalMailSettings, RoyalMailMethods>({
  id: ROYALMAIL_CARRIER_ID,
  name: ROYALMAIL_CARRIER_NAME,
  capabilities: ROYALMAIL_CAPABILITIES,
  contact: ROYALMAIL_CONTACT,
  trackingUrl: royalMailTrackingUrl,
  baseUrl: ROYALMAIL_PRODUCTION_BASE_URL,
  credentials: {
    clientId: { environmentVariable: 'ROYALMAIL_CLIENT_ID', label: 'client id' },
    clientSecret: { environmentVariable: 'ROYALMAIL_CLIENT_SECRET', label: 'client secret' },
  },
  credentialsSource: 'an app subscribed to the Tracking API on developer.royalmail.net',
  // The client id and secret travel as headers on every call (see `royalMailHeaders`); no token.
  auth: { type: 'none' },
  normaliseNumber: normaliseRoyalMailNumber,
  request: ({ trackingNumbers: [mailPieceId], credentials }) => ({
    method: 'GET',
    url: royalMailEventsPath(mailPieceId!),
    headers: royalMailHeaders(credentials),
  }),
  parse: parseRoyalMailEventsResponse,
  describeErrorBody(body) {
    const envelope = readJsonErrorBody(body, royalMailErrorResponseSchema);
    if (!envelope) return undefined;
    const errors = envelope.errors ?? [];
    const codes = errors.map((error) => error.errorCode).filter((code): code is string => Boolean(code));
    const message =
      errors
        .map((error) => error.errorDescription)
        .filter(Boolean)
        .join('; ') ||
      envelope.moreInformation ||
      envelope.httpMessage;
    return { message: message || undefined, codes };
  },
  extend: (kit) => ({
    async trackSummaries(trackingNumbers, context = {}) {
      const canonical = trackingNumbers.map((trackingNumber) => normaliseRoyalMailNumber(String(trackingNumber ?? '')));
      const distinct = [...new Set(canonical.filter((number) => number !== ''))];
      const chunks: string[][] = [];
      for (let start = 0; start < distinct.length; start += ROYALMAIL_MAX_SUMMARY_IDS)
        chunks.push(distinct.slice(start, start + ROYALMAIL_MAX_SUMMARY_IDS));
      const results = new Map<string, TrackOutcome>();
      await Promise.all(
        chunks.map(async (chunk) => {
          let outcomes: TrackOutcome[];
          try {
            const { http, credentials } = kit.connect();
            const response = await http.request({
              method: 'GET',
              url: ROYALMAIL_SUMMARY_PATH,
              query: { mailPieceId: chunk.join(',') },
              headers: royalMailHeaders(credentials),
              signal: context.signal,
            });
            outcomes = parseRoyalMailSummaryResponse({
              httpStatus: response.status,
              body: kit.readBody(response),
              trackingNumbers: chunk,
              fetchedAt: kit.now(),
              includeRaw: context.includeRaw,
            });
          } catch (error) {
            const failure = kit.asError(error, context.logger);
            outcomes = chunk.map((number) => errorOutcome(number, failure));
          }
          for (const outcome of outcomes) results.set(outcome.trackingNumber, outcome);
        }),
      );
      return trackingNumbers.map((requested, index) => {
        const outcome = results.get(canonical[index]!);
        if (!outcome)
          return errorOutcome(
            String(requested ?? ''),
            new InvalidNumberError('An empty tracking number cannot be tracked.', {
              carrierId: ROYALMAIL_CARRIER_ID,
              trackingNumber: String(requested ?? ''),
            }),
          );
        return relabelOutcome(outcome, requested);
      });
    },
    async signature(trackingNumber, options = {}) {
      const mailPieceId = normaliseRoyalMailNumber(String(trackingNumber ?? ''));
      if (mailPieceId === '')
        return {
          trackingNumber,
          ok: false,
          error: new InvalidNumberError('An empty tracking number has no signature.', { carrierId: ROYALMAIL_CARRIER_ID, trackingNumber }),
        };
      try {
        const { http, credentials } = kit.connect();
        const response = await http.request({
          method: 'GET',
          url: royalMailSignaturePath(mailPieceId),
          headers: royalMailHeaders(credentials),
          signal: options.signal,
        });
        const outcome = parseRoyalMailSignatureResponse(response.status, kit.readBody(response), mailPieceId);
        return outcome.ok
          ? { ...outcome, trackingNumber }
          : { trackingNumber, ok: false, error: outcome.error.forTrackingNumber(trackingNumber) };
      } catch (error) {
        return { trackingNumber, ok: false, error: kit.asError(error).forTrackingNumber(trackingNumber) };
      }
    },
  }),
});

/** Configured from `ROYALMAIL_CLIENT_ID` and `ROYALMAIL_CLIENT_SECRET`, read when first used. */
export const royalMail = createRoyalMail();

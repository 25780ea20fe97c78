import { defineCarrier, type CarrierAdapter, type ClientCredentialSettings, type TrackContext, type TrackOutcome } from '@wismo/core';
import { clientCredentials, readJsonErrorBody, trackOutcomes } from '@wismo/core/internal';
import { royalMailErrorResponseSchema } from './royalmail-api';
import {
  ROYALMAIL_CAPABILITIES,
  ROYALMAIL_CARRIER_ID,
  ROYALMAIL_CARRIER_NAME,
  ROYALMAIL_CONTACT,
  ROYALMAIL_MAILPIECES_PATH,
  ROYALMAIL_MAX_SUMMARY_IDS,
  ROYALMAIL_PRODUCTION_BASE_URL,
  ROYALMAIL_SUMMARY_PATH,
  royalMailTrackingUrl,
} from './royalmail-carrier';
import {
  parseRoyalMailEventsResponse,
  parseRoyalMailSignatureResponse,
  parseRoyalMailSummaryResponse,
  type RoyalMailSignatureOutcome,
} from './parse-royalmail-response';

/** The client id and secret of an app on the Royal Mail API platform (`X-IBM-Client-Id`, `X-IBM-Client-Secret`). */
export type RoyalMailSettings = ClientCredentialSettings;

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

export const createRoyalMail = defineCarrier<RoyalMailSettings, RoyalMailMethods>({
  id: ROYALMAIL_CARRIER_ID,
  name: ROYALMAIL_CARRIER_NAME,
  capabilities: ROYALMAIL_CAPABILITIES,
  contact: ROYALMAIL_CONTACT,
  trackingUrl: royalMailTrackingUrl,
  baseUrl: ROYALMAIL_PRODUCTION_BASE_URL,
  credentials: clientCredentials('ROYALMAIL'),
  credentialsSource: 'an app subscribed to the Tracking API on developer.royalmail.net',
  // The client id and secret travel as headers on every call, no token; without `X-Accept-RMG-Terms: yes` every call is E0004.
  auth: {
    type: 'headers',
    headers: (credentials) => ({
      'X-IBM-Client-Id': credentials.clientId!,
      'X-IBM-Client-Secret': credentials.clientSecret!,
      'X-Accept-RMG-Terms': 'yes',
    }),
  },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/\s+/g, '').toUpperCase(),
  request: ({ trackingNumbers: [mailPieceId] }) => ({
    method: 'GET',
    url: `${ROYALMAIL_MAILPIECES_PATH}/${encodeURIComponent(mailPieceId!)}/events`,
  }),
  parse: parseRoyalMailEventsResponse,
  describeErrorBody(body) {
    const envelope = readJsonErrorBody(body, royalMailErrorResponseSchema);
    if (!envelope) return undefined;
    const errors = envelope.errors ?? [];
    const said = errors.flatMap((error) => error.errorDescription || []).join('; ');
    const codes = errors.flatMap((error) => error.errorCode || []);
    return { message: said || envelope.moreInformation || envelope.httpMessage || undefined, codes };
  },
  extend: (kit) => ({
    trackSummaries: (trackingNumbers, context = {}) =>
      kit.track(trackingNumbers, context, trackOutcomes(parseRoyalMailSummaryResponse), {
        request: ({ trackingNumbers: mailPieceIds }) => ({
          method: 'GET',
          url: ROYALMAIL_SUMMARY_PATH,
          query: { mailPieceId: mailPieceIds.join(',') },
        }),
        maxNumbersPerRequest: ROYALMAIL_MAX_SUMMARY_IDS,
      }),
    signature: (trackingNumber, options = {}) =>
      kit.requestAbout(trackingNumber, {
        what: 'signature',
        request: (mailPieceId) => ({ method: 'GET', url: `${ROYALMAIL_MAILPIECES_PATH}/${encodeURIComponent(mailPieceId)}/signature` }),
        parse: parseRoyalMailSignatureResponse,
        signal: options.signal,
      }),
  }),
});

/** Configured from `ROYALMAIL_CLIENT_ID` and `ROYALMAIL_CLIENT_SECRET`, read when first used. */
export const royalMail = createRoyalMail();

import { defineCarrier, type CarrierAdapter, type CarrierSettings } from '@wismo/core';
import { readGatewayErrorText } from '@wismo/core/internal';
import {
  POSTNL_CAPABILITIES,
  POSTNL_CARRIER_ID,
  POSTNL_CARRIER_NAME,
  POSTNL_CONTACT,
  POSTNL_PRODUCTION_BASE_URL,
  POSTNL_SIGNATURE_PATH,
  POSTNL_STATUS_PATH,
  postnlTrackingUrl,
} from './postnl-carrier';
import { parsePostnlSignatureResponse, parsePostnlStatusResponse, type PostnlSignatureOutcome } from './parse-postnl-response';

export interface PostnlSettings extends CarrierSettings {
  /** Your PostNL API key (sent as the `apikey` header). Default: `POSTNL_API_KEY`. */
  apiKey?: string;
  /** `maxDays`: how many days back PostNL searches (fewer is faster, PostNL advises setting it). */
  maxDays?: number;
}

export interface PostnlMethods {
  /** The recipient's signature (`GET /shipment/v2/status/signature/{barcode}`), where PostNL has one. Never rejects. */
  signature(barcode: string, options?: { signal?: AbortSignal }): Promise<PostnlSignatureOutcome>;
}

export type PostnlAdapter = CarrierAdapter & PostnlMethods;

/** The `language` of the texts, from the locale's language; default `EN`. */
const LANGUAGES: Readonly<Record<string, string>> = { nl: 'NL', en: 'EN', de: 'DE', fr: 'FR', zh: 'CN' };

/**
 * Builds a PostNL adapter: Shipping Status v2 (`GET /shipment/v2/status/barcode/{barcode}?detail=true`, one
 * barcode per request) with the `apikey` header. `detail=true` asks for the events and the status history.
 */
export const createPostnl = defineCarrier<PostnlSettings, PostnlMethods>({
  id: POSTNL_CARRIER_ID,
  name: POSTNL_CARRIER_NAME,
  capabilities: POSTNL_CAPABILITIES,
  contact: POSTNL_CONTACT,
  trackingUrl: postnlTrackingUrl,
  baseUrl: POSTNL_PRODUCTION_BASE_URL,
  credentials: { apiKey: { environmentVariable: 'POSTNL_API_KEY', label: 'API key' } },
  credentialsSource: 'developer.postnl.nl (an API key with the Shipping Status API)',
  auth: { type: 'api-key-header', header: 'apikey', apiKey: 'apiKey' },
  locale: { form: 'hyphen', default: 'en' },
  normaliseNumber: (barcode) => barcode.replace(/[\s-]+/g, '').toUpperCase(),
  // 3S barcodes (`3SDEVC288882229`) and international ones (`LA123456789NL`).
  numberForm: { pattern: /^[A-Z0-9]{8,30}$/, rule: 'barcodes are 8 to 30 letters and digits (3S… or an international barcode)' },
  request: ({ trackingNumbers: [barcode], locale, settings }) => ({
    method: 'GET',
    url: `${POSTNL_STATUS_PATH}/${encodeURIComponent(barcode!)}`,
    query: {
      detail: 'true',
      language: LANGUAGES[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? 'EN',
      ...(settings.maxDays !== undefined ? { maxDays: String(settings.maxDays) } : {}),
    },
  }),
  parse: parsePostnlStatusResponse,
  extend: (kit) => ({
    async signature(barcode, options = {}) {
      const { trackingNumber, ...outcome } = await kit.requestAbout(barcode, {
        what: 'signature',
        signal: options.signal,
        request: (key) => ({ method: 'GET', url: `${POSTNL_SIGNATURE_PATH}/${encodeURIComponent(key)}` }),
        parse: parsePostnlSignatureResponse,
      });
      // PostNL's outcomes name the number `barcode`, as PostNL does.
      return { barcode: trackingNumber, ...outcome } as PostnlSignatureOutcome;
    },
  }),
  describeErrorBody: (body) => readGatewayErrorText(body, { bareMessage: true }),
});

/** The PostNL adapter configured from `POSTNL_API_KEY`, read when it is first used. */
export const postnl = createPostnl();

import { defineCarrier, type CarrierBatch, type CarrierSettings } from '@wismo/core';
import { XMLBuilder } from 'fast-xml-parser';
import { readDhlParcelDeBody } from './dhl-parcel-de-api';
import * as carrier from './dhl-parcel-de-carrier';
import { parseDhlParcelDeResponse, parseDhlParcelDeSignatureResponse } from './parse-dhl-parcel-de-response';
import type { DhlParcelDeSignatureResult } from './parse-dhl-parcel-de-response';

export interface DhlParcelDeSettings extends CarrierSettings {
  /** API key of your app on developer.dhl.com (HTTP Basic user). Default: `DHL_PARCEL_DE_API_KEY`. */
  apiKey?: string;
  /** API secret of that app (HTTP Basic password). Default: `DHL_PARCEL_DE_API_SECRET`. */
  apiSecret?: string;
  /** Business customer portal user, sent as `appname` in the XML (sandbox: `zt12345`). Default: `DHL_PARCEL_DE_USERNAME`. */
  username?: string;
  /** Business customer portal password, sent in the XML (sandbox: `geheim`). Default: `DHL_PARCEL_DE_PASSWORD`. */
  password?: string;
}

export interface DhlParcelDeExtension {
  /** The recipient's signature (`d-get-signature`, one piece per request, pieces delivered in Germany); never rejects. */
  signature(trackingNumber: string, options?: { signal?: AbortSignal }): Promise<DhlParcelDeSignatureResult>;
}

// Attributes only, escaped by the builder; an element without children is written `<data …/>`.
const requestXmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true });

/**
 * The XML the API reads from `?xml=`: one `<data>` element naming the operation, the business-portal login
 * and the piece codes (`;`-separated). DHL's API takes the login only there; core registers both values for
 * redaction, and wismo's errors never carry the request URL.
 */
export function dhlParcelDeRequestXml(
  fields: Record<'request' | 'username' | 'password' | 'languageCode', string> & { pieceCodes: readonly string[] },
): string {
  const { request, username: appname, password, languageCode, pieceCodes } = fields;
  const data = { appname, 'language-code': languageCode, password, 'piece-code': pieceCodes.join(';'), request };
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>${requestXmlBuilder.build({ data }) as string}`;
}

/** The request of one operation for some piece codes, in the locale's language (`de`, else `en`). */
function pieceRequest(request: string, { trackingNumbers: pieceCodes, locale, credentials }: Omit<CarrierBatch<unknown>, 'settings'>) {
  const languageCode = locale?.trim().slice(0, 2).toLowerCase() === 'de' ? 'de' : 'en';
  const [username, password] = [credentials.username!, credentials.password!];
  const xml = dhlParcelDeRequestXml({ request, username, password, languageCode, pieceCodes });
  return { method: 'GET' as const, url: carrier.DHL_PARCEL_DE_TRACK_PATH, query: { xml } };
}

/**
 * Builds a DHL Parcel DE adapter: the Parcel DE Shipment Tracking API (Post & Parcel Germany), XML over
 * `GET /parcel/de/tracking/v0/shipments?xml=…`, HTTP Basic with the developer-portal app plus the business-portal
 * login inside the XML, answers in German for a `de` locale (else English). `signature(number)` fetches the proof of delivery.
 */
export const createDhlParcelDe = defineCarrier<DhlParcelDeSettings, DhlParcelDeExtension>({
  id: carrier.DHL_PARCEL_DE_CARRIER_ID,
  name: carrier.DHL_PARCEL_DE_CARRIER_NAME,
  capabilities: carrier.DHL_PARCEL_DE_CAPABILITIES,
  contact: carrier.DHL_PARCEL_DE_CONTACT,
  trackingUrl: carrier.dhlParcelDeTrackingUrl,
  baseUrl: carrier.DHL_PARCEL_DE_PRODUCTION_BASE_URL,
  credentials: {
    // The developer-portal app (HTTP Basic at the API gateway), then the business-customer-portal login (in the XML).
    apiKey: { environmentVariable: 'DHL_PARCEL_DE_API_KEY', label: 'API key' },
    apiSecret: { environmentVariable: 'DHL_PARCEL_DE_API_SECRET', label: 'API secret' },
    username: { environmentVariable: 'DHL_PARCEL_DE_USERNAME', label: 'business portal username' },
    password: { environmentVariable: 'DHL_PARCEL_DE_PASSWORD', label: 'business portal password' },
  },
  credentialsSource: 'an app with "Parcel DE Shipment Tracking" on developer.dhl.com and your DHL business customer portal login',
  auth: { type: 'basic', username: 'apiKey', password: 'apiSecret' },
  locale: { form: 'hyphen', default: 'en' },
  normaliseNumber: carrier.dhlParcelDePieceCode,
  numberForm: { pattern: /^[A-Z0-9]{8,39}$/, rule: 'piece codes are 8 to 39 letters and digits' },
  request: (batch) => pieceRequest(carrier.DHL_PARCEL_DE_PIECE_DETAIL_REQUEST, batch),
  readBody: readDhlParcelDeBody,
  parse: parseDhlParcelDeResponse,
  extend: (kit) => ({
    signature: (trackingNumber, options = {}) =>
      kit.requestAbout(trackingNumber, {
        what: 'signature',
        signal: options.signal,
        request: (pieceCode, credentials) =>
          pieceRequest('d-get-signature', { trackingNumbers: [pieceCode], locale: kit.settings.locale, credentials }),
        parse: parseDhlParcelDeSignatureResponse,
      }),
  }),
});

/** The DHL Parcel DE adapter configured from `DHL_PARCEL_DE_API_KEY`, `_API_SECRET`, `_USERNAME`, `_PASSWORD`, read when first used. */
export const dhlParcelDe = createDhlParcelDe();

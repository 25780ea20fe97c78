import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  defineCarrier,
  parseWithSchema,
  type CarrierSettings,
  type SessionLoginContext,
  type SessionLoginResult,
} from '@wismo/core';
import { readXmlErrorBody } from '@wismo/core/internal';
import { dpdLoginResponseSchema, dpdXmlParser, readDpdBody } from './dpd-api';
import {
  DPD_CAPABILITIES,
  DPD_CARRIER_ID,
  DPD_CARRIER_NAME,
  DPD_CONTACT,
  DPD_DEFAULT_MESSAGE_LANGUAGE,
  DPD_LOGIN_PATH,
  DPD_LOGIN_SOAP_ACTION,
  DPD_PRODUCTION_BASE_URL,
  DPD_TRACKING_PATH,
  DPD_TRACKING_SOAP_ACTION,
  dpdTrackingUrl,
} from './dpd-carrier';
import { dpdLoginEnvelope, dpdTrackingEnvelope } from './dpd-soap';
import { dpdTokenExpiryEpochMs } from './dpd-time';
import { DPD_AUTHENTICATION_ERROR, describeDpdFault, dpdFaultError, parseDpdTrackingResponse } from './parse-dpd-response';

export interface DpdSettings extends CarrierSettings {
  /** Your DPD Web Connect user (delisId). Default: `DPD_DELIS_ID`. */
  delisId?: string;
  /** Its password, sent only to the LoginService. Default: `DPD_PASSWORD`. */
  password?: string;
  /**
   * Origin of the shipper web services: `https://wsshipper.dpd.be` (default), `https://wsshipper.dpd.nl`,
   * the test systems `https://shipperadmintest.dpd.be/PublicApi` / `…dpd.nl/PublicApi`, or a mock.
   */
  baseUrl?: string;
  /** `messageLanguage` (`en_US` default, which is also the date form this package reads). */
  messageLanguage?: string;
}

const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';
/** Renew a token this long before DPD says it expires (karrio keeps the same margin). */
const TOKEN_MARGIN_MS = 30 * 60 * 1000;
/** When `authTokenExpires` cannot be read: DPD tokens live a day; renew well before. */
const TOKEN_FALLBACK_LIFETIME_MS = 12 * 60 * 60 * 1000;
const PARCEL_LABEL_NUMBER = /^[0-9]{14}$/;
/** The 28-character label barcode: 7-digit postcode, 14-digit parcel number, service, country, check character. */
const LABEL_BARCODE = /^[0-9]{7}([0-9]{14})[0-9]{6}[0-9A-Z]$/;
/** The parcel number with its printed check character. */
const WITH_CHECK_CHARACTER = /^([0-9]{14})[0-9A-Z]$/;

/** The parcel label number DPD's API takes: the 14 digits inside the longer printed forms. */
export function normaliseDpdNumber(trackingNumber: string): string {
  const compact = trackingNumber
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/^%/, '');
  return LABEL_BARCODE.exec(compact)?.[1] ?? WITH_CHECK_CHARACTER.exec(compact)?.[1] ?? compact;
}

/** DPD's LoginService `getAuth`: the token and when it expires, or the typed fault. */
async function loginToDpd({
  http,
  settings,
  credentials,
  readBody,
  signal,
}: SessionLoginContext<DpdSettings>): Promise<SessionLoginResult> {
  const language = settings.messageLanguage?.trim() || DPD_DEFAULT_MESSAGE_LANGUAGE;
  const response = await http.request({
    method: 'POST',
    url: DPD_LOGIN_PATH,
    headers: { Accept: 'text/xml', SOAPAction: DPD_LOGIN_SOAP_ACTION },
    text: { contentType: SOAP_CONTENT_TYPE, body: dpdLoginEnvelope(credentials.delisId!, credentials.password!, language) },
    signal,
  });
  const parsed = parseWithSchema(dpdLoginResponseSchema, readBody(response), DPD_CARRIER_NAME, DPD_CARRIER_ID, response.status).Envelope
    .Body;
  if (parsed.Fault) throw dpdFaultError(response.status, parsed.Fault);
  const token = parsed.getAuthResponse?.return?.authToken?.trim();
  if (!token)
    throw new BadResponseError(`DPD's LoginService answered HTTP ${response.status} without an authToken`, {
      carrierId: DPD_CARRIER_ID,
      httpStatus: response.status,
    });
  return { token, expiresAtMs: dpdTokenExpiryEpochMs(parsed.getAuthResponse?.return?.authTokenExpires) };
}

/**
 * Builds a DPD adapter: ParcelLifeCycleService `getTrackingData` (SOAP, one parcel per request) with the
 * LoginService token in the `authentication` SOAP header. The token is fetched on first use, reused until
 * shortly before `authTokenExpires`, and renewed once when DPD refuses it. Credentials are checked when
 * the adapter is first used; the factory never throws.
 */
export const createDpd = defineCarrier<DpdSettings>({
  id: DPD_CARRIER_ID,
  name: DPD_CARRIER_NAME,
  capabilities: DPD_CAPABILITIES,
  contact: DPD_CONTACT,
  trackingUrl: dpdTrackingUrl,
  baseUrl: DPD_PRODUCTION_BASE_URL,
  credentials: {
    delisId: { environmentVariable: 'DPD_DELIS_ID', label: 'delisId' },
    password: { environmentVariable: 'DPD_PASSWORD', label: 'password' },
  },
  credentialsSource: 'your DPD Web Connect (shipper web services) account from your DPD depot',
  // A login session; the token goes into the SOAP header (`request` below), not an HTTP header.
  auth: { type: 'session', login: loginToDpd, refreshMarginMs: TOKEN_MARGIN_MS, fallbackLifetimeMs: TOKEN_FALLBACK_LIFETIME_MS },
  normaliseNumber: normaliseDpdNumber,
  numberForm: { pattern: PARCEL_LABEL_NUMBER, rule: 'parcel numbers are 14 digits (or the 28-character label barcode)' },
  request: ({ trackingNumbers: [parcelLabelNumber], settings, credentials, sessionToken: token }) => {
    // The kit logs in before every request; without a token the session was bypassed, which is a bug, not a DPD answer.
    if (!token) throw new Error('DPD: no login token (the session did not log in)');
    const language = settings.messageLanguage?.trim() || DPD_DEFAULT_MESSAGE_LANGUAGE;
    return {
      method: 'POST',
      url: DPD_TRACKING_PATH,
      headers: { Accept: 'text/xml', SOAPAction: DPD_TRACKING_SOAP_ACTION },
      text: { contentType: SOAP_CONTENT_TYPE, body: dpdTrackingEnvelope(credentials.delisId!, token, language, parcelLabelNumber!) },
    };
  },
  readBody: readDpdBody,
  parse: parseDpdTrackingResponse,
  // SOAP Faults usually come with HTTP 500: the transport reads their codes here, and `refineError` types them.
  describeErrorBody: (body) => {
    const fault = readXmlErrorBody(body, dpdXmlParser, dpdLoginResponseSchema)?.Envelope.Body.Fault;
    if (!fault) return undefined;
    const described = describeDpdFault(fault);
    const serverFault = /(^|:)server$/i.test(fault.faultcode?.trim() ?? '');
    // Retrying cannot fix a refused login or a DPD fault code; a bare server fault may pass.
    return {
      message: described.message,
      codes: described.codes,
      retryable: serverFault && !described.authentication && described.codes.length <= 1,
    };
  },
  refineError: (error) => {
    const codes = error.carrierCodes ?? [];
    if (error.code === 'auth_failed' || codes.length === 0) return error;
    const options = { carrierId: DPD_CARRIER_ID, httpStatus: error.httpStatus, carrierCodes: codes };
    if (codes.includes(DPD_AUTHENTICATION_ERROR)) {
      return new AuthFailedError(`${error.message}. Check the delisId and password of your DPD Web Connect account.`, options);
    }
    // A DPD fault code beside the SOAP one (`soap:Server`): DPD's "no data" answer.
    if (codes.some((code) => !/^soap(env)?:/i.test(code)) && error.code === 'carrier_unavailable') {
      return new NotFoundError(`DPD has no tracking data for this parcel (${error.message})`, options);
    }
    return error;
  },
});

/** The DPD adapter configured from `DPD_DELIS_ID` / `DPD_PASSWORD`, read when it is first used. */
export const dpd = createDpd();

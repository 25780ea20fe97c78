import { BadResponseError, defineCarrier, parseWithSchema, type CarrierSettings, type SessionLoginContext } from '@wismo/core';
import { dpdLoginEnvelope, dpdResponseSchema, dpdTrackingEnvelope, readDpdBody, soapRequest } from './dpd-api';
import * as carrier from './dpd-carrier';
import { dpdTokenExpiryEpochMs } from './dpd-time';
import { describeDpdErrorBody, dpdFaultError, parseDpdTrackingResponse, refineDpdError } from './parse-dpd-response';

export interface DpdSettings extends CarrierSettings {
  /** Your DPD Web Connect user (delisId). Default: `DPD_DELIS_ID`. */
  delisId?: string;
  /** Its password, sent only to the LoginService. Default: `DPD_PASSWORD`. */
  password?: string;
  /** `messageLanguage` (`en_US` default, which is also the date form this package reads). */
  messageLanguage?: string;
}

/**
 * The 14-digit parcel number inside the 28-character label barcode (a 7-digit postcode before it; service, country and
 * a check character after it), or followed by its printed check character.
 */
const PARCEL_NUMBER_INSIDE = /^(?:[0-9]{7}([0-9]{14})[0-9]{6}|([0-9]{14}))[0-9A-Z]$/;

/** The parcel label number DPD's API takes, without spaces, dashes or a leading `%`. */
export function normaliseDpdNumber(trackingNumber: string): string {
  const compact = trackingNumber.replace(/^[\s-]*%|[\s-]+/g, '').toUpperCase();
  const match = PARCEL_NUMBER_INSIDE.exec(compact);
  return match?.[1] ?? match?.[2] ?? compact;
}

/** With `en_US` DPD writes dates as `8/19/2021 5:11:26 PM`, the form this package reads. */
const languageOf = (settings: DpdSettings) => settings.messageLanguage?.trim() || 'en_US';

/** DPD's LoginService `getAuth`: the token and when it expires, or the typed fault. */
async function loginToDpd({ http, settings, credentials, readBody, signal }: SessionLoginContext<DpdSettings>) {
  const envelope = dpdLoginEnvelope(credentials.delisId!, credentials.password!, languageOf(settings));
  const response = await http.request({ ...soapRequest(carrier.DPD_LOGIN_PATH, carrier.DPD_LOGIN_SOAP_ACTION, envelope), signal });
  const options = { carrierId: carrier.DPD_CARRIER_ID, httpStatus: response.status };
  const answer = parseWithSchema(dpdResponseSchema, readBody(response), carrier.DPD_CARRIER_NAME, carrier.DPD_CARRIER_ID, response.status);
  const { Fault, getAuthResponse } = answer.Envelope.Body;
  if (Fault) throw dpdFaultError(response.status, { Fault });
  const token = getAuthResponse?.return?.authToken?.trim();
  if (!token) throw new BadResponseError(`DPD's LoginService answered HTTP ${response.status} without an authToken`, options);
  return { token, expiresAtMs: dpdTokenExpiryEpochMs(getAuthResponse?.return?.authTokenExpires) };
}

/** A DPD adapter: ParcelLifeCycleService `getTrackingData` (SOAP, one parcel per request) with a LoginService token. */
export const createDpd = defineCarrier<DpdSettings>({
  id: carrier.DPD_CARRIER_ID,
  name: carrier.DPD_CARRIER_NAME,
  capabilities: {
    // `getTrackingData` takes one `parcelLabelNumber`.
    maxNumbersPerRequest: 1,
    rateLimit: carrier.DPD_DEFAULT_RATE_LIMIT,
    webhooks: false,
    // The ParcelLifeCycle answer has no proof of delivery and no machine-readable estimate.
    proofOfDelivery: false,
    estimatedDelivery: false,
  },
  contact: carrier.DPD_CONTACT,
  trackingUrl: carrier.dpdTrackingUrl,
  baseUrl: carrier.DPD_PRODUCTION_BASE_URL,
  credentials: {
    delisId: { environmentVariable: 'DPD_DELIS_ID', label: 'delisId' },
    password: { environmentVariable: 'DPD_PASSWORD', label: 'password' },
  },
  credentialsSource: 'your DPD Web Connect (shipper web services) account from your DPD depot',
  // The token goes into the SOAP header (`request`), not an HTTP header. It is renewed 30 minutes before DPD says it
  // expires (karrio's margin), or after 12 hours when `authTokenExpires` cannot be read (DPD tokens live a day).
  auth: { type: 'session', login: loginToDpd, refreshMarginMs: 30 * 60_000, fallbackLifetimeMs: 12 * 3_600_000 },
  normaliseNumber: normaliseDpdNumber,
  numberForm: { pattern: /^[0-9]{14}$/, rule: 'parcel numbers are 14 digits (or the 28-character label barcode)' },
  request: ({ trackingNumbers: [parcelLabelNumber], settings, credentials, sessionToken }) => {
    // The kit logs in before every request of a session carrier: the token is there.
    const envelope = dpdTrackingEnvelope(credentials.delisId!, sessionToken!, languageOf(settings), parcelLabelNumber!);
    return soapRequest(carrier.DPD_TRACKING_PATH, carrier.DPD_TRACKING_SOAP_ACTION, envelope);
  },
  readBody: readDpdBody,
  parse: parseDpdTrackingResponse,
  describeErrorBody: describeDpdErrorBody,
  refineError: refineDpdError,
});

/** The DPD adapter configured from `DPD_DELIS_ID` / `DPD_PASSWORD`, read when it is first used. */
export const dpd = createDpd();

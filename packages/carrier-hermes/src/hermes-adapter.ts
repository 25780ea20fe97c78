import { defineCarrier, type CarrierSettings } from '@wismo/core';
import { describeJsonErrorList } from '@wismo/core/internal';
import {
  HERMES_AUTH_URL,
  HERMES_CAPABILITIES,
  HERMES_CARRIER_ID,
  HERMES_CARRIER_NAME,
  HERMES_CONTACT,
  HERMES_PRODUCTION_BASE_URL,
  HERMES_TRACK_PATH,
  hermesTrackingUrl,
} from './hermes-carrier';
import { hermesErrorResponseSchema } from './hermes-api';
import { parseHermesShipmentInfo } from './parse-hermes-response';

export interface HermesSettings extends CarrierSettings {
  /** Client id of your Hermes business-customer API access. Default: `HERMES_CLIENT_ID`. */
  clientId?: string;
  /** Client secret. Default: `HERMES_CLIENT_SECRET`. */
  clientSecret?: string;
  /** The user name of your Hermes business-customer account (password grant). Default: `HERMES_USERNAME`. */
  username?: string;
  /** Its password. Default: `HERMES_PASSWORD`. */
  password?: string;
  /** Origin: `https://de-api.hermesworld.com` (default), `https://de-api-int.hermesworld.com` or a mock. */
  baseUrl?: string;
  /** Token endpoint. Default: Hermes' production `authme.myhermes.de` endpoint. */
  authUrl?: string;
  /** Texts in German (`de`, Hermes' default) or English (`en`); other locales get German. */
  locale?: string;
}

/** Letters and digits, at most 40 (Hermes ids are 14, 16 or `H` + 19 characters). */
const SHIPMENT_ID = /^[A-Z0-9]{8,40}$/;

/** The `Accept-Language` Hermes takes: `DE` or `EN`. */
export function hermesLanguage(locale: string | undefined): 'DE' | 'EN' {
  return locale?.slice(0, 2).toLowerCase() === 'en' ? 'EN' : 'DE';
}

/**
 * Builds a Hermes Germany adapter: the Shipment Info API (`GET /services/hsi/shipmentinfo`, up to 100 ids per
 * request) with a bearer token from Hermes' password grant. Credentials are checked when it is first used.
 */
export const createHermes = defineCarrier<HermesSettings>({
  id: HERMES_CARRIER_ID,
  name: HERMES_CARRIER_NAME,
  capabilities: HERMES_CAPABILITIES,
  contact: HERMES_CONTACT,
  trackingUrl: hermesTrackingUrl,
  baseUrl: HERMES_PRODUCTION_BASE_URL,
  credentials: {
    clientId: { environmentVariable: 'HERMES_CLIENT_ID', label: 'client id' },
    clientSecret: { environmentVariable: 'HERMES_CLIENT_SECRET', label: 'client secret' },
    username: { environmentVariable: 'HERMES_USERNAME', label: 'user name' },
    password: { environmentVariable: 'HERMES_PASSWORD', label: 'password' },
  },
  credentialsSource: 'your Hermes Germany business-customer API access (Hermes "Business Customer Authentication")',
  // Hermes grants tokens for `password`, not client credentials ("Business Customer Authentication").
  auth: {
    type: 'oauth-password',
    tokenUrl: HERMES_AUTH_URL,
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    username: 'username',
    password: 'password',
    credentialsIn: 'body',
  },
  locale: { form: 'hyphen', default: 'de' },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/[\s-]+/g, '').toUpperCase(),
  numberForm: { pattern: SHIPMENT_ID, rule: 'shipment ids are letters and digits (14, 16 or H and 19 characters)' },
  request: ({ trackingNumbers, locale }) => ({
    method: 'GET',
    // `shipmentID` repeated once per id.
    url: `${HERMES_TRACK_PATH}?${new URLSearchParams(trackingNumbers.map((id): [string, string] => ['shipmentID', id])).toString()}`,
    headers: { 'Accept-Language': hermesLanguage(locale) },
  }),
  parse: parseHermesShipmentInfo,
  describeErrorBody: (body) => describeJsonErrorList(body, hermesErrorResponseSchema, (error) => error.listOfResultCodes),
});

/** The Hermes adapter configured from `HERMES_CLIENT_ID`, `HERMES_CLIENT_SECRET`, `HERMES_USERNAME` and `HERMES_PASSWORD`, read when first used. */
export const hermes = createHermes();

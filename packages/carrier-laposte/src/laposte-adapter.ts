import { InvalidNumberError, defineCarrier, parseJsonBody, type CarrierSettings } from '@wismo/core';
import {
  LAPOSTE_CAPABILITIES,
  LAPOSTE_CARRIER_ID,
  LAPOSTE_CARRIER_NAME,
  LAPOSTE_CONTACT,
  LAPOSTE_DEFAULT_LANGUAGE,
  LAPOSTE_LANGUAGES,
  LAPOSTE_PRODUCTION_BASE_URL,
  LAPOSTE_TRACK_PATH,
  laposteTrackingUrl,
} from './laposte-carrier';
import { laposteErrorMessage, parseLaposteTrackResponse } from './parse-laposte-response';

export interface LaposteSettings extends CarrierSettings {
  /** Okapi key of your application subscribed to Suivi on developer.laposte.fr. Default: `LAPOSTE_API_KEY`. */
  apiKey?: string;
  /** Origin of the API: `https://api.laposte.fr` (default) or a mock. */
  baseUrl?: string;
  /** Language of La Poste's texts: `fr_FR` (default), `en_GB`, `de_DE`, `es_ES`, `it_IT`, `nl_NL`; `en-US` becomes `en_GB`. */
  locale?: string;
  /** The end customer's IP address, sent as `X-Forwarded-For` as La Poste asks when tracking for a customer. */
  forwardedFor?: string;
}

/** "Identifier of object composed from 11 to 15 alphanumeric characters" (swagger `idShip`). */
const ID_SHIP = /^[A-Z0-9]{11,15}$/;

/** `en_US` → `en_GB`, `fr_CA` → `fr_FR`, anything else → `fr_FR`. */
export function laposteLanguage(locale: string | undefined): string {
  if (!locale) return LAPOSTE_DEFAULT_LANGUAGE;
  const exact = LAPOSTE_LANGUAGES.find((language) => language.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = locale.slice(0, 2).toLowerCase();
  return LAPOSTE_LANGUAGES.find((candidate) => candidate.startsWith(`${language}_`)) ?? LAPOSTE_DEFAULT_LANGUAGE;
}

/** Okapi's quota resets at the start of the next minute; 429s carry no Retry-After. */
function untilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}

/**
 * Builds a La Poste / Colissimo adapter: Suivi v2 (`GET /suivi/v2/idships/{id,…}`, up to 10 ids per request)
 * with the `X-Okapi-Key` header. The key is checked when the adapter is first used.
 */
export const createLaposte = defineCarrier<LaposteSettings>({
  id: LAPOSTE_CARRIER_ID,
  name: LAPOSTE_CARRIER_NAME,
  capabilities: LAPOSTE_CAPABILITIES,
  contact: LAPOSTE_CONTACT,
  trackingUrl: laposteTrackingUrl,
  baseUrl: LAPOSTE_PRODUCTION_BASE_URL,
  normaliseBaseUrl: (baseUrl) => baseUrl.replace(/\/suivi\/v2$/i, ''),
  credentials: { apiKey: { environmentVariable: 'LAPOSTE_API_KEY', label: 'Okapi API key' } },
  credentialsSource: 'an application subscribed to the Suivi API on developer.laposte.fr',
  auth: { type: 'api-key-header', header: 'X-Okapi-Key', apiKey: 'apiKey' },
  locale: { form: 'underscore', default: LAPOSTE_DEFAULT_LANGUAGE },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/[\s-]+/g, '').toUpperCase(),
  checkNumber: (idShip) =>
    ID_SHIP.test(idShip)
      ? null
      : new InvalidNumberError('La Poste numbers are 11 to 15 letters and digits; this one is not, so it was not sent to La Poste.', {
          carrierId: LAPOSTE_CARRIER_ID,
        }),
  request: ({ trackingNumbers, locale, settings }) => ({
    method: 'GET',
    // Commas separate the ids in the path; each id is letters and digits only (checkNumber).
    url: `${LAPOSTE_TRACK_PATH}/${trackingNumbers.map(encodeURIComponent).join(',')}`,
    query: { lang: laposteLanguage(locale) },
    headers: settings.forwardedFor?.trim() ? { 'X-Forwarded-For': settings.forwardedFor.trim() } : undefined,
  }),
  // A 404 means "unknown" whatever its body; anything else unreadable is a bad response.
  readBody: (response) => {
    try {
      return parseJsonBody(response, LAPOSTE_CARRIER_NAME, LAPOSTE_CARRIER_ID);
    } catch (error) {
      if (response.status === 404) return undefined;
      throw error;
    }
  },
  parse: parseLaposteTrackResponse,
  describeErrorBody: (body, now) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const { message, code } = laposteErrorMessage(parsed);
    const quota = /quota/i.test(message ?? body);
    return {
      message: message ?? (quota ? 'max quota reached' : undefined),
      codes: code ? [code] : [],
      // The per-minute quota: wait for the next minute rather than hammering it.
      retryAfterMs: quota ? untilNextMinute(now) : undefined,
    };
  },
});

/** The La Poste adapter configured from `LAPOSTE_API_KEY`, read when it is first used. */
export const laposte = createLaposte();

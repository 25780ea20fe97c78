import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const LAPOSTE_CARRIER_ID = 'laposte';
/** Suivi v2 answers for La Poste letters, Colissimo parcels and Chronopost alike; customers know the parcels as Colissimo. */
export const LAPOSTE_CARRIER_NAME = 'La Poste / Colissimo';

/** The Okapi gateway; the Suivi v2 server in La Poste's swagger is `https://api.laposte.fr/suivi/v2`. */
export const LAPOSTE_PRODUCTION_BASE_URL = 'https://api.laposte.fr';
/** `GET /suivi/v2/idships/{id}[,{id}…]`: 1 to 10 comma-separated ids. */
export const LAPOSTE_TRACK_PATH = '/suivi/v2/idships';

/** The languages Suivi v2 answers in (`lang`); French is its default. */
export const LAPOSTE_LANGUAGES = ['fr_FR', 'en_GB', 'de_DE', 'es_ES', 'it_IT', 'nl_NL'] as const;
export const LAPOSTE_DEFAULT_LANGUAGE = 'fr_FR';

/** "ID of object (1 to 10, comma separated)" (swagger `idshipP`). */
export const LAPOSTE_MAX_IDS_PER_REQUEST = 10;

export const LAPOSTE_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: LAPOSTE_MAX_IDS_PER_REQUEST,
  /*
   * Okapi answers HTTP 429 "max quota reached 100 calls per minute" on the standard plan, and the quota resets
   * at the start of the next minute (developer.laposte.fr FAQ "Quelles sont les limites à l'usage de certaines
   * APIs"). Contracted plans are higher: raise it with the `rateLimit` setting.
   */
  rateLimit: { requests: 100, intervalMs: 60_000 },
  webhooks: false,
  // Suivi v2 has no proof-of-delivery document or signature.
  proofOfDelivery: false,
  estimatedDelivery: true,
};

/**
 * La Poste's help and contact site (aide.laposte.fr) covers letters and Colissimo parcels, with the current phone
 * numbers and forms. No phone number is given: only third-party pages list one (3634 for Colissimo), unconfirmed.
 */
export const LAPOSTE_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://aide.laposte.fr' },
};

/** The public tracking page (the `url` Suivi v2 returns has the same form). */
export function laposteTrackingUrl(trackingNumber: string): string {
  return `https://www.laposte.fr/outils/suivre-vos-envois?code=${encodeURIComponent(trackingNumber.trim())}`;
}

/**
 * How courier codes of the open data and S10 country codes become wismo carrier ids (lower case, no
 * separators, the ids adapters use).
 */

const COURIER_CODE_TO_CARRIER: Readonly<Record<string, string>> = {
  canada_post: 'canadapost',
  old_dominion: 'olddominion',
};

/** The data's `courier_code` as a wismo carrier id: `canada_post` → `canadapost`, `ups` → `ups`. */
export function carrierIdForCourierCode(courierCode: string): string {
  return COURIER_CODE_TO_CARRIER[courierCode] ?? courierCode.replace(/[^a-z0-9]/gi, '').toLowerCase();
}

export interface PostalOperator {
  carrier: string;
  /** `%s` is replaced by the tracking number. */
  trackingUrl: string | null;
}

/**
 * The postal operators wismo tracks, by the S10 country code (the last two letters, the issuing post).
 * Tracking pages are the ones the data or the carrier samples show for that operator.
 */
export const S10_POSTAL_OPERATORS: Readonly<Record<string, PostalOperator>> = {
  US: { carrier: 'usps', trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s' },
  GB: { carrier: 'royalmail', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/%s' },
  FR: { carrier: 'laposte', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=%s' },
  NL: { carrier: 'postnl', trackingUrl: null },
  DE: { carrier: 'deutschepost', trackingUrl: null },
  BE: { carrier: 'bpost', trackingUrl: null },
  AU: { carrier: 'auspost', trackingUrl: 'https://auspost.com.au/mypost/track/details/%s' },
  CA: {
    carrier: 'canadapost',
    trackingUrl: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s',
  },
};

/**
 * The carrier for an S10 number issued by the post of `countryCode`: the operator wismo tracks, else
 * `upu-s10:<CC>` (for example `upu-s10:CN`), so the issuing post is still known and filterable.
 */
export function s10CarrierId(countryCode: string): string {
  return S10_POSTAL_OPERATORS[countryCode]?.carrier ?? `upu-s10:${countryCode}`;
}

import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';

export interface GlsEventMapping {
  /** The entry that decided, or undefined: the event is kept `unmapped` with its raw code. */
  readonly entry: StatusTableEntry | undefined;
  readonly source: 'eventCode' | 'parcelStatus' | null;
}

/** `delivd.parcelshop ` → `DELIVD.PARCELSHOP`. */
export function normaliseGlsCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim();
  return trimmed ? trimmed.toUpperCase() : null;
}

/**
 * Maps one GLS event:
 * 1. its `TYPE.REASON` code in `GLS_EVENT_CODES`;
 * 2. else, when the event happened at the parcel's `statusDateTime`, the parcel `status` (GLS's own
 *    classification of that status change, from the fully documented enum): GLS publishes its event-code
 *    list only behind credentials, so a delivery with a code not in our table still reads as delivered;
 * 3. else nothing: `createEvent` keeps it as `unknown` with `unmapped: true` and the raw code.
 */
export function mapGlsEvent(
  code: string | null | undefined,
  eventDateTime: string | null | undefined,
  parcel: { status?: string | null | undefined; statusDateTime?: string | null | undefined },
): GlsEventMapping {
  return mapNormalisedGlsEvent(normaliseGlsCode(code), eventDateTime, parcel);
}

/** `mapGlsEvent` for a code already through `normaliseGlsCode`: the parse function normalises each code once. */
export function mapNormalisedGlsEvent(
  code: string | null,
  eventDateTime: string | null | undefined,
  parcel: { status?: string | null | undefined; statusDateTime?: string | null | undefined },
): GlsEventMapping {
  const byCode = lookupStatus(GLS_EVENT_CODES, code);
  if (byCode) return { entry: byCode, source: 'eventCode' };
  const atStatusChange = eventDateTime?.trim() && eventDateTime.trim() === parcel.statusDateTime?.trim();
  const byStatus = atStatusChange ? lookupStatus(GLS_PARCEL_STATUSES, normaliseGlsCode(parcel.status)) : undefined;
  if (byStatus) return { entry: byStatus, source: 'parcelStatus' };
  return { entry: undefined, source: null };
}

/** The parcel's own status, used by `buildShipment` only when no event maps. */
export function mapGlsParcelStatus(status: string | null | undefined): StatusTableEntry | undefined {
  return mapNormalisedGlsParcelStatus(normaliseGlsCode(status));
}

/** `mapGlsParcelStatus` for a status already through `normaliseGlsCode`. */
export function mapNormalisedGlsParcelStatus(status: string | null): StatusTableEntry | undefined {
  return lookupStatus(GLS_PARCEL_STATUSES, status);
}

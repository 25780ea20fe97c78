import { lookupStatus, type StatusTableEntry } from '@wismo/core';
import {
  USPS_DELIVERED_REFINEMENTS,
  USPS_EVENT_CODES,
  USPS_EVENT_TYPES,
  USPS_SIGNED_DELIVERY,
  USPS_STATUS_CATEGORIES,
} from './usps-status-tables';

export interface UspsEventMappingInput {
  eventCode: string | null;
  eventType: string | null;
  /** The signer, when USPS sent one. */
  name?: string | null;
}

/**
 * The lookup order:
 * 1. `eventCode` in USPS_EVENT_CODES; for 01 the `eventType` refines where it was delivered (or that it went
 *    back to the sender), and a signer's name makes it `signature_obtained`;
 * 2. a code that is not in the table stays unmapped (status `unknown`, raw code kept), whatever its text says;
 * 3. only when USPS sent no code: the exact `eventType` phrase in USPS_EVENT_TYPES;
 * 4. (shipment level, in the parser) `statusCategory` in USPS_STATUS_CATEGORIES when no event maps.
 */
export function mapUspsEvent(input: UspsEventMappingInput): StatusTableEntry | undefined {
  if (input.eventCode) {
    const entry = lookupStatus(USPS_EVENT_CODES, input.eventCode);
    if (entry && input.eventCode === '01') return refineDelivered(input.eventType, input.name) ?? entry;
    return entry;
  }
  const text = input.eventType?.trim().toLowerCase();
  return lookupStatus(USPS_EVENT_TYPES, text);
}

function refineDelivered(eventType: string | null, name: string | null | undefined): StatusTableEntry | undefined {
  if (eventType) {
    for (const refinement of USPS_DELIVERED_REFINEMENTS) if (refinement.pattern.test(eventType)) return refinement.entry;
  }
  return name && name.trim() !== '' ? USPS_SIGNED_DELIVERY : undefined;
}

export function mapUspsStatusCategory(statusCategory: string | null | undefined): StatusTableEntry | undefined {
  const key = statusCategory?.trim().toLowerCase();
  return lookupStatus(USPS_STATUS_CATEGORIES, key);
}

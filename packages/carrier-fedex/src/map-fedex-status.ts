import { DEFAULT_SUBSTATUS, lookupStatus, type StatusTableEntry } from '@wismo/core';
import {
  FEDEX_ANCILLARY_REASONS,
  FEDEX_DELAY_TYPES,
  FEDEX_DERIVED_STATUS_CODES,
  FEDEX_EVENT_TYPES,
  FEDEX_EXCEPTION_CODES,
} from './fedex-status-tables';

/** Event types whose status depends on the reason: for these the exception code decides, whatever its status. */
const REASON_DRIVEN_EVENT_TYPES: ReadonlySet<string> = new Set(['DE', 'SE', 'DD', 'DY', 'PD', 'CD']);

/** A scan's codes; `ancillaryReason` is the latest status's reason, given to the scan that matches that status. */
export type FedexEventCodes = Partial<
  Record<'eventType' | 'derivedStatusCode' | 'exceptionCode' | 'ancillaryReason' | 'delayType', string | null>
>;

/** The status FedEx's own code says (`eventType`, `latestStatusDetail.code`), else its derived status code. */
export function mapFedexLatestStatus(code: string | null | undefined, derivedCode: string | null | undefined) {
  return lookupStatus(FEDEX_EVENT_TYPES, code?.toUpperCase()) ?? lookupStatus(FEDEX_DERIVED_STATUS_CODES, derivedCode?.toUpperCase());
}

/**
 * Maps one scan event: its eventType (else FedEx's derivedStatusCode) decides the status, unmapped when neither is
 * known. A known exception code (else ancillary reason) decides it for the reason-driven types (DE + 08 →
 * attempt_failed_recipient_absent) and may only sharpen the substatus within the same status for others (AF + A3 →
 * picked_up; a DL stays delivered). A `delayed` result is sharpened by delayDetail.type (WEATHER → delayed_weather).
 */
export function mapFedexEvent(codes: FedexEventCodes): StatusTableEntry | undefined {
  const eventType = codes.eventType?.toUpperCase() || null;
  const base = mapFedexLatestStatus(eventType, codes.derivedStatusCode);
  if (!base) return undefined;
  const reason =
    lookupStatus(FEDEX_EXCEPTION_CODES, codes.exceptionCode?.toUpperCase()) ??
    lookupStatus(FEDEX_ANCILLARY_REASONS, codes.ancillaryReason?.toUpperCase());
  const isReasonDriven = eventType !== null && REASON_DRIVEN_EVENT_TYPES.has(eventType);
  const entry = reason && (isReasonDriven || reason.status === base.status) ? reason : base;
  const isDelayed = entry.status === 'in_transit' && (entry.substatus ?? DEFAULT_SUBSTATUS[entry.status]) === 'delayed';
  return (isDelayed && lookupStatus(FEDEX_DELAY_TYPES, codes.delayType?.toUpperCase())) || entry;
}

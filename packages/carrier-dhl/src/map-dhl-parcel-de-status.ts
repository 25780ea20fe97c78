import { lookupStatus, statusEntry, type StatusTableEntry } from '@wismo/core';
import {
  DHL_PARCEL_DE_COMBINATIONS,
  DHL_PARCEL_DE_EVENTS,
  DHL_PARCEL_DE_REASON_CODES,
  DHL_PARCEL_DE_STANDARD_EVENT_CODES,
} from './dhl-parcel-de-status-tables';

/** The three code attributes of a `piece-event` (or of the `piece-shipment`'s latest state), as sent. */
export interface DhlParcelDeEventCodes {
  ice?: string | undefined;
  ric?: string | undefined;
  standardEventCode?: string | undefined;
}

export interface DhlParcelDeStatusMapping {
  /** The entry that decided, or undefined when no table knows the codes (the event becomes `unmapped`). */
  readonly entry: StatusTableEntry | undefined;
  /** Which table decided. */
  readonly source: 'combination' | 'event' | 'standard-event-code' | null;
  /** The raw code kept on the event: `ice/ric/standard-event-code` (e.g. `DLVRD/OTHER/ZU`), empty where absent. */
  readonly rawCode: string;
}

function clean(code: string | undefined): string {
  return code?.trim().toUpperCase() ?? '';
}

/** Sharpens an entry without a substatus with the RIC's substatus for the same status. */
function refine(entry: StatusTableEntry, ric: string): StatusTableEntry {
  if (entry.substatus !== undefined || !ric || !Object.hasOwn(DHL_PARCEL_DE_REASON_CODES, ric)) return entry;
  const reasons = DHL_PARCEL_DE_REASON_CODES[ric as keyof typeof DHL_PARCEL_DE_REASON_CODES] as Readonly<
    Record<string, string | undefined>
  >;
  const substatus = reasons[entry.status];
  // statusEntry checks that the substatus belongs to the status (the table's type already does).
  return (substatus && statusEntry(entry.status, substatus as Parameters<typeof statusEntry>[1])) || entry;
}

/**
 * Maps one event's codes. Lookup order, most specific first:
 * 1. `ice/ric/standard-event-code` in `DHL_PARCEL_DE_COMBINATIONS` (the few combinations whose reason changes the meaning);
 * 2. `ice/standard-event-code` in `DHL_PARCEL_DE_EVENTS` (every pair in DHL's table), refined by the RIC;
 * 3. `standard-event-code` alone in `DHL_PARCEL_DE_STANDARD_EVENT_CODES`, refined by the RIC.
 * Nothing known gives `entry: undefined`, which `createEvent` turns into an `unmapped` event with the raw code.
 */
export function mapDhlParcelDeStatus(codes: DhlParcelDeEventCodes): DhlParcelDeStatusMapping {
  const ice = clean(codes.ice);
  const ric = clean(codes.ric);
  const group = clean(codes.standardEventCode);
  const rawCode = `${ice}/${ric}/${group}`;
  const combination = lookupStatus(DHL_PARCEL_DE_COMBINATIONS, rawCode);
  if (combination) return { entry: combination, source: 'combination', rawCode };
  const event = ice && group ? lookupStatus(DHL_PARCEL_DE_EVENTS, `${ice}/${group}`) : undefined;
  if (event) return { entry: refine(event, ric), source: 'event', rawCode };
  const byGroup = lookupStatus(DHL_PARCEL_DE_STANDARD_EVENT_CODES, group);
  if (byGroup) return { entry: refine(byGroup, ric), source: 'standard-event-code', rawCode };
  return { entry: undefined, source: null, rawCode };
}

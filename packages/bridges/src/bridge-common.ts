import {
  buildShipment,
  lookupStatus,
  normaliseTrackingNumber,
  parseCarrierDateTime,
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  type CarrierTime,
  type EstimatedDelivery,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushUpdate,
  type PushVerification,
  type ShipmentInput,
  type StatusTable,
  type StatusTableEntry,
} from '@wismo/core';
import { z } from 'zod';

/** The aggregators wismo bridges, as they appear in URLs (`/webhooks/aggregators/{source}`) and `wismo import --from`. */
export const BRIDGE_SOURCES = ['aftership', 'easypost', 'ship24', '17track'] as const;
export type BridgeSource = (typeof BRIDGE_SOURCES)[number];

/** A text field a vendor may send as a string, a number, null or not at all: read as a trimmed string or undefined. */
export const looseText = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .catch(undefined)
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  });

/** An array whose items are checked one by one later: anything but an array reads as empty. */
export const looseArray = z.array(z.unknown()).nullish().catch(undefined);

/**
 * The aggregators' courier codes for the carriers wismo has adapters for, keyed by the code lower-cased with every
 * non-alphanumeric removed (AfterShip `royal-mail`, EasyPost `RoyalMail`, Ship24 `royal-mail` all read `royalmail`).
 * 17TRACK numbers its carriers; only the widely published ones are listed.
 */
const WISMO_CARRIER_OF_COURIER: Readonly<Record<string, string>> = Object.freeze({
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  uspost: 'usps',
  dhl: 'dhl',
  dhlexpress: 'dhl',
  dhlgermany: 'dhl',
  dhlparcelde: 'dhl',
  gls: 'gls',
  postnl: 'postnl',
  postnl3s: 'postnl',
  postnlinternational: 'postnl',
  laposte: 'laposte',
  lapostecolissimo: 'laposte',
  colissimo: 'laposte',
  hermes: 'hermes',
  hermesde: 'hermes',
  dpd: 'dpd',
  dpdde: 'dpd',
  bpost: 'bpost',
  australiapost: 'auspost',
  auspost: 'auspost',
  aupost: 'auspost',
  royalmail: 'royalmail',
  canadapost: 'canadapost',
  // 17TRACK carrier keys.
  '100001': 'dhl',
  '100002': 'ups',
  '100003': 'fedex',
  '21051': 'usps',
});

/**
 * The wismo carrier id for an aggregator's courier code. A courier wismo has no adapter for keeps its own code (lower
 * case, e.g. `yunexpress`), so a tracking watched under that name, or without a carrier, still matches.
 */
export function wismoCarrierOfCourier(code: string): string {
  return knownWismoCarrier(code) ?? code.trim().toLowerCase();
}

/** The wismo carrier id for a courier code wismo has an adapter for; null for any other. */
export function knownWismoCarrier(code: string): string | null {
  const key = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return Object.hasOwn(WISMO_CARRIER_OF_COURIER, key) ? WISMO_CARRIER_OF_COURIER[key]! : null;
}

/** Tracking numbers as the store keys them. */
export function bridgeTrackingNumber(value: string): string {
  return normaliseTrackingNumber(value);
}

/**
 * A vendor time read honestly: with an offset it is an instant; without one it stays a local wall-clock time (zone
 * unknown); `treatZuluAsLocal` for vendors known to suffix local times with `Z`. Never stamps a `Z` itself.
 */
export function bridgeTime(value: string | undefined, options: { treatZuluAsLocal?: boolean } = {}): CarrierTime | null {
  if (!value) return null;
  return parseCarrierDateTime(value, options);
}

/** A carrier's estimated delivery window from the vendor's from/to (either may be absent). */
export function bridgeEstimatedDelivery(
  from: string | undefined,
  to: string | undefined,
  options: { treatZuluAsLocal?: boolean } = {},
): EstimatedDelivery | null {
  const start = bridgeTime(from, options);
  const end = bridgeTime(to ?? from, options);
  if (!start && !end) return null;
  const show = (time: CarrierTime | null) => (time ? (time.occurredAt ?? time.localTime) : null);
  const kind = (start ?? end)!.timeKind;
  return { from: show(start), to: show(end), timeKind: kind, source: 'carrier', confidence: null };
}

/**
 * Maps a vendor's two-level code: the detailed code when the vendor sent one (an unknown detail is unmapped, never
 * guessed from its parent), the top-level code otherwise. `rawCode` is what the event records as its code.
 */
export function mapTwoLevel(
  detailTable: StatusTable,
  detail: string | undefined,
  topTable: StatusTable,
  top: string | undefined,
): { rawCode: string | null; entry: StatusTableEntry | undefined } {
  if (detail) return { rawCode: detail, entry: lookupStatus(detailTable, detail) };
  return { rawCode: top ?? null, entry: lookupStatus(topTable, top) };
}

export function malformedItem(index: number | null, trackingNumber: string | null, message: string): PushItemReject {
  return { index, trackingNumber, code: 'malformed', message };
}

export function unsupportedItem(index: number | null, trackingNumber: string | null, message: string): PushItemReject {
  return { index, trackingNumber, code: 'unsupported', message };
}

/** Reads a JSON object body; null when the body is not JSON or not an object. */
export function readJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a bridge reads from one vendor tracking: the update, when it names a parcel, and what it refused. */
export interface BridgedTracking {
  update: PushUpdate | null;
  rejects: PushItemReject[];
}

/**
 * One vendor tracking as a push update: its shipment built from the events, the vendor's current status (when mapped)
 * and the other fields read, stamped with when the push came in. `complete` when the vendor sends every event each time.
 */
export function bridgeUpdate(
  input: Omit<ShipmentInput, 'carrierStatus' | 'fetchedAt'> & {
    complete: boolean;
    currentStatus: StatusTableEntry | undefined;
    receivedAt: Date;
  },
): PushUpdate {
  const { complete, currentStatus, receivedAt, ...shipment } = input;
  return {
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    complete,
    shipment: buildShipment({ ...shipment, ...(currentStatus ? { carrierStatus: currentStatus } : {}), fetchedAt: receivedAt }),
  };
}

/** The parse result of a webhook that carries one tracking. */
export function singleTrackingResult(tracking: BridgedTracking): PushParseResult {
  return { updates: tracking.update ? [tracking.update] : [], rejects: tracking.rejects };
}

/**
 * An aggregator's receiver, mounted at `POST /webhooks/aggregators/{source}`: `verify` checks a delivery with the
 * account's settings, `parse` reads its body.
 */
export function aggregatorReceiver<Settings>(
  source: BridgeSource,
  settings: Settings,
  verify: (request: PushRequest, settings: Settings) => PushVerification,
  parse: PushReceiver['parse'],
): PushReceiver {
  return {
    specificationVersion: PUSH_RECEIVER_SPECIFICATION_VERSION,
    source,
    kind: 'aggregator',
    verify: (request) => verify(request, settings),
    parse,
  };
}

import { normaliseCountryCode } from './country-codes';
import { dedupeEvents, deriveShipmentStatus, sortEventsNewestFirst } from './derive-shipment-status';
import type { Contact, EstimatedDelivery, Leg, Location, ProofOfDelivery, Shipment, TrackingEvent } from './shipment';
import type { CarrierTime } from '../time/carrier-time';
import { formatUtcTimestamp } from '../time/zoned-time';
import type { StatusTableEntry } from './status-table';
import { DEFAULT_SUBSTATUS, statusOfSubstatus } from './statuses';

export type { StatusTable, StatusTableEntry } from './status-table';

export interface EventInput {
  time: CarrierTime | null;
  description: string | null | undefined;
  /** The code the table is looked up with; null when the carrier sent none. */
  code: string | null;
  /** Every raw code field, for the record. */
  codes?: Record<string, string | null | undefined>;
  location?: Location | null;
  /** The mapping result; undefined means the code was not in the table. */
  mapped?: StatusTableEntry | undefined;
}

/** The raw code fields that hold something, as strings. */
function presentCodes(rawCodes: EventInput['codes']): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const key in rawCodes) {
    if (!Object.hasOwn(rawCodes, key)) continue;
    const value = rawCodes[key];
    // Codes are strings almost always: `String` is called only for the others (a call per code costs as much as the loop).
    if (value !== null && value !== undefined && value !== '') codes[key] = typeof value === 'string' ? value : String(value);
  }
  return codes;
}

/** Makes a normalised event. Unmapped codes become `unknown` with `unmapped: true`, never a guess. */
export function createEvent(input: EventInput): TrackingEvent {
  const mapped = input.mapped;
  if (mapped?.substatus && statusOfSubstatus(mapped.substatus) !== mapped.status) {
    throw new Error(`Status table entry for ${input.code}: substatus ${mapped.substatus} does not belong to ${mapped.status}`);
  }
  // Read field by field: no stand-in time object for an event without a time.
  const time = input.time;
  const description = input.description?.trim() ?? '';
  return {
    occurredAt: time ? time.occurredAt : null,
    localTime: time ? time.localTime : null,
    timeKind: time ? time.timeKind : 'date',
    status: mapped ? mapped.status : 'unknown',
    substatus: mapped ? (mapped.substatus ?? DEFAULT_SUBSTATUS[mapped.status]) : 'unknown',
    description,
    location: input.location ?? null,
    raw: { code: input.code, codes: presentCodes(input.codes), text: description || null },
    unmapped: !mapped,
  };
}

function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function joinPart(line: string | null, part: string | null): string | null {
  if (part === null) return line;
  return line === null ? part : `${line}, ${part}`;
}

export function createLocation(parts: {
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
  raw?: string | null;
}): Location | null {
  const city = cleanText(parts.city);
  const region = cleanText(parts.region);
  const postalCode = cleanText(parts.postalCode);
  const countryCode = normaliseCountryCode(parts.countryCode);
  // Without the carrier's own line, the parts joined: `Hamburg, 22525, DE`.
  const raw = cleanText(parts.raw) ?? joinPart(joinPart(joinPart(city, region), postalCode), countryCode);
  return raw === null ? null : { city, region, postalCode, countryCode, raw };
}

export interface ShipmentInput {
  carrier: string;
  trackingNumber: string;
  events: TrackingEvent[];
  /** Whether the carrier's list is newest first (decides tie-breaks between equal times). */
  eventsNewestFirst?: boolean;
  /** The carrier's own current status, used only when no event maps. */
  carrierStatus?: StatusTableEntry;
  estimatedDelivery?: EstimatedDelivery | null;
  deliveredAt?: CarrierTime | null;
  signedBy?: string | null;
  proofOfDelivery?: Partial<ProofOfDelivery>;
  service?: { code: string | null; name: string | null } | null;
  origin?: Location | null;
  destination?: Location | null;
  legs?: Leg[];
  direction?: 'outbound' | 'return';
  contact?: Contact | null;
  trackingUrl?: string | null;
  fetchedAt?: Date;
  raw?: unknown;
}

/** Orders and de-duplicates events, derives the status by the documented rule and fills the shape. */
export function buildShipment(input: ShipmentInput): Shipment {
  const events = dedupeEvents(sortEventsNewestFirst(input.events, input.eventsNewestFirst ?? true));
  const derived = deriveShipmentStatus(events, input.carrierStatus);
  // Delivered to the recipient, or back to the sender: the newest event of that status carries the time.
  const deliveredEvent =
    derived.status === 'delivered' || derived.status === 'returned'
      ? events.find((event) => event.status === derived.status || (derived.status === 'returned' && event.status === 'delivered'))
      : undefined;
  const deliveredAt =
    input.deliveredAt ??
    (deliveredEvent
      ? { occurredAt: deliveredEvent.occurredAt, localTime: deliveredEvent.localTime, timeKind: deliveredEvent.timeKind }
      : null);
  const isReturn = input.direction === 'return' || derived.status === 'returning' || derived.status === 'returned';
  const shipment: Shipment = {
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    status: derived.status,
    substatus: derived.substatus,
    statusSince: derived.since,
    events,
    estimatedDelivery: derived.status === 'delivered' ? null : (input.estimatedDelivery ?? null),
    deliveredAt: derived.status === 'delivered' || derived.status === 'returned' ? deliveredAt : null,
    signedBy: input.signedBy?.trim() || null,
    proofOfDelivery: {
      available: input.proofOfDelivery?.available ?? false,
      signatureAvailable: input.proofOfDelivery?.signatureAvailable ?? false,
      url: input.proofOfDelivery?.url ?? null,
      deliveryLocation: input.proofOfDelivery?.deliveryLocation ?? null,
    },
    service: input.service && (input.service.code || input.service.name) ? input.service : null,
    origin: input.origin ?? null,
    destination: input.destination ?? null,
    legs: input.legs ?? [],
    direction: isReturn && input.direction !== 'outbound' ? 'return' : (input.direction ?? 'outbound'),
    contact: input.contact ?? null,
    trackingUrl: input.trackingUrl ?? null,
    fetchedAt: formatUtcTimestamp(input.fetchedAt ?? new Date()),
  };
  if (input.raw !== undefined) shipment.raw = input.raw;
  return shipment;
}

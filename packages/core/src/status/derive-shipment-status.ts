import { approximateEpochMs, type CarrierTime } from '../time/carrier-time';
import type { TrackingEvent } from './shipment';
import { DEFAULT_SUBSTATUS, type ShipmentStatus, type Substatus } from './statuses';

/**
 * Orders events newest first. Events keep the carrier's relative order when their times tie
 * (`carrierOrder` is the index in the carrier's list, and `carrierListIsNewestFirst` says how to read it).
 */
export function sortEventsNewestFirst(events: readonly TrackingEvent[], carrierListIsNewestFirst = true): TrackingEvent[] {
  return events
    .map((event, index) => ({ event, key: approximateEpochMs(event), order: carrierListIsNewestFirst ? -index : index }))
    .sort((a, b) => b.key - a.key || b.order - a.order)
    .map(({ event }) => event);
}

function eventIdentity(event: TrackingEvent): string {
  const location = event.location
    ? [event.location.raw, event.location.city, event.location.postalCode, event.location.countryCode].join('|')
    : '';
  return [event.occurredAt ?? event.localTime, event.raw.code, event.description, location].join('\u0000');
}

/** Removes events the carrier repeated (same time, code, text and place), keeping the first. */
export function dedupeEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  const seen = new Set<string>();
  const result: TrackingEvent[] = [];
  for (const event of events) {
    const identity = eventIdentity(event);
    if (seen.has(identity)) continue;
    seen.add(identity);
    result.push(event);
  }
  return result;
}

export interface DerivedStatus {
  status: ShipmentStatus;
  substatus: Substatus;
  /** The event that moved the shipment into its current status. */
  since: CarrierTime | null;
}

const BEFORE_HANDOVER: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received']);
const AFTER_DELIVERY_ALLOWED: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'returning', 'returned', 'exception']);
const WHILE_RETURNING_ALLOWED: ReadonlySet<ShipmentStatus> = new Set(['returning', 'returned', 'exception', 'cancelled']);

/**
 * The transition rule applied to each event, oldest to newest. Returns the next state, or null when the
 * event must not move the shipment:
 * 1. `unknown` events never change the status (their raw code is still on the event);
 * 2. once a parcel is with the carrier, stale pre-handover scans (label created, pending) are ignored;
 * 3. after delivery only explicit transitions apply: returning, returned, exception (damage, claims) or a
 *    second delivered scan; stale in-transit scans are ignored;
 * 4. `returned` is final;
 * 5. while returning, a "delivered" scan means delivered back to the sender (`returned`), and ordinary
 *    movement scans keep the shipment `returning`;
 * 6. a cancelled label that is scanned afterwards did travel: any movement status applies.
 */
export function nextStatus(current: DerivedStatus, event: TrackingEvent): DerivedStatus | null {
  const incoming = event.status;
  if (incoming === 'unknown') return null;
  const moved = { status: incoming, substatus: event.substatus, since: timeOf(event) };
  switch (current.status) {
    case 'unknown':
    case 'pending':
      return moved;
    case 'returned':
      return incoming === 'returned' ? moved : null;
    case 'delivered':
      return AFTER_DELIVERY_ALLOWED.has(incoming) ? moved : null;
    case 'returning':
      if (incoming === 'delivered') return { status: 'returned', substatus: 'returned_to_sender', since: timeOf(event) };
      return WHILE_RETURNING_ALLOWED.has(incoming) ? moved : null;
    case 'cancelled':
      return BEFORE_HANDOVER.has(incoming) ? null : moved;
    case 'info_received':
      return incoming === 'pending' ? null : moved;
    default:
      return BEFORE_HANDOVER.has(incoming) ? null : moved;
  }
}

function timeOf(event: TrackingEvent): CarrierTime {
  return { occurredAt: event.occurredAt, localTime: event.localTime, timeKind: event.timeKind };
}

/**
 * Derives the shipment's status from its events (newest first, as stored). With no usable event the
 * carrier's own current status (if any) is used, else `pending`.
 */
export function deriveShipmentStatus(
  eventsNewestFirst: readonly TrackingEvent[],
  fallback?: { status: ShipmentStatus; substatus?: Substatus },
): DerivedStatus {
  let state: DerivedStatus = { status: 'pending', substatus: DEFAULT_SUBSTATUS.pending, since: null };
  let sawMappedEvent = false;
  for (let index = eventsNewestFirst.length - 1; index >= 0; index--) {
    const event = eventsNewestFirst[index]!;
    const next = nextStatus(state, event);
    if (!next) continue;
    sawMappedEvent = true;
    // Staying in the same status keeps the moment it was entered, but takes the newer substatus.
    state = next.status === state.status ? { ...next, since: state.since ?? next.since } : next;
  }
  if (!sawMappedEvent) {
    if (fallback) return { status: fallback.status, substatus: fallback.substatus ?? DEFAULT_SUBSTATUS[fallback.status], since: null };
    if (eventsNewestFirst.length > 0) return { status: 'unknown', substatus: 'unknown', since: null };
  }
  return state;
}

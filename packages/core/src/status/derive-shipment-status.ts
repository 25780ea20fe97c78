import { approximateEpochMs, type CarrierTime } from '../time/carrier-time';
import { SORTABLE_TIME, sortableEpochMs } from '../time/sortable-time';
import type { TrackingEvent } from './shipment';
import { DEFAULT_SUBSTATUS, type ShipmentStatus, type Substatus } from './statuses';

/**
 * Orders events newest first. Events keep the carrier's relative order when their times tie
 * (`carrierOrder` is the index in the carrier's list, and `carrierListIsNewestFirst` says how to read it).
 */
export function sortEventsNewestFirst(events: readonly TrackingEvent[], carrierListIsNewestFirst = true): TrackingEvent[] {
  const listed = carrierListIsNewestFirst ? events.slice() : events.slice().reverse();
  if (isListedNewestFirst(listed)) return listed;
  // Each time is read once, not once per comparison.
  const keys = events.map(approximateEpochMs);
  const order = events.map((_, index) => index);
  // Ties: the carrier's newer entry first (earlier in a newest-first list, later in an oldest-first one).
  const direction = carrierListIsNewestFirst ? 1 : -1;
  order.sort((a, b) => keys[b]! - keys[a]! || (a - b) * direction);
  return order.map((index) => events[index]!);
}

/** The text `approximateEpochMs` reads the event's time from. */
function timeText(event: TrackingEvent): string | null {
  return event.timeKind === 'instant' && event.occurredAt !== null ? event.occurredAt : event.localTime;
}

/** One offset (or none) for two sortable times of one length: an instant's offset follows its 19th character. */
function sameOffset(a: string, b: string): boolean {
  for (let index = 19; index < a.length; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return true;
}

/** The instant of a sortable time with an offset: from its fields, or by Date.parse for the years 0000–0099. */
function instantOfSortable(text: string): number {
  return sortableEpochMs(text) ?? Date.parse(text);
}

/**
 * Whether a list is already newest first (ties in list order), told from the times' text: most carriers list
 * events in order. Times of one offset compare as text; only where the offset changes are two instants read.
 * False as soon as a time is not of a sortable shape.
 */
function isListedNewestFirst(listed: readonly TrackingEvent[]): boolean {
  let newer = listed[0] ? timeText(listed[0]) : null;
  if (listed.length > 1 && (newer === null || !SORTABLE_TIME.test(newer))) return false;
  // The newer time's instant when it was read at the last offset change: a route back across zones needs it again.
  let newerInstant: number | undefined;
  for (let index = 1; index < listed.length; index++) {
    const older = timeText(listed[index]!);
    if (older === null || !SORTABLE_TIME.test(older)) return false;
    if (newer!.length === older.length && sameOffset(newer!, older)) {
      if (!(older <= newer!)) return false;
      newerInstant = undefined;
    } else {
      // Two offsets (a route across zones): compared as instants. A wall clock beside an instant has no common
      // time line with it and is left to the full sort.
      if (newer!.length <= 19 || older.length <= 19) return false;
      newerInstant ??= instantOfSortable(newer!);
      const olderInstant = instantOfSortable(older);
      if (!(olderInstant <= newerInstant)) return false;
      newerInstant = olderInstant;
    }
    newer = older;
  }
  return true;
}

function identityTime(event: TrackingEvent): string {
  return event.occurredAt ?? event.localTime ?? '';
}

function textOrEmpty(value: string | null | undefined): string {
  return value ?? '';
}

/** Same code, text and place (time is compared by the caller). Null and empty count as the same. */
function isRepeat(kept: TrackingEvent, event: TrackingEvent): boolean {
  if (textOrEmpty(kept.raw.code) !== textOrEmpty(event.raw.code) || textOrEmpty(kept.description) !== textOrEmpty(event.description)) {
    return false;
  }
  const a = kept.location;
  const b = event.location;
  if (!a || !b) return !a && !b;
  return (
    textOrEmpty(a.raw) === textOrEmpty(b.raw) &&
    textOrEmpty(a.city) === textOrEmpty(b.city) &&
    textOrEmpty(a.postalCode) === textOrEmpty(b.postalCode) &&
    textOrEmpty(a.countryCode) === textOrEmpty(b.countryCode)
  );
}

const SHORT_LIST = 8;

/** Removes events the carrier repeated (same time, code, text and place), keeping the first. */
export function dedupeEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  const result: TrackingEvent[] = [];
  // A short list (the usual few scans) is compared time by time: cheaper than filling a set for it.
  if (events.length <= SHORT_LIST) {
    for (const event of events) {
      const time = identityTime(event);
      if (!result.some((kept) => identityTime(kept) === time && isRepeat(kept, event))) result.push(event);
    }
    return result;
  }
  // Only events at the same time can repeat each other, and most times are unique: those are seen in one look-up,
  // and only a time seen before is compared field by field with the events kept so far.
  const timesSeen = new Set<string>();
  for (const event of events) {
    const time = identityTime(event);
    if (!timesSeen.has(time)) timesSeen.add(time);
    else if (result.some((kept) => identityTime(kept) === time && isRepeat(kept, event))) continue;
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
  const status = movedTo(current.status, event.status);
  if (status === null) return null;
  return { status, substatus: substatusAfter(status, event), since: timeOf(event) };
}

/** The status `incoming` moves a shipment in `current` to, by the rule above; null when it must not move it. */
function movedTo(current: ShipmentStatus, incoming: ShipmentStatus): ShipmentStatus | null {
  if (incoming === 'unknown') return null;
  switch (current) {
    case 'unknown':
    case 'pending':
      return incoming;
    case 'returned':
      return incoming === 'returned' ? incoming : null;
    case 'delivered':
      return AFTER_DELIVERY_ALLOWED.has(incoming) ? incoming : null;
    case 'returning':
      if (incoming === 'delivered') return 'returned';
      return WHILE_RETURNING_ALLOWED.has(incoming) ? incoming : null;
    case 'cancelled':
      return BEFORE_HANDOVER.has(incoming) ? null : incoming;
    case 'info_received':
      return incoming === 'pending' ? null : incoming;
    default:
      return BEFORE_HANDOVER.has(incoming) ? null : incoming;
  }
}

/** The event's own substatus, unless the event moved the shipment elsewhere: a delivery while returning is back at the sender. */
function substatusAfter(status: ShipmentStatus, event: TrackingEvent): Substatus {
  return status === event.status ? event.substatus : 'returned_to_sender';
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
  // The state is kept in three variables and made once at the end: no object per event.
  let status: ShipmentStatus = 'pending';
  let substatus: Substatus = DEFAULT_SUBSTATUS.pending;
  let sinceEvent: TrackingEvent | null = null;
  let sawMappedEvent = false;
  for (let index = eventsNewestFirst.length - 1; index >= 0; index--) {
    const event = eventsNewestFirst[index]!;
    const moved = movedTo(status, event.status);
    if (moved === null) continue;
    sawMappedEvent = true;
    // Staying in the same status keeps the moment it was entered, but takes the newer substatus.
    if (moved !== status || sinceEvent === null) sinceEvent = event;
    status = moved;
    substatus = substatusAfter(moved, event);
  }
  if (!sawMappedEvent) {
    if (fallback) return { status: fallback.status, substatus: fallback.substatus ?? DEFAULT_SUBSTATUS[fallback.status], since: null };
    if (eventsNewestFirst.length > 0) return { status: 'unknown', substatus: 'unknown', since: null };
  }
  return { status, substatus, since: sinceEvent ? timeOf(sinceEvent) : null };
}

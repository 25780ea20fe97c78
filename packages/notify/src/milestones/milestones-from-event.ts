import { TZDate } from '@date-fns/tz';
import type { CarrierTime, EstimatedDelivery, Substatus } from '@wismo/core';
import type { OrderActor, OrderView, ParcelView } from '@wismo/order-view';
import type { OutboxEvent, TrackedShipment } from '@wismo/store';
import type { DelayReason, ExceptionReason, MilestoneFacts, MilestoneOccurrence, Milestone } from '../notification-types';

/** The tracking an outbox row belongs to, as far as the dispatcher knows it (to find the order's parcel). */
export type EventTracking = Pick<TrackedShipment, 'orderShipmentId' | 'trackingNumber'>;

export interface MilestoneInput {
  event: OutboxEvent;
  /** The order's view built after the event (its parcels, customer and carrier contacts give the facts). */
  view: OrderView;
  tracking?: EventTracking | null;
}

const DAY_MS = 86_400_000;

/**
 * The customer-facing milestones an outbox row means. Pure. Rows that mean nothing to a customer (a scan
 * that changes no status, a label not yet scanned, a delay the shop must solve before dispatch) give none.
 * `delivered` and `exception` come from their own domain events, not from `status_changed`, so that each is
 * derived once.
 */
export function milestonesFromEvent({ event, view, tracking }: MilestoneInput): MilestoneOccurrence[] {
  if (event.orderId === null) return [];
  const parcel = findParcel(view, tracking ?? null, event);
  const base = (milestone: Milestone, occurredAt: string, facts: Partial<MilestoneFacts> = {}): MilestoneOccurrence => ({
    milestone,
    shopId: event.shopId,
    orderId: event.orderId as string,
    parcelId: milestone === 'order_confirmed' ? null : (parcel?.id ?? null),
    occurredAt,
    firstSeenAt: event.createdAt,
    sourceEventIds: [event.id],
    facts: withReached({ ...factsOf(view, parcel), ...facts }, view, milestone),
  });
  const zone = view.customer.timeZone;

  switch (event.type) {
    case 'order_stage_changed': {
      const { to } = (event as OutboxEvent<'order_stage_changed'>).payload;
      return to === 'confirmed' ? [base('order_confirmed', event.createdAt)] : [];
    }
    case 'status_changed': {
      if (!parcel) return [];
      const { from, to, occurredAt } = (event as OutboxEvent<'status_changed'>).payload;
      const at = instantOf(occurredAt, zone) ?? event.createdAt;
      switch (to.status) {
        case 'in_transit':
          // The first carrier scan, not the label: only a move out of the pre-carrier states is "shipped".
          return ['pending', 'info_received', 'unknown'].includes(from.status) && parcel.direction === 'outbound'
            ? [base('shipped', at)]
            : [];
        case 'out_for_delivery':
          return parcel.direction === 'outbound' ? [base('out_for_delivery', at)] : [];
        case 'attempt_failed':
          return parcel.direction === 'outbound' ? [base('delivery_attempt_failed', at, { actor: actorOf(parcel.actor) })] : [];
        case 'available_for_pickup':
          return parcel.direction === 'outbound' ? [base('ready_for_pickup', at, { actor: 'customer' })] : [];
        default:
          return [];
      }
    }
    case 'eta_changed': {
      if (!parcel || parcel.direction !== 'outbound' || parcel.status === 'delivered') return [];
      const payload = (event as OutboxEvent<'eta_changed'>).payload;
      const next = etaDates(payload.to, zone);
      if (next === null) return [];
      const previous = etaDates(payload.from, zone);
      if (previous === null) return [base('in_transit', event.createdAt, { expectedDate: next })];
      // Later by a day or more, or earlier at all: a later change within the same day is not news.
      const shift = (Date.parse(next.to) - Date.parse(previous.to)) / DAY_MS;
      if (shift >= 1 || Date.parse(next.from) < Date.parse(previous.from)) {
        return [base('expected_date_changed', event.createdAt, { expectedDate: next, previousExpectedDate: previous })];
      }
      return [];
    }
    case 'delay_detected': {
      if (!parcel || parcel.direction !== 'outbound') return [];
      const { kind } = (event as OutboxEvent<'delay_detected'>).payload;
      // `never_scanned` is the shop's to solve before the parcel leaves; `carrier_exception` has its own event.
      const reason: DelayReason | null = kind === 'stalled' || kind === 'late' || kind === 'carrier_delay' ? kind : null;
      return reason ? [base('delayed', event.createdAt, { reason, actor: 'carrier' })] : [];
    }
    case 'exception': {
      if (!parcel || parcel.direction !== 'outbound') return [];
      const { substatus, occurredAt } = (event as OutboxEvent<'exception'>).payload;
      return [
        base('exception', instantOf(occurredAt, zone) ?? event.createdAt, {
          reason: exceptionReasonOf(substatus),
          actor: actorOf(parcel.actor),
        }),
      ];
    }
    case 'delivered': {
      if (!parcel) return [];
      const { deliveredAt, signedBy } = (event as OutboxEvent<'delivered'>).payload;
      const at = instantOf(deliveredAt, zone) ?? event.createdAt;
      // A return parcel delivered is the shop receiving it back.
      return [base(parcel.direction === 'return' ? 'return_received' : 'delivered', at, { signedBy })];
    }
    case 'tracking_number_changed': {
      const { from, to } = (event as OutboxEvent<'tracking_number_changed'>).payload;
      // The first number given to a parcel is not a change; `shipped` tells the customer about it.
      if (!parcel || from === null || from === to) return [];
      return [base('tracking_number_changed', event.createdAt, { trackingNumber: to, previousTrackingNumber: from })];
    }
    default:
      return [];
  }
}

function findParcel(view: OrderView, tracking: EventTracking | null, event: OutboxEvent): ParcelView | null {
  const number =
    event.type === 'tracking_number_changed'
      ? (event as OutboxEvent<'tracking_number_changed'>).payload.to
      : (tracking?.trackingNumber ?? null);
  return (
    (tracking?.orderShipmentId ? view.parcels.find((parcel) => parcel.id === tracking.orderShipmentId) : undefined) ??
    (number
      ? view.parcels.find(
          (parcel) => parcel.trackingNumber === number || parcel.trackedShipments.some((shipment) => shipment.trackingNumber === number),
        )
      : undefined) ??
    null
  );
}

/** The facts of a parcel (or the order) as the view shows them now. */
export function factsOf(view: OrderView, parcel: ParcelView | null): MilestoneFacts {
  const outbound = view.parcels.filter((candidate) => candidate.direction === 'outbound');
  const parameters = parcel && parcel.nextAction.parcelId === parcel.id ? parcel.nextAction.parameters : null;
  const contact = parcel?.contact ?? null;
  return {
    orderNumber: view.order.number,
    carrierName: parcel?.carrierName ?? null,
    trackingNumber: parcel?.trackingNumber ?? null,
    previousTrackingNumber: null,
    expectedDate: parcel?.eta ? etaDates(parcel.eta, view.customer.timeZone) : null,
    previousExpectedDate: null,
    place: parcel?.delivered?.place ?? parameters?.place ?? null,
    deadline: parameters?.deadline ?? null,
    signedBy: parcel?.delivered?.signedBy ?? null,
    reason: null,
    actor: parcel ? actorOf(parcel.actor) : null,
    carrierContact: contact && (contact.phone || contact.url) ? { phone: contact.phone, url: contact.url } : null,
    parcelCount:
      outbound.length > 1
        ? { covered: 1, delivered: outbound.filter((candidate) => candidate.status === 'delivered').length, total: outbound.length }
        : null,
  };
}

// Which parcel statuses count as having reached a digest milestone ("2 of 3 parcels are on their way").
const REACHED_STATUSES: Partial<Record<Milestone, readonly ParcelView['status'][]>> = {
  shipped: ['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed', 'delivered', 'exception'],
  in_transit: ['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed', 'delivered', 'exception'],
  out_for_delivery: ['out_for_delivery'],
  delivered: ['delivered'],
};

function withReached(facts: MilestoneFacts, view: OrderView, milestone: Milestone): MilestoneFacts {
  const statuses = REACHED_STATUSES[milestone];
  if (!facts.parcelCount || !statuses) return facts;
  const reached = view.parcels.filter((parcel) => parcel.direction === 'outbound' && statuses.includes(parcel.status)).length;
  return { ...facts, parcelCount: { ...facts.parcelCount, reached } };
}

function actorOf(actor: OrderActor): MilestoneFacts['actor'] {
  switch (actor) {
    case 'carrier':
      return 'carrier';
    case 'shipper':
      return 'shop';
    case 'recipient':
      return 'customer';
    case 'customs':
      return 'customs';
    default:
      return null;
  }
}

const EXCEPTION_REASONS: Partial<Record<Substatus, ExceptionReason>> = {
  customs_held: 'customs',
  customs_documents_needed: 'customs',
  customs_recipient_information_needed: 'customs',
  customs_duties_unpaid: 'customs',
  held_for_payment: 'customs',
  address_problem: 'address_problem',
  damaged: 'damaged',
  lost: 'lost',
  disposed: 'lost',
};

export function exceptionReasonOf(substatus: Substatus): ExceptionReason {
  return EXCEPTION_REASONS[substatus] ?? 'other';
}

/**
 * A carrier time as a UTC instant. A wall time without offset is read in the customer's zone and a bare date
 * as its end: close enough for the 72-hour staleness rule, and never later than the truth by more than a day.
 */
export function instantOf(time: CarrierTime | null, timeZone: string): string | null {
  if (!time) return null;
  if (time.occurredAt) {
    const parsed = Date.parse(time.occurredAt);
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
  }
  if (!time.localTime) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(time.localTime);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const wall =
    hour === undefined
      ? new TZDate(Number(year), Number(month) - 1, Number(day), 23, 59, 59, timeZone)
      : new TZDate(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0), timeZone);
  return Number.isNaN(wall.getTime()) ? null : new Date(wall.getTime()).toISOString();
}

/** An expected delivery as calendar dates in the customer's zone (`from` = `to` for a single day). */
export function etaDates(
  eta: Pick<EstimatedDelivery, 'from' | 'to' | 'timeKind'> | null,
  timeZone: string,
): { from: string; to: string } | null {
  if (!eta) return null;
  const from = dateOf(eta.from ?? eta.to, eta.timeKind, timeZone);
  const to = dateOf(eta.to ?? eta.from, eta.timeKind, timeZone);
  if (from === null || to === null) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

function dateOf(value: string | null, timeKind: EstimatedDelivery['timeKind'], timeZone: string): string | null {
  if (!value) return null;
  if (timeKind !== 'instant') return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  const local = new TZDate(parsed, timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

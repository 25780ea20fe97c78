import { normaliseTrackingNumber } from '@wismo/core';
import { normaliseEmail, type Order, type OrderSource, type OrderView } from '@wismo/order-view';
import { findTicketReferences, type TicketReferences } from './find-references';
import type { Ticket } from './triage-types';

/** An `OrderSource` that can also find an order by one of its tracking numbers (optional, feature-detected). */
export interface OrderSourceWithTracking extends OrderSource {
  findOrderByTrackingNumber(trackingNumber: string): Promise<Order | null>;
}

export type OrderMatch = 'order_number' | 'tracking_number' | 'email';

export interface TicketOrder<T = Order> {
  order: T;
  /** How the ticket led to it. */
  matchedBy: OrderMatch[];
}

export interface TicketOrders<T = Order> {
  /** The orders the ticket is about: those it names, else the requester's newest. */
  orders: TicketOrder<T>[];
  references: TicketReferences;
  /** Numbers in the text that lead to no order. */
  unmatched: { orderNumbers: string[]; trackingNumbers: string[] };
  /** Named orders that belong to another customer than the requester: left out, so no reply tells one customer about another's order. */
  otherCustomersOrders: string[];
  /** How many orders the requester has in all (0 without an email). */
  requesterOrderCount: number;
}

export interface FindOrdersOptions {
  /** How many of the requester's orders are searched for a tracking number. Default 20. */
  maxRequesterOrders?: number;
}

/**
 * How to look orders up, whatever they are (orders from an `OrderSource`, or order views from a service):
 * the finder only needs these.
 */
export interface TicketOrderLookup<T> {
  byNumber(orderNumber: string): Promise<T | null>;
  /** Newest first. */
  byEmail(email: string): Promise<T[]>;
  /** Optional: a lookup by tracking number across all customers. */
  byTrackingNumber?(trackingNumber: string): Promise<T | null>;
  idOf(order: T): string;
  numberOf(order: T): string;
  emailOf(order: T): string;
  /** Normalised tracking numbers of the order's parcels and their legs. */
  trackingNumbersOf(order: T): string[];
}

/**
 * The orders a ticket is about: order numbers in the text, tracking numbers in the text (core's detection
 * finds them; the order is the requester's order that has the number, or the lookup's own
 * `byTrackingNumber`), else the requester's newest order. With a requester email, orders of other customers
 * are never returned.
 */
export async function findTicketOrders<T>(
  lookup: TicketOrderLookup<T>,
  ticket: Ticket,
  options: FindOrdersOptions = {},
): Promise<TicketOrders<T>> {
  const references = findTicketReferences([ticket.subject ?? '', ticket.body].join('\n'));
  const email = ticket.requesterEmail ? normaliseEmail(ticket.requesterEmail) : null;
  const requesterOrders = email ? (await lookup.byEmail(email)).slice(0, options.maxRequesterOrders ?? 20) : [];
  const found = new Map<string, TicketOrder<T>>();
  const otherCustomersOrders: string[] = [];
  const unmatched = { orderNumbers: [] as string[], trackingNumbers: [] as string[] };

  const add = (order: T, how: OrderMatch) => {
    if (email && normaliseEmail(lookup.emailOf(order)) !== email) {
      if (!otherCustomersOrders.includes(lookup.numberOf(order))) otherCustomersOrders.push(lookup.numberOf(order));
      return;
    }
    const existing = found.get(lookup.idOf(order));
    if (existing) {
      if (!existing.matchedBy.includes(how)) existing.matchedBy.push(how);
    } else {
      found.set(lookup.idOf(order), { order, matchedBy: [how] });
    }
  };

  for (const number of references.orderNumbers) {
    const order = await lookup.byNumber(number);
    if (order) add(order, 'order_number');
    else unmatched.orderNumbers.push(number);
  }
  for (const { trackingNumber } of references.trackingNumbers) {
    const own = requesterOrders.find((order) => lookup.trackingNumbersOf(order).includes(trackingNumber));
    const order = own ?? (lookup.byTrackingNumber ? await lookup.byTrackingNumber(trackingNumber) : null);
    if (order) add(order, 'tracking_number');
    else unmatched.trackingNumbers.push(trackingNumber);
  }
  if (found.size === 0 && requesterOrders[0]) add(requesterOrders[0], 'email');
  return { orders: [...found.values()], references, unmatched, otherCustomersOrders, requesterOrderCount: requesterOrders.length };
}

function hasTrackingLookup(source: OrderSource): source is OrderSourceWithTracking {
  return typeof (source as Partial<OrderSourceWithTracking>).findOrderByTrackingNumber === 'function';
}

/** The `TicketOrderLookup` of an `OrderSource`. */
export function orderSourceLookup(source: OrderSource): TicketOrderLookup<Order> {
  return {
    byNumber: (number) => source.getOrderByNumber(number),
    byEmail: (email) => source.findOrdersByCustomerEmail(email),
    ...(hasTrackingLookup(source)
      ? { byTrackingNumber: (trackingNumber: string) => source.findOrderByTrackingNumber(trackingNumber) }
      : {}),
    idOf: (order) => order.id,
    numberOf: (order) => order.number,
    emailOf: (order) => order.customer.email,
    trackingNumbersOf: (order) =>
      order.shipments
        .flatMap((shipment) => [shipment.trackingNumber, ...shipment.legs.map((leg) => leg.trackingNumber)])
        .filter((number): number is string => Boolean(number))
        .map(normaliseTrackingNumber),
  };
}

/** The tracking numbers of an order view's parcels, every leg included. */
export function trackingNumbersOfView(view: OrderView): string[] {
  return view.parcels
    .flatMap((parcel) => [
      parcel.trackingNumber,
      ...parcel.legs.map((leg) => leg.trackingNumber),
      ...parcel.trackedShipments.map((shipment) => shipment.trackingNumber),
    ])
    .filter((number): number is string => Boolean(number))
    .map(normaliseTrackingNumber);
}

/** The orders a ticket is about, from an `OrderSource` (see `findTicketOrders`). */
export function findOrdersForTicket(source: OrderSource, ticket: Ticket, options: FindOrdersOptions = {}): Promise<TicketOrders<Order>> {
  return findTicketOrders(orderSourceLookup(source), ticket, options);
}

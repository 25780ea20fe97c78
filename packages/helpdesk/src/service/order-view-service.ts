import {
  logSafely,
  normaliseTrackingNumber,
  type CarrierAdapter,
  type Logger,
  type Shipment,
  type Tracker,
  type TrackManyItem,
} from '@wismo/core';
import {
  buildOrderView,
  toCarrierDirectory,
  type CarrierDirectory,
  type DeliveryHistory,
  type Order,
  type OrderSource,
  type OrderView,
} from '@wismo/order-view';
import { LruMap } from './lru';

/** Default time allowed for carriers before answering with the last known data, marked stale. */
export const DEFAULT_TIME_BUDGET_MS = 2_500;
/** Default number of last good shipments kept for stale answers. */
export const DEFAULT_LAST_KNOWN_SHIPMENTS = 10_000;
/** Default number of a customer's orders (newest first) looked at for an email. */
export const DEFAULT_MAX_ORDERS_PER_EMAIL = 10;

export interface OrderViewServiceOptions {
  orders: OrderSource;
  tracker: Tracker;
  /** Names, contacts and tracking URLs. */
  carriers: readonly CarrierAdapter[] | CarrierDirectory;
  /** ETA prediction and carrier performance. */
  history?: DeliveryHistory;
  /** Time allowed to wait for carriers before answering with the last known data marked stale. */
  timeBudgetMs?: number;
  now?: () => Date;
  /** How many last good shipments (per carrier and tracking number) are kept for stale answers. Default 10,000. */
  lastKnownShipments?: number;
  /** How many of a customer's orders `viewsByEmail` returns, newest first. Default 10. */
  maxOrdersPerEmail?: number;
  logger?: Logger;
}

/** A carrier lookup that did not make it into the answer fresh. */
export interface StaleShipment {
  carrier: string;
  trackingNumber: string;
  /** `timeout`: the carrier had not answered within the budget; `carrier_error`: it answered with an error. */
  reason: 'timeout' | 'carrier_error';
  /** When the data shown for it was fetched from the carrier; null when nothing is known yet. */
  lastFetchedAt: string | null;
}

export interface ServedOrderView {
  view: OrderView;
  /** True when at least one carrier's data is not fresh (see `staleShipments`). */
  stale: boolean;
  generatedAt: string;
  /** Which lookups were not fresh, and how old the data shown for them is. */
  staleShipments?: StaleShipment[];
}

export interface ViewOptions {
  /** Accepted for symmetry with the renderers; the view itself is language-neutral data. */
  locale?: string;
  /** Overrides the service's budget for this call (e.g. a helpdesk's own deadline). */
  timeBudgetMs?: number;
}

export interface OrderViewService {
  viewById(orderId: string, options?: ViewOptions): Promise<ServedOrderView | null>;
  viewByNumber(orderNumber: string, options?: ViewOptions): Promise<ServedOrderView | null>;
  /** The customer's orders, newest first (at most `maxOrdersPerEmail`); their carriers are asked in parallel under one budget. */
  viewsByEmail(email: string, options?: ViewOptions): Promise<ServedOrderView[]>;
}

type LookupResult = { kind: 'ok'; shipment: Shipment } | { kind: 'not_found' } | { kind: 'error' };

interface Lookup {
  item: TrackManyItem & { carrier: string };
  result: LookupResult | null;
  done: Promise<void>;
}

function keyOf(carrier: string, trackingNumber: string): string {
  return `${carrier.trim().toLowerCase()}:${normaliseTrackingNumber(trackingNumber)}`;
}

function withoutRaw(shipment: Shipment): Shipment {
  const { raw: _raw, ...rest } = shipment;
  return rest;
}

/** What the order itself says must be tracked: each parcel's carrier and number, and its known later legs. */
function orderItems(order: Order): Array<{ carrier: string; trackingNumber: string }> {
  const items: Array<{ carrier: string; trackingNumber: string }> = [];
  for (const shipment of order.shipments) {
    if (shipment.trackingNumber) items.push({ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber });
    for (const leg of shipment.legs) if (leg.trackingNumber) items.push({ carrier: leg.carrier, trackingNumber: leg.trackingNumber });
  }
  return items;
}

/**
 * Order views for helpdesks: orders from the `OrderSource`, shipments from the tracker, the view from
 * `buildOrderView`. Carrier lookups race a time budget; when it runs out, the answer uses each late
 * shipment's last known data and says `stale: true`, and the late answer still refreshes that data
 * in the background for the next request.
 */
export function createOrderViewService(options: OrderViewServiceOptions): OrderViewService {
  const now = options.now ?? (() => new Date());
  const directory = toCarrierDirectory(options.carriers);
  const lastKnown = new LruMap<string, Shipment>(options.lastKnownShipments ?? DEFAULT_LAST_KNOWN_SHIPMENTS);
  const defaultBudget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const maxOrders = options.maxOrdersPerEmail ?? DEFAULT_MAX_ORDERS_PER_EMAIL;

  function startLookup(item: { carrier: string; trackingNumber: string }): Lookup {
    const lookup: Lookup = { item, result: null, done: Promise.resolve() };
    const key = keyOf(item.carrier, item.trackingNumber);
    lookup.done = options.tracker.trackMany([item]).then(
      ([outcome]) => {
        if (outcome?.ok) {
          const shipment = withoutRaw(outcome.shipment);
          // Late answers land here too: the next request gets them even if this one has gone.
          lastKnown.set(key, shipment);
          lookup.result = { kind: 'ok', shipment };
        } else if (outcome && (outcome.error.code === 'not_found' || outcome.error.code === 'invalid_number')) {
          lookup.result = { kind: 'not_found' };
        } else {
          lookup.result = { kind: 'error' };
          logSafely(options.logger, 'warn', `Carrier lookup failed for ${item.carrier}`, { code: outcome?.error.code ?? 'no_outcome' });
        }
      },
      (error: unknown) => {
        lookup.result = { kind: 'error' };
        logSafely(options.logger, 'warn', `Carrier lookup failed for ${item.carrier}`, {
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return lookup;
  }

  /** Waits until every lookup settled or the deadline passed, whichever comes first (at least one macrotask, so cache hits count). */
  async function settle(lookups: readonly Lookup[], deadline: number): Promise<void> {
    const remaining = Math.max(0, deadline - performance.now());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, remaining);
    });
    try {
      await Promise.race([Promise.all(lookups.map((lookup) => lookup.done)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function shipmentFor(lookup: Lookup | undefined, key: string): { shipment: Shipment | null; stale: StaleShipment | null } {
    const result = lookup?.result ?? null;
    if (result?.kind === 'ok') return { shipment: result.shipment, stale: null };
    const known = lastKnown.get(key) ?? null;
    if (result?.kind === 'not_found' && !known) return { shipment: null, stale: null };
    const item = lookup?.item;
    return {
      shipment: known,
      stale: item
        ? {
            carrier: item.carrier,
            trackingNumber: item.trackingNumber,
            reason: result === null ? 'timeout' : 'carrier_error',
            lastFetchedAt: known?.fetchedAt ?? null,
          }
        : null,
    };
  }

  async function serve(orders: readonly Order[], viewOptions: ViewOptions = {}): Promise<ServedOrderView[]> {
    const budget = Math.max(0, viewOptions.timeBudgetMs ?? defaultBudget);
    const deadline = performance.now() + budget;
    const lookups = new Map<string, Lookup>();
    const ensure = (item: { carrier: string; trackingNumber: string }) => {
      const key = keyOf(item.carrier, item.trackingNumber);
      if (!lookups.has(key)) lookups.set(key, startLookup(item));
      return key;
    };

    // Round 1: what the orders name. Started in one tick, so the tracker batches them per carrier.
    for (const order of orders) for (const item of orderItems(order)) ensure(item);
    await settle([...lookups.values()], deadline);

    // Round 2: later legs only the first carrier knows about (e.g. the USPS number of a DHL eCommerce parcel).
    const secondRound: Lookup[] = [];
    for (const [key, lookup] of [...lookups]) {
      const { shipment } = shipmentFor(lookup, key);
      for (const leg of shipment?.legs ?? []) {
        if (!leg.trackingNumber) continue;
        const legKey = keyOf(leg.carrier, leg.trackingNumber);
        if (lookups.has(legKey)) continue;
        ensure({ carrier: leg.carrier, trackingNumber: leg.trackingNumber });
        secondRound.push(lookups.get(legKey)!);
      }
    }
    if (secondRound.length > 0) await settle(secondRound, deadline);

    const at = now();
    return orders.map((order) => {
      const shipments: Shipment[] = [];
      const staleShipments: StaleShipment[] = [];
      const seen = new Set<string>();
      const take = (carrier: string, trackingNumber: string) => {
        const key = keyOf(carrier, trackingNumber);
        if (seen.has(key)) return null;
        seen.add(key);
        const { shipment, stale } = shipmentFor(lookups.get(key), key);
        if (shipment) shipments.push(shipment);
        if (stale) staleShipments.push(stale);
        return shipment;
      };
      for (const orderShipment of order.shipments) {
        const primary = orderShipment.trackingNumber ? take(orderShipment.carrier, orderShipment.trackingNumber) : null;
        for (const leg of [...orderShipment.legs, ...(primary?.legs ?? [])]) if (leg.trackingNumber) take(leg.carrier, leg.trackingNumber);
      }
      const view = buildOrderView(order, shipments, {
        now: at,
        carriers: directory,
        ...(options.history ? { history: options.history } : {}),
      });
      return { view, stale: staleShipments.length > 0, generatedAt: view.generatedAt, staleShipments };
    });
  }

  return {
    async viewById(orderId, viewOptions) {
      const order = await options.orders.getOrderById(orderId);
      return order ? ((await serve([order], viewOptions))[0] ?? null) : null;
    },
    async viewByNumber(orderNumber, viewOptions) {
      const order = await options.orders.getOrderByNumber(orderNumber);
      return order ? ((await serve([order], viewOptions))[0] ?? null) : null;
    },
    async viewsByEmail(email, viewOptions) {
      const orders = (await options.orders.findOrdersByCustomerEmail(email)).slice(0, Math.max(0, maxOrders));
      return orders.length > 0 ? serve(orders, viewOptions) : [];
    },
  };
}

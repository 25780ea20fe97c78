import type { Shipment } from '@wismo/core';
import { buildOrderView, type DelayThresholdSettings, type DeliveryHistory, type Order } from '@wismo/order-view';
import type { DelayKind } from '../store-types';

const TRACKED_DELAY_KINDS: ReadonlySet<string> = new Set<DelayKind>([
  'stalled',
  'late',
  'never_scanned',
  'carrier_exception',
  'carrier_delay',
]);

export interface DetectedDelay {
  kind: DelayKind;
  reason: string;
  detail: Record<string, unknown>;
}

export interface ViewFacts {
  delays: DetectedDelay[];
  /** The order's stage (only meaningful for a real order). */
  stage: string;
  /** The expected delivery day in the customer's zone: the view's ETA (carrier, else predicted), else the promised date. */
  dueDate: string | null;
}

/** What the store needs to build a stand-in order for a parcel watched without one. */
export interface StandInOrderInput {
  trackingId: string;
  carrier: string;
  trackingNumber: string;
  watchedAtIso: string;
  timeZone: string;
  locale: string;
  direction: 'outbound' | 'return';
}

/** A parcel watched without an order still gets the order view's delay rules: it is the only parcel of a stand-in order. */
export function standInOrder(input: StandInOrderInput): Order {
  return {
    id: `tracking:${input.trackingId}`,
    number: input.trackingId,
    placedAt: input.watchedAtIso,
    customer: {
      id: 'tracking',
      email: 'nobody@invalid',
      name: 'Customer',
      givenName: null,
      phone: null,
      locale: input.locale,
      timeZone: input.timeZone,
      accountUrl: null,
    },
    shippingAddress: null,
    items: [{ id: 'parcel', sku: null, name: 'Parcel', quantity: 1 }],
    salesChannel: null,
    promisedDeliveryDate: null,
    milestones: { placed: null, confirmed: null, packed: null, cancelled: null },
    shipments: [
      {
        id: input.trackingId,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        service: null,
        direction: input.direction,
        items: [{ itemId: 'parcel', quantity: 1 }],
        legs: [],
        shippedAt: null,
        origin: null,
        destination: null,
      },
    ],
  };
}

/**
 * Runs the order view's rules (delays, stage, ETA) for one parcel of an order. The rules are order-view's
 * (`detect-delays.ts`, `order-stage.ts`); the store only keeps what they decided.
 */
export function viewFactsFor(
  order: Order,
  orderShipmentId: string,
  shipments: readonly Shipment[],
  nowMs: number,
  options: { history?: DeliveryHistory; thresholds?: DelayThresholdSettings } = {},
): ViewFacts {
  const view = buildOrderView(order, shipments, { now: nowMs, history: options.history, thresholds: options.thresholds });
  const parcel = view.parcels.find((candidate) => candidate.id === orderShipmentId);
  const delays: DetectedDelay[] = [];
  for (const delay of parcel?.delays ?? []) {
    if (!TRACKED_DELAY_KINDS.has(delay.kind)) continue;
    const {
      kind,
      reason,
      parcelId: _parcelId,
      ...detail
    } = delay as { kind: DelayKind; reason: string; parcelId: string | null } & Record<string, unknown>;
    delays.push({ kind, reason, detail });
  }
  const eta = parcel?.eta;
  const due = eta ? (eta.to ?? eta.from) : null;
  const etaDate = due ? (eta!.timeKind === 'instant' ? dateIn(Date.parse(due), order.customer.timeZone) : due.slice(0, 10)) : null;
  return { delays, stage: view.stage, dueDate: etaDate ?? order.promisedDeliveryDate };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateIn(epochMs: number, timeZone: string): string | null {
  if (Number.isNaN(epochMs)) return null;
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(epochMs);
}

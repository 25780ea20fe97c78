import {
  instantEpochMs,
  type CarrierAdapter,
  type CarrierTime,
  type EstimatedDelivery,
  type Shipment,
  type ShipmentStatus,
} from '@wismo/core';
import type { DeliveryHistory } from '../history/delivery-history';
import { laneCarrierPerformance } from '../history/carrier-performance';
import { DEFAULT_MINIMUM_SAMPLE_SIZE, predictDelivery } from '../history/predict-delivery';
import type { Order } from '../order-schema';
import {
  ORDER_VIEW_SCHEMA_VERSION,
  type ActionParameters,
  type Delay,
  type Eta,
  type LastScan,
  type NextAction,
  type NextActionId,
  type OrderView,
  type ParcelView,
} from '../order-view-schema';
import { addCalendarDays, type CalendarDate } from '../time/calendar-date';
import { momentOf } from '../time/event-moment';
import { dateInZone } from '../time/time-zone';
import { negotiateLanguage, regionOfLocale } from '../words/languages';
import { carrierContact, toCarrierDirectory, type CarrierDirectory } from './carrier-directory';
import { ageOf, customerDateOf, customerTimeOf, dateAsWrittenOf } from './customer-time';
import { thresholdsFor, type DelayThresholdSettings } from './delay-thresholds';
import { detectOrderDelays, detectParcelDelays } from './detect-delays';
import { actorForAction, chooseParcelActionId, emptyParameters, mostUrgent } from './next-action';
import { decideOrderStage, progressOf, type ParcelProgress } from './order-stage';
import { resolveParcel, shipmentKey, type ResolvedParcel } from './resolve-parcels';
import { buildTimeline } from './timeline';

const HOUR = 3_600_000;
/** A documented constant, not a measurement: most parcels are delivered on the day they are loaded. */
const OUT_FOR_DELIVERY_CONFIDENCE = 0.9;
const PREDICTABLE: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received', 'in_transit', 'out_for_delivery', 'unknown']);

export interface BuildOrderViewOptions {
  /** The moment the view is for. Everything time-dependent (ages, delays, "today") is computed from it. */
  now: Date | string | number;
  /** Names, contacts and tracking links: a directory by carrier id, or the carrier adapters themselves. */
  carriers?: CarrierDirectory | readonly CarrierAdapter[];
  /** Past deliveries, for predicted ETAs and carrier performance. */
  history?: DeliveryHistory;
  thresholds?: DelayThresholdSettings;
  /** Parcels the customer says never arrived although the carrier reports them delivered: order-shipment ids or tracking numbers. */
  notReceivedReported?: readonly string[];
  /** Fewest deliveries a lane level needs before it is used (default 20). */
  minimumSampleSize?: number;
}

interface Context {
  order: Order;
  nowMs: number;
  today: CalendarDate;
  timeZone: string;
  customerCountry: string | null;
  directory: CarrierDirectory;
  history: DeliveryHistory | undefined;
  options: BuildOrderViewOptions;
  notReceived: ReadonlySet<string>;
  minimumSampleSize: number;
  itemNames: ReadonlyMap<string, string>;
}

function toEpochMs(now: Date | string | number): number {
  const epoch = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (Number.isNaN(epoch)) throw new RangeError(`buildOrderView: invalid "now": ${String(now)}`);
  return epoch;
}

/** The last day of an estimate, in the customer's calendar. */
function dueDateOf(eta: EstimatedDelivery, timeZone: string): CalendarDate | null {
  const last = eta.to ?? eta.from;
  if (!last) return null;
  const time: CarrierTime =
    eta.timeKind === 'instant'
      ? { occurredAt: last, localTime: null, timeKind: 'instant' }
      : { occurredAt: null, localTime: last, timeKind: eta.timeKind };
  return customerDateOf(time, timeZone);
}

function carrierEtaOf(parcel: ResolvedParcel): EstimatedDelivery | null {
  const current = parcel.shipment?.estimatedDelivery;
  if (current?.source === 'carrier') return current;
  for (let index = parcel.legs.length - 1; index >= 0; index--) {
    const eta = parcel.legs[index]!.shipment?.estimatedDelivery;
    if (eta?.source === 'carrier') return eta;
  }
  return null;
}

/** Where the carrier got the parcel: the oldest scan that moved it, as written by the carrier. */
function handoverDateOf(parcel: ResolvedParcel): CalendarDate | null {
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const { event } = parcel.events[index]!;
    if (event.status !== 'pending' && event.status !== 'info_received' && event.status !== 'unknown' && event.status !== 'cancelled')
      return dateAsWrittenOf(event);
  }
  return null;
}

function labelDateOf(parcel: ResolvedParcel, timeZone: string): CalendarDate | null {
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const { event } = parcel.events[index]!;
    if (event.status === 'info_received' || event.status === 'pending') {
      const date = customerDateOf(event, timeZone);
      if (date) return date;
    }
  }
  const shippedAt = parcel.orderShipment.shippedAt;
  return shippedAt ? dateInZone(Date.parse(shippedAt), timeZone) : null;
}

/** The day from which a "delivered but not received" parcel is worth a trace, in the customer's calendar. */
function traceFromDate(deliveredAt: CarrierTime, waitHours: number, timeZone: string): CalendarDate | null {
  const instant = instantEpochMs(deliveredAt);
  if (instant !== null) return dateInZone(instant + waitHours * HOUR, timeZone);
  const deliveredDate = customerDateOf(deliveredAt, timeZone);
  return deliveredDate ? addCalendarDays(deliveredDate, Math.ceil(waitHours / 24)) : null;
}

function pickupPlaceOf(parcel: ResolvedParcel): string | null {
  const event = parcel.events.find(({ event: candidate }) => candidate.status === 'available_for_pickup')?.event;
  const location = event?.location;
  return location?.raw ?? location?.city ?? null;
}

function buildParcelView(parcel: ResolvedParcel, context: Context): ParcelView {
  const { order, timeZone, today, directory } = context;
  const orderShipment = parcel.orderShipment;
  const currentLeg = parcel.legs[parcel.currentLegIndex]!;
  const carrier = currentLeg.leg.carrier;
  const entry = directory[carrier];
  const carrierName = entry?.name ?? currentLeg.leg.carrierName ?? carrier;
  const trackingNumber = currentLeg.leg.trackingNumber ?? orderShipment.trackingNumber;
  const contact = carrierContact(entry, context.customerCountry) ?? parcel.shipment?.contact ?? null;
  const trackingUrl = parcel.shipment?.trackingUrl ?? (trackingNumber && entry?.trackingUrl ? entry.trackingUrl(trackingNumber) : null);
  const primaryShipment = parcel.legs[0]!.shipment;
  const service = orderShipment.service ?? primaryShipment?.service ?? null;
  const serviceCode = service?.code ?? null;
  const { status, substatus } = parcel;
  const finished = status === 'delivered' || status === 'returned' || status === 'cancelled';

  const newest = parcel.events.find((item) => item.moment !== null);
  const lastScan: LastScan | null = newest
    ? {
        carrier: newest.carrier,
        time: { occurredAt: newest.event.occurredAt, localTime: newest.event.localTime, timeKind: newest.event.timeKind },
        customerTime: customerTimeOf(newest.event, timeZone, newest.countryCode, newest.moment, newest.regionCode),
        description: newest.event.description,
        location: newest.event.location,
        age: ageOf(newest.moment!, context.nowMs),
      }
    : null;

  // ETA: the carrier's own, else a prediction from history, always saying which. Only parcels the carrier
  // is moving (or about to collect) are predicted: after a failed attempt or at a pickup point the next
  // step belongs to someone else.
  const predictable =
    orderShipment.direction === 'outbound' &&
    order.milestones.cancelled === null &&
    parcel.tracking !== 'no_tracking_number' &&
    (parcel.tracking === 'no_tracking_result' || PREDICTABLE.has(status));
  let eta: Eta | null = null;
  const carrierEta = finished ? null : carrierEtaOf(parcel);
  const carrierEtaDueDate = carrierEta ? dueDateOf(carrierEta, timeZone) : null;
  // A carrier estimate whose last day is over is a delay ("late"), never the expectation: predict instead.
  const carrierEtaPassed = carrierEtaDueDate !== null && today > carrierEtaDueDate;
  const outForDeliveryToday =
    status === 'out_for_delivery' && parcel.statusSince !== null && customerDateOf(parcel.statusSince, timeZone) === today;
  if (carrierEta && !carrierEtaPassed) eta = { ...carrierEta, basis: null };
  else if (predictable && outForDeliveryToday) {
    // Loaded on the van today: delivery today is far likelier than anything the lane's history says.
    eta = {
      from: today,
      to: today,
      timeKind: 'date',
      source: 'predicted',
      confidence: OUT_FOR_DELIVERY_CONFIDENCE,
      basis: { kind: 'out_for_delivery_today' },
    };
  } else if (predictable && context.history) {
    const prediction = predictDelivery(context.history, {
      carrier: orderShipment.carrier,
      service: serviceCode,
      lane: parcel.lane,
      startDate: handoverDateOf(parcel) ?? today,
      today,
      minimumSampleSize: context.minimumSampleSize,
    });
    if (prediction) eta = { ...prediction.estimatedDelivery, basis: prediction.basis };
  }

  const deliveredTime =
    status === 'delivered' || (orderShipment.direction === 'return' && status === 'returned')
      ? (parcel.shipment?.deliveredAt ?? parcel.statusSince)
      : null;
  const deliveredMoment = deliveredTime
    ? momentOf(deliveredTime, {
        countryCode: parcel.lane.destinationCountry,
        regionCode: parcel.lane.destinationRegion,
        fallbackTimeZone: timeZone,
      })
    : null;
  const hoursSinceDelivery = deliveredMoment ? ageOf(deliveredMoment, context.nowMs).minimumHours : null;
  const thresholds = thresholdsFor(context.options.thresholds, carrier, serviceCode);
  // The agent may flag a parcel by its id or by any of its tracking numbers.
  const flaggedNotReceived = [orderShipment.id, trackingNumber, orderShipment.trackingNumber].some(
    (key) => key !== null && context.notReceived.has(key),
  );
  const labelCreatedOn = labelDateOf(parcel, timeZone);

  const delays = detectParcelDelays({
    parcelId: orderShipment.id,
    direction: orderShipment.direction,
    tracking: parcel.tracking,
    status,
    substatus,
    statusSince: parcel.statusSince,
    lastScanAge: lastScan?.age ?? null,
    labelCreatedOn,
    carrierEtaDueDate,
    promisedDeliveryDate: order.promisedDeliveryDate,
    deliveredAt: deliveredTime,
    hoursSinceDelivery,
    notReceivedReported: flaggedNotReceived,
    orderCancelled: order.milestones.cancelled !== null,
    international:
      parcel.lane.originCountry !== null &&
      parcel.lane.destinationCountry !== null &&
      parcel.lane.originCountry !== parcel.lane.destinationCountry,
    today,
    thresholds,
  });

  const actionInput = {
    direction: orderShipment.direction,
    tracking: parcel.tracking,
    status,
    substatus,
    delays,
    notReceivedStillFresh: hoursSinceDelivery !== null && hoursSinceDelivery < thresholds.notReceivedTraceAfterHours,
  };
  const actionId = chooseParcelActionId(actionInput);
  const deliveredDate = deliveredTime ? customerDateOf(deliveredTime, timeZone) : null;
  const statusDate = parcel.statusSince ? customerDateOf(parcel.statusSince, timeZone) : null;
  const parameters: ActionParameters = {
    ...emptyParameters(),
    carrierName,
    carrierPhone: contact?.phone ?? null,
    carrierUrl: contact?.url ?? null,
    trackingNumber,
    trackingUrl,
    eta,
  };
  const lateDelay = delays.find((delay): delay is Extract<Delay, { kind: 'late' }> => delay.kind === 'late');
  switch (actionId) {
    case 'ask_customer_to_collect': {
      parameters.place = pickupPlaceOf(parcel);
      const holdDays = entry?.pickupHoldDays;
      parameters.deadline = holdDays !== undefined && statusDate ? addCalendarDays(statusDate, holdDays) : null;
      break;
    }
    case 'share_delivery_details':
      parameters.place = parcel.shipment?.proofOfDelivery.deliveryLocation ?? null;
      parameters.date = deliveredDate;
      break;
    case 'check_delivery_place_with_customer':
      parameters.place = parcel.shipment?.proofOfDelivery.deliveryLocation ?? null;
      parameters.date = deliveredTime ? traceFromDate(deliveredTime, thresholds.notReceivedTraceAfterHours, timeZone) : null;
      break;
    case 'open_carrier_trace':
      parameters.date = lastScan?.customerTime.date ?? null;
      break;
    case 'check_handover_with_warehouse':
      parameters.date = labelCreatedOn;
      break;
    case 'apologise_and_share_estimate':
      parameters.date = lateDelay?.dueDate ?? null;
      break;
    case 'ask_customer_to_rearrange_delivery':
    case 'process_return_refund':
      parameters.date = statusDate;
      break;
    default:
      break;
  }

  const performance = context.history
    ? laneCarrierPerformance(context.history, orderShipment.carrier, serviceCode, parcel.lane, context.minimumSampleSize)
    : null;

  return {
    id: orderShipment.id,
    direction: orderShipment.direction,
    carrier,
    carrierName,
    trackingNumber,
    service,
    items: orderShipment.items.map((item) => ({
      itemId: item.itemId,
      name: context.itemNames.get(item.itemId) ?? item.itemId,
      quantity: item.quantity,
    })),
    tracking: parcel.tracking,
    status,
    substatus,
    statusSince: parcel.statusSince,
    contact,
    trackingUrl,
    eta,
    etaSource: eta ? eta.source : 'none',
    lastScan,
    delivered: deliveredTime
      ? {
          time: deliveredTime,
          customerTime: customerTimeOf(
            deliveredTime,
            timeZone,
            parcel.lane.destinationCountry,
            deliveredMoment,
            parcel.lane.destinationRegion,
          ),
          signedBy: parcel.shipment?.signedBy ?? null,
          place: parcel.shipment?.proofOfDelivery.deliveryLocation ?? null,
        }
      : null,
    delays,
    legs: parcel.legs.map(({ leg, shipment }, index) => {
      const legEntry = directory[leg.carrier];
      return {
        carrier: leg.carrier,
        carrierName: legEntry?.name ?? leg.carrierName ?? leg.carrier,
        trackingNumber: leg.trackingNumber,
        role: leg.role,
        status: shipment?.status ?? null,
        trackingUrl:
          shipment?.trackingUrl ?? (leg.trackingNumber && legEntry?.trackingUrl ? legEntry.trackingUrl(leg.trackingNumber) : null),
        current: index === parcel.currentLegIndex,
      };
    }),
    performance,
    actor: actorForAction(actionId, actionInput),
    nextAction: { id: actionId, actor: actorForAction(actionId, actionInput), parcelId: orderShipment.id, parameters },
    trackedShipments: parcel.legs
      .filter((leg) => leg.shipment)
      .map((leg) => ({ carrier: leg.shipment!.carrier, trackingNumber: leg.shipment!.trackingNumber })),
  };
}

function unshippedItemsOf(order: Order, parcels: readonly ParcelView[]): OrderView['unshippedItems'] {
  const outbound = order.shipments.filter((shipment) => shipment.direction === 'outbound');
  // Shops that do not list items per parcel tell us nothing about what is left.
  if (!outbound.some((shipment) => shipment.items.length > 0)) return [];
  const shipped = new Map<string, number>();
  for (const parcel of parcels) {
    if (parcel.direction !== 'outbound' || parcel.tracking === 'no_tracking_number' || parcel.status === 'cancelled') continue;
    for (const item of parcel.items) shipped.set(item.itemId, (shipped.get(item.itemId) ?? 0) + item.quantity);
  }
  return order.items
    .map((item) => ({ itemId: item.id, name: item.name, quantity: item.quantity - (shipped.get(item.id) ?? 0) }))
    .filter((item) => item.quantity > 0);
}

/**
 * Turns an order and its tracked shipments into the view a support agent needs: stage, parcels, one
 * timeline, delays with reasons, ETA with its source, who must act and the next action. Pure and
 * deterministic given `options.now`. Shipments are matched to the order's parcels by carrier and tracking
 * number (including the numbers of later legs); a parcel without a result yet is shown as such.
 */
export function buildOrderView(order: Order, shipments: readonly Shipment[], options: BuildOrderViewOptions): OrderView {
  const nowMs = toEpochMs(options.now);
  const timeZone = order.customer.timeZone;
  const shipmentsByKey = new Map<string, Shipment>();
  for (const shipment of shipments) {
    const key = shipmentKey(shipment.carrier, shipment.trackingNumber);
    if (!shipmentsByKey.has(key)) shipmentsByKey.set(key, shipment);
  }
  const context: Context = {
    order,
    nowMs,
    today: dateInZone(nowMs, timeZone),
    timeZone,
    customerCountry: order.shippingAddress?.countryCode ?? regionOfLocale(order.customer.locale),
    directory: toCarrierDirectory(options.carriers),
    history: options.history,
    options,
    notReceived: new Set(options.notReceivedReported ?? []),
    minimumSampleSize: options.minimumSampleSize ?? DEFAULT_MINIMUM_SAMPLE_SIZE,
    itemNames: new Map(order.items.map((item) => [item.id, item.name])),
  };
  const usedKeys = new Set<string>();
  const resolved = order.shipments.map((orderShipment) =>
    resolveParcel(orderShipment, { order, shipmentsByKey, usedKeys, customerTimeZone: timeZone }),
  );
  const parcels = resolved.map((parcel) => buildParcelView(parcel, context));

  const unshippedItems = unshippedItemsOf(order, parcels);
  const outboundProgress: ParcelProgress[] = parcels
    .filter((parcel) => parcel.direction === 'outbound')
    .map((parcel) => progressOf(parcel.tracking, parcel.status))
    .filter((progress) => progress !== 'cancelled');
  const returns = parcels
    .filter((parcel) => parcel.direction === 'return' && parcel.status !== 'cancelled')
    .map((parcel) => (parcel.status === 'delivered' || parcel.status === 'returned' ? ('completed' as const) : ('in_progress' as const)));
  const { stage, rule } = decideOrderStage({
    milestones: order.milestones,
    outbound: outboundProgress,
    returns,
    hasUnshippedItems: unshippedItems.length > 0,
  });

  // Order-level situations: nothing (or not everything) has left yet.
  const nothingOnItsWay = !outboundProgress.some((progress) => progress !== 'packing');
  const itemsNotShipped = nothingOnItsWay || unshippedItems.length > 0 || outboundProgress.includes('packing');
  const orderDelays = detectOrderDelays({
    promisedDeliveryDate: order.promisedDeliveryDate,
    today: context.today,
    itemsNotShipped,
    cancelled: stage === 'cancelled',
  });
  // Order-level actions concern no parcel; the shop still holds whatever has not left.
  const orderAction = (id: NextActionId, date: CalendarDate | null): NextAction => ({
    id,
    actor: actorForAction(id, { substatus: 'awaiting_carrier_data', direction: 'outbound', tracking: 'no_tracking_number' }),
    parcelId: null,
    parameters: { ...emptyParameters(), date },
  });
  const candidates: NextAction[] = [];
  if (stage === 'cancelled') {
    candidates.push(
      orderAction('confirm_cancellation', order.milestones.cancelled ? dateInZone(Date.parse(order.milestones.cancelled), timeZone) : null),
    );
  } else {
    candidates.push(...parcels.map((parcel) => parcel.nextAction));
    if (orderDelays.length > 0) candidates.push(orderAction('check_fulfilment_with_warehouse', order.promisedDeliveryDate));
    else if (nothingOnItsWay) candidates.push(orderAction('wait_for_dispatch', null));
  }
  const nextAction = mostUrgent(candidates) ?? orderAction('wait_for_dispatch', null);

  return {
    schemaVersion: ORDER_VIEW_SCHEMA_VERSION,
    generatedAt: new Date(nowMs).toISOString(),
    order: {
      id: order.id,
      number: order.number,
      placedAt: order.placedAt,
      salesChannel: order.salesChannel,
      promisedDeliveryDate: order.promisedDeliveryDate,
      itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    },
    customer: {
      id: order.customer.id,
      name: order.customer.name,
      givenName: order.customer.givenName ?? order.customer.name.trim().split(/\s+/)[0] ?? order.customer.name,
      email: order.customer.email,
      phone: order.customer.phone,
      locale: order.customer.locale,
      language: negotiateLanguage(order.customer.locale),
      timeZone,
      countryCode: context.customerCountry,
      accountUrl: order.customer.accountUrl,
    },
    today: context.today,
    stage,
    stageRule: rule,
    parcels,
    unshippedItems,
    timeline: buildTimeline(resolved, order.milestones, order.placedAt, timeZone),
    delays: [...orderDelays, ...parcels.flatMap((parcel) => parcel.delays)],
    actor: nextAction.actor,
    nextAction,
    unmatchedShipments: [...shipmentsByKey.entries()]
      .filter(([key]) => !usedKeys.has(key))
      .map(([, shipment]) => ({ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber })),
  };
}

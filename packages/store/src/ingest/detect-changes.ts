import {
  approximateEpochMs,
  deriveShipmentStatus,
  nextStatus,
  sortEventsNewestFirst,
  type CarrierTime,
  type EstimatedDelivery,
  type Shipment,
  type ShipmentStatus,
  type Substatus,
  type TrackingEvent,
} from '@wismo/core';
import {
  DEFAULT_DELAY_THRESHOLDS,
  transitBusinessDays,
  type DelayThresholds,
  type DelayThresholdSettings,
  type DeliveryHistory,
  type Order,
} from '@wismo/order-view';
import { localDate, planNextCheck, type NextCheckPlan } from '../scheduler/refresh-policy';
import type { DelayKind, DomainEventPayloads, DomainEventType, IngestInput, RefreshPolicy, WatchCustomer } from '../store-types';
import { eventEpochMs, eventFingerprint } from './fingerprint';
import { standInOrder, viewFactsFor, type DetectedDelay } from './view-facts';

const FINAL: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'returned', 'cancelled']);

/** A tracking row, decoded. */
export interface TrackingRecord {
  id: string;
  shopId: string;
  carrier: string | null;
  trackingNumber: string;
  orderId: string | null;
  orderShipmentId: string | null;
  status: ShipmentStatus;
  substatus: Substatus;
  shipment: Shipment | null;
  fingerprints: string[];
  customer: WatchCustomer | null;
  watchedBy: 'poll' | 'push' | 'both';
  lastCheckedAt: number | null;
  answeredAt: number | null;
  nextCheckAt: number | null;
  leaseOwner: string | null;
  stoppedReason: string | null;
  delays: DelayKind[];
  notFoundCount: number;
  errorCount: number;
  version: number;
  finishedAt: number | null;
  confirmationDone: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface PendingOutboxRow<T extends DomainEventType = DomainEventType> {
  type: T;
  dedupeKey: string;
  orderId: string | null;
  payload: DomainEventPayloads[T];
}

export interface NewEventRow {
  fingerprint: string;
  occurredMs: number;
  event: TrackingEvent;
}

export interface TransitionRow {
  sequence: number;
  from: { status: ShipmentStatus; substatus: Substatus };
  to: { status: ShipmentStatus; substatus: Substatus };
  occurredAt: CarrierTime | null;
}

export interface DeliveryRow {
  carrier: string;
  service: string | null;
  originCountry: string;
  originRegion: string | null;
  destinationCountry: string;
  destinationRegion: string | null;
  shippedOn: string;
  promisedOn: string | null;
  deliveredOn: string;
  transitDays: number;
  onTime: boolean | null;
}

export interface ChangeContext {
  nowMs: number;
  policy: RefreshPolicy;
  random: () => number;
  /** The tracking's order, when it has one. */
  order: Order | null;
  /** The order's stage as last stored. */
  storedOrderStage: string | null;
  /** The current shipments of the order's other parcels (for the order stage). */
  siblingShipments: readonly Shipment[];
  shopTimeZone: string;
  history?: DeliveryHistory;
  /** The shop's delay thresholds (over the store's, over order-view's defaults). */
  delayThresholds?: DelayThresholdSettings;
}

export interface DetectedChanges {
  record: TrackingRecord;
  /** Anything the store keeps about the parcel changed (not only check times). */
  changed: boolean;
  newEvents: NewEventRow[];
  transition: TransitionRow | null;
  outbox: PendingOutboxRow[];
  delivery: DeliveryRow | null;
  /** The order's new stage, when it changed. */
  orderStage: string | null;
  plan: NextCheckPlan;
  /** The answer named the carrier of a number watched without one. */
  carrierLearned: boolean;
}

function etaKey(eta: EstimatedDelivery | null | undefined): string {
  return eta ? `${eta.from}|${eta.to}|${eta.timeKind}|${eta.source}` : '';
}

function timeOfEvent(event: TrackingEvent): CarrierTime {
  return { occurredAt: event.occurredAt, localTime: event.localTime, timeKind: event.timeKind };
}

/** The calendar date of a carrier time as the carrier wrote it (no zone conversion). */
function dateAsWritten(time: CarrierTime | null | undefined): string | null {
  const text = time?.localTime ?? time?.occurredAt ?? null;
  return text ? text.slice(0, 10) : null;
}

function outbox<T extends DomainEventType>(
  type: T,
  dedupeKey: string,
  orderId: string | null,
  payload: DomainEventPayloads[T],
): PendingOutboxRow {
  return { type, dedupeKey, orderId, payload } as PendingOutboxRow;
}

/**
 * Compares a tracker answer with what is stored and decides everything the store writes for it: the merged
 * shipment, new events (by fingerprint), the status transition (core's never-regress rule), the domain events
 * for the outbox, the finished delivery and the next check. Pure: the caller writes the result in one transaction.
 */
export function detectChanges(stored: TrackingRecord, input: IngestInput, context: ChangeContext): DetectedChanges {
  const { nowMs } = context;
  const checkedMs = input.checkedAt.getTime();
  const base = {
    ...stored,
    lastCheckedAt: Math.max(stored.lastCheckedAt ?? 0, checkedMs),
    leaseOwner: null,
    updatedAt: nowMs,
  };
  if (!input.shipment) return detectFromError(stored, base, input, context);

  const answer = input.shipment;
  const carrier = stored.carrier ?? answer.carrier;
  const fetchedMs = Date.parse(answer.fetchedAt);
  const answeredMs = Number.isNaN(fetchedMs) ? checkedMs : fetchedMs;
  const isNewer = stored.answeredAt === null || answeredMs >= stored.answeredAt;

  // Events: new ones by fingerprint; the stored snapshot keeps every event ever seen, newest first.
  const known = new Set(stored.fingerprints);
  // The answer's events once each, then (when there are new ones) the stored events the answer lacks.
  const unsortedFingerprints: string[] = [];
  const unsortedEvents: TrackingEvent[] = [];
  const seenInAnswer = new Set<string>();
  const newEvents: NewEventRow[] = [];
  for (const event of answer.events) {
    const fingerprint = eventFingerprint(carrier, stored.trackingNumber, event);
    if (seenInAnswer.has(fingerprint)) continue;
    seenInAnswer.add(fingerprint);
    unsortedFingerprints.push(fingerprint);
    unsortedEvents.push(event);
    if (!known.has(fingerprint)) newEvents.push({ fingerprint, occurredMs: eventEpochMs(event, checkedMs), event });
  }
  const storedEvents = stored.shipment?.events ?? [];
  let mergedEvents = storedEvents;
  let mergedFingerprints = stored.fingerprints;
  if (newEvents.length > 0) {
    storedEvents.forEach((event, index) => {
      const fingerprint = stored.fingerprints[index]!;
      if (!seenInAnswer.has(fingerprint)) {
        unsortedEvents.push(event);
        unsortedFingerprints.push(fingerprint);
      }
    });
    mergedEvents = sortEventsNewestFirst(unsortedEvents, true);
    // Mostly the carrier's list is already newest first: then the fingerprints are in order as they are.
    if (mergedEvents.every((event, index) => event === unsortedEvents[index])) mergedFingerprints = unsortedFingerprints;
    else {
      const byEvent = new Map<TrackingEvent, string>();
      unsortedEvents.forEach((event, index) => byEvent.set(event, unsortedFingerprints[index]!));
      mergedFingerprints = mergedEvents.map((event) => byEvent.get(event)!);
    }
  }

  // Status from every event seen, through core's rule; then never below what is stored.
  const fallbackSource = isNewer || !stored.shipment ? answer : stored.shipment;
  const derived = deriveShipmentStatus(mergedEvents, { status: fallbackSource.status, substatus: fallbackSource.substatus });
  let status = derived.status;
  let substatus = derived.substatus;
  let statusSince = derived.since;
  if (stored.shipment && status !== stored.status) {
    const probe = {
      ...(statusSince ?? { occurredAt: null, localTime: null, timeKind: 'date' as const }),
      status,
      substatus,
    } as TrackingEvent;
    const allowed = nextStatus({ status: stored.status, substatus: stored.substatus, since: stored.shipment.statusSince }, probe);
    if (!allowed) {
      status = stored.status;
      substatus = stored.substatus;
      statusSince = stored.shipment.statusSince;
    }
  }
  if (stored.shipment && status === stored.status && substatus !== stored.substatus && !isNewer && newEvents.length === 0)
    substatus = stored.substatus;

  const source = isNewer || !stored.shipment ? answer : stored.shipment;
  const { raw: _raw, ...sourceWithoutRaw } = source;
  const snapshot: Shipment = {
    ...sourceWithoutRaw,
    carrier,
    trackingNumber: stored.trackingNumber,
    events: mergedEvents,
    status,
    substatus,
    statusSince,
    deliveredAt: source.deliveredAt ?? (status === 'delivered' ? (stored.shipment?.deliveredAt ?? statusSince) : null),
  };

  const statusChanged = stored.shipment === null ? status !== stored.status || substatus !== stored.substatus : status !== stored.status;
  const substatusChanged = substatus !== stored.substatus;
  const etaChanged = isNewer && etaKey(stored.shipment?.estimatedDelivery) !== etaKey(answer.estimatedDelivery) && !FINAL.has(status);
  const newLegs = isNewer && answer.legs.length > 0 ? legsNotIn(stored.shipment?.legs ?? [], answer.legs) : [];

  const orderId = stored.orderId;
  const pending: PendingOutboxRow[] = [];
  let version = stored.version;
  let transition: TransitionRow | null = null;
  if (statusChanged) {
    version += 1;
    const occurredAt = statusSince;
    transition = { sequence: version, from: { status: stored.status, substatus: stored.substatus }, to: { status, substatus }, occurredAt };
    pending.push(
      outbox('status_changed', `${stored.id}:status_changed:${version}`, orderId, {
        from: transition.from,
        to: transition.to,
        occurredAt,
        sequence: version,
      }),
    );
    if (status === 'delivered') {
      pending.push(
        outbox('delivered', `${stored.id}:delivered:${version}`, orderId, {
          deliveredAt: snapshot.deliveredAt,
          signedBy: snapshot.signedBy,
          substatus,
        }),
      );
    }
  }
  if (status === 'exception' && (statusChanged || substatusChanged)) {
    const cause = mergedEvents.find((event) => event.status === 'exception');
    pending.push(
      outbox('exception', `${stored.id}:exception:${substatus}:${version}`, orderId, {
        substatus,
        description: cause?.description ?? null,
        occurredAt: statusSince,
      }),
    );
  }
  // Oldest first, so a reader of the outbox sees the scans in the order they happened.
  for (let index = newEvents.length - 1; index >= 0; index--) {
    const { fingerprint, event } = newEvents[index]!;
    pending.push(outbox('event_added', `${stored.id}:event_added:${fingerprint}`, orderId, { fingerprint, event }));
  }
  if (etaChanged) {
    pending.push(
      outbox('eta_changed', `${stored.id}:eta_changed:${answeredMs}:${etaKey(answer.estimatedDelivery)}`, orderId, {
        from: stored.shipment?.estimatedDelivery ?? null,
        to: answer.estimatedDelivery,
      }),
    );
  }
  for (const leg of newLegs) {
    pending.push(
      outbox('tracking_number_changed', `${stored.id}:tracking_number_changed:${leg.carrier}:${leg.trackingNumber}`, orderId, {
        carrier: leg.carrier,
        from: stored.trackingNumber,
        to: leg.trackingNumber!,
        cause: 'carrier_leg',
      }),
    );
  }

  // The order view's rules decide delays, the order's stage and whether delivery is due today.
  const timeZone = context.order?.customer.timeZone ?? stored.customer?.timeZone ?? context.shopTimeZone;
  const orderShipmentId = context.order ? stored.orderShipmentId : stored.id;
  // Building the view is the costliest step: skipped for a parcel without an order when no delay rule can fire
  // (and then its stand-in order is not built either).
  const needsView =
    context.order !== null ||
    stored.delays.length > 0 ||
    delayRulesMayApply(snapshot, nowMs, lowestDelayThresholds(context.delayThresholds));
  const facts =
    orderShipmentId && needsView
      ? viewFactsFor(
          context.order ??
            standInOrder({
              trackingId: stored.id,
              carrier,
              trackingNumber: stored.trackingNumber,
              watchedAtIso: new Date(stored.createdAt).toISOString(),
              timeZone,
              locale: stored.customer?.locale ?? 'en',
              direction: snapshot.direction,
            }),
          orderShipmentId,
          context.siblingShipments.length === 0 ? [snapshot] : [snapshot, ...context.siblingShipments],
          nowMs,
          { history: context.history, thresholds: context.delayThresholds },
        )
      : null;
  const dueDate = facts ? facts.dueDate : expectedDeliveryDate(snapshot, timeZone, nowMs);
  const delays = facts?.delays ?? [];
  const delayKinds = delays.length === 0 ? [] : [...new Set(delays.map((delay) => delay.kind))].sort();
  for (const delay of newDelays(stored.delays, delays)) {
    pending.push(
      outbox('delay_detected', `${stored.id}:delay_detected:${delay.kind}:${delay.reason}:${version}`, orderId, {
        kind: delay.kind,
        reason: delay.reason,
        detail: delay.detail,
      }),
    );
  }
  let orderStage: string | null = null;
  if (context.order && facts && facts.stage !== context.storedOrderStage) {
    orderStage = facts.stage;
    pending.push(
      outbox(
        'order_stage_changed',
        `order:${stored.shopId}:${context.order.id}:stage:${context.storedOrderStage ?? 'none'}>${facts.stage}:${stored.id}:${version}`,
        orderId,
        {
          from: context.storedOrderStage,
          to: facts.stage,
        },
      ),
    );
  }

  const delivery =
    statusChanged && status === 'delivered' && snapshot.direction === 'outbound'
      ? deliveryOf(snapshot, carrier, context.order, stored.orderShipmentId)
      : null;

  const wasFinal = FINAL.has(stored.status) && stored.shipment !== null;
  const isFinal = FINAL.has(status);
  const finishedAt = isFinal ? (wasFinal && stored.finishedAt !== null ? stored.finishedAt : nowMs) : null;
  const confirmationDone =
    isFinal && wasFinal && stored.finishedAt !== null && nowMs >= stored.finishedAt + context.policy.confirmationCheckAfterMs / 2;
  const plan = planNextCheck(
    {
      status,
      lastAnswer: 'shipment',
      expectedDeliveryDate: dueDate,
      timeZone,
      watchedBy: stored.watchedBy,
      watchedAtMs: stored.createdAt,
      notFoundCount: 0,
      errorCount: 0,
      everFound: true,
      finishedAtMs: finishedAt,
      confirmationDone,
    },
    nowMs,
    context.policy,
    context.random,
  );
  const keepStopped = stored.stoppedReason !== null && stored.stoppedReason !== 'finished' && stored.stoppedReason !== 'not_found';
  const snapshotChanged =
    stored.shipment === null || newEvents.length > 0 || statusChanged || substatusChanged || etaChanged || newLegs.length > 0;
  const delaysChanged = delayKinds.length !== stored.delays.length || delayKinds.some((kind, index) => kind !== stored.delays[index]);

  const record: TrackingRecord = {
    ...base,
    carrier,
    status,
    substatus,
    shipment: snapshotChanged ? snapshot : stored.shipment,
    fingerprints: snapshotChanged ? mergedFingerprints : stored.fingerprints,
    answeredAt: Math.max(stored.answeredAt ?? 0, answeredMs),
    nextCheckAt: keepStopped ? null : plan.nextCheckAtMs,
    stoppedReason: keepStopped ? stored.stoppedReason : plan.stoppedReason,
    delays: delayKinds,
    notFoundCount: 0,
    errorCount: 0,
    version,
    finishedAt,
    confirmationDone,
  };
  return {
    record,
    changed: snapshotChanged || delaysChanged,
    newEvents,
    transition,
    outbox: pending,
    delivery,
    orderStage,
    plan,
    carrierLearned: stored.carrier === null,
  };
}

const HOUR = 3_600_000;
/** Local and date-only times are read as UTC when ordering: up to 14 h off either way. */
const ZONE_SLACK_MS = 14 * HOUR;
const STALLS_WHEN_SILENT: ReadonlySet<ShipmentStatus> = new Set(['in_transit', 'out_for_delivery', 'returning']);
const NOT_YET_COLLECTED: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received']);

const THRESHOLD_FIELDS = Object.keys(DEFAULT_DELAY_THRESHOLDS) as Array<keyof DelayThresholds>;
const lowestCache = new WeakMap<DelayThresholdSettings, DelayThresholds>();

/** Each threshold at its lowest over every level of the settings (default, carriers, services): safe for any parcel. */
export function lowestDelayThresholds(settings: DelayThresholdSettings | undefined): DelayThresholds {
  if (!settings) return DEFAULT_DELAY_THRESHOLDS;
  const cached = lowestCache.get(settings);
  if (cached) return cached;
  const levels: Array<Partial<DelayThresholds>> = [settings.default ?? {}];
  for (const { services, ...carrier } of Object.values(settings.carriers ?? {})) levels.push(carrier, ...Object.values(services ?? {}));
  const lowest = { ...DEFAULT_DELAY_THRESHOLDS };
  for (const field of THRESHOLD_FIELDS) {
    // Defaults count only where some level leaves the field unset (then the default applies there).
    const values = levels.map((level) => level[field]).filter((value): value is number => value !== undefined);
    const defaultApplies = values.length < levels.length || levels.length === 0;
    lowest[field] = Math.min(...values, ...(defaultApplies ? [DEFAULT_DELAY_THRESHOLDS[field]] : []));
  }
  lowestCache.set(settings, lowest);
  return lowest;
}

/**
 * A conservative pre-check of the order view's delay rules (`detect-delays.ts`): false only when none of them
 * can fire (not an exception or carrier delay, not silent for the shortest stall threshold, not waiting for
 * pickup for the never-scanned threshold, not past the carrier's estimate). When in doubt, the view decides.
 * `thresholds` must be at most the ones the view will use (`lowestDelayThresholds`).
 */
export function delayRulesMayApply(shipment: Shipment, nowMs: number, thresholds: DelayThresholds = DEFAULT_DELAY_THRESHOLDS): boolean {
  if (shipment.status === 'exception' || shipment.substatus.startsWith('delayed')) return true;
  if (STALLS_WHEN_SILENT.has(shipment.status)) {
    const newest = shipment.events[0];
    const silentFor = newest ? nowMs - approximateEpochMs(newest) : Number.POSITIVE_INFINITY;
    const threshold =
      shipment.status === 'out_for_delivery'
        ? thresholds.stalledOutForDeliveryHours
        : Math.min(thresholds.stalledInTransitHours, thresholds.stalledInternationalHours);
    // An instant is exact; a local or date-only time may be off by a zone either way.
    const slack = newest?.timeKind === 'instant' ? 0 : ZONE_SLACK_MS;
    if (silentFor >= threshold * HOUR - slack) return true;
  }
  if (NOT_YET_COLLECTED.has(shipment.status) && shipment.events.length > 0) {
    const labelMs = approximateEpochMs(shipment.events[shipment.events.length - 1]!);
    // N business days are at least N calendar days.
    if (nowMs - labelMs >= thresholds.neverScannedBusinessDays * 24 * HOUR - ZONE_SLACK_MS) return true;
  }
  const eta = shipment.estimatedDelivery;
  const last = eta ? (eta.to ?? eta.from) : null;
  if (last && !FINAL.has(shipment.status)) {
    const dueDayStart = Date.parse(`${last.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(dueDayStart) || nowMs >= dueDayStart + 24 * HOUR - ZONE_SLACK_MS) return true;
  }
  return false;
}

/** The expected delivery day without building the view: the carrier's estimate, or today when out for delivery. */
function expectedDeliveryDate(shipment: Shipment, timeZone: string, nowMs: number): string | null {
  const eta = shipment.estimatedDelivery;
  const last = eta ? (eta.to ?? eta.from) : null;
  if (eta && last) return eta.timeKind === 'instant' ? localDate(Date.parse(last), timeZone) : last.slice(0, 10);
  return shipment.status === 'out_for_delivery' ? localDate(nowMs, timeZone) : null;
}

/** The answer's legs with a tracking number not among the stored legs (by carrier and number). */
function legsNotIn(storedLegs: Shipment['legs'], answerLegs: Shipment['legs']): Shipment['legs'] {
  const storedNumbers = new Set(storedLegs.map((leg) => `${leg.carrier}:${leg.trackingNumber}`));
  return answerLegs.filter((leg) => leg.trackingNumber && !storedNumbers.has(`${leg.carrier}:${leg.trackingNumber}`));
}

function newDelays(storedKinds: readonly DelayKind[], delays: readonly DetectedDelay[]): DetectedDelay[] {
  const known = new Set(storedKinds);
  const seen = new Set<string>();
  return delays.filter((delay) => {
    if (known.has(delay.kind) || seen.has(delay.kind)) return false;
    seen.add(delay.kind);
    return true;
  });
}

function detectFromError(stored: TrackingRecord, base: TrackingRecord, input: IngestInput, context: ChangeContext): DetectedChanges {
  const notFound = input.error?.code === 'not_found';
  const everFound = stored.shipment !== null;
  const notFoundCount = notFound ? stored.notFoundCount + 1 : stored.notFoundCount;
  const errorCount = notFound && !everFound ? 0 : stored.errorCount + 1;
  const plan = planNextCheck(
    {
      status: stored.status,
      lastAnswer: notFound ? 'not_found' : 'error',
      expectedDeliveryDate: null,
      timeZone: stored.customer?.timeZone ?? context.shopTimeZone,
      watchedBy: stored.watchedBy,
      watchedAtMs: stored.createdAt,
      notFoundCount,
      errorCount,
      everFound,
      finishedAtMs: stored.finishedAt,
      confirmationDone: stored.confirmationDone,
    },
    context.nowMs,
    context.policy,
    context.random,
  );
  const keepStopped = stored.stoppedReason !== null;
  const record: TrackingRecord = {
    ...base,
    notFoundCount,
    errorCount,
    nextCheckAt: keepStopped ? null : plan.nextCheckAtMs,
    stoppedReason: keepStopped ? stored.stoppedReason : plan.stoppedReason,
  };
  return {
    record,
    changed: false,
    newEvents: [],
    transition: null,
    outbox: [],
    delivery: null,
    orderStage: null,
    plan,
    carrierLearned: false,
  };
}

/** The compact history row for ETA prediction and carrier performance; null when the lane cannot be placed. */
function deliveryOf(shipment: Shipment, carrier: string, order: Order | null, orderShipmentId: string | null): DeliveryRow | null {
  const orderShipment = order?.shipments.find((candidate) => candidate.id === orderShipmentId) ?? null;
  const originCountry = shipment.origin?.countryCode ?? orderShipment?.origin?.countryCode ?? null;
  const destinationCountry = shipment.destination?.countryCode ?? order?.shippingAddress?.countryCode ?? null;
  // Shipped = the first scan with the carrier (oldest in-transit or later event), else the shop's shipped time.
  let shippedOn: string | null = null;
  for (let index = shipment.events.length - 1; index >= 0; index--) {
    const event = shipment.events[index]!;
    if (event.status !== 'pending' && event.status !== 'info_received' && event.status !== 'unknown') {
      shippedOn = dateAsWritten(timeOfEvent(event));
      break;
    }
  }
  shippedOn ??= orderShipment?.shippedAt?.slice(0, 10) ?? null;
  const deliveredOn = dateAsWritten(shipment.deliveredAt ?? shipment.statusSince);
  if (!originCountry || !destinationCountry || !shippedOn || !deliveredOn) return null;
  const transitDays = transitBusinessDays(shippedOn, deliveredOn);
  if (transitDays === null) return null;
  const promisedOn = order?.promisedDeliveryDate ?? null;
  return {
    carrier,
    service: shipment.service?.code ?? orderShipment?.service?.code ?? null,
    originCountry,
    originRegion: shipment.origin?.region ?? orderShipment?.origin?.region ?? null,
    destinationCountry,
    destinationRegion: shipment.destination?.region ?? order?.shippingAddress?.region ?? null,
    shippedOn,
    promisedOn,
    deliveredOn,
    transitDays,
    onTime: promisedOn ? deliveredOn <= promisedOn : null,
  };
}

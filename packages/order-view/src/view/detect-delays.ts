import type { CarrierTime, ShipmentStatus, Substatus } from '@wismo/core';
import type { Age, Delay } from '../order-view-schema';
import { businessDaysBetween, calendarDaysBetween, type CalendarDate } from '../time/calendar-date';
import type { DelayThresholds } from './delay-thresholds';

const CARRIER_REPORTED_DELAYS: ReadonlySet<Substatus> = new Set(['delayed', 'delayed_weather', 'delayed_carrier_issue', 'delayed_volume']);
const STALLS_WHEN_SILENT: ReadonlySet<ShipmentStatus> = new Set(['in_transit', 'out_for_delivery', 'returning']);
const NOT_YET_COLLECTED: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received']);
const FINISHED: ReadonlySet<ShipmentStatus> = new Set(['delivered', 'returning', 'returned', 'cancelled']);
/** A parcel that will never arrive is not "late": the exception says what happened. */
export const WILL_NOT_ARRIVE: ReadonlySet<Substatus> = new Set(['lost', 'disposed', 'rejected_by_carrier']);

export interface ParcelDelayInput {
  parcelId: string;
  direction: 'outbound' | 'return';
  tracking: 'tracked' | 'no_tracking_number' | 'no_tracking_result';
  status: ShipmentStatus;
  substatus: Substatus;
  statusSince: CarrierTime | null;
  lastScanAge: Age | null;
  /** Label date (first pre-transit scan, else the shop's `shippedAt`), in the customer's calendar. */
  labelCreatedOn: CalendarDate | null;
  /** The last day of the carrier's own estimate, in the customer's calendar. */
  carrierEtaDueDate: CalendarDate | null;
  promisedDeliveryDate: CalendarDate | null;
  deliveredAt: CarrierTime | null;
  hoursSinceDelivery: number | null;
  notReceivedReported: boolean;
  international: boolean;
  /** A cancelled order voids its promise and its labels: no "late" and no "never scanned". */
  orderCancelled: boolean;
  today: CalendarDate;
  thresholds: DelayThresholds;
}

/**
 * The delay rules, each with its reason:
 * 1. carrier exception — the parcel's status is `exception` (reason: the substatus);
 * 2. carrier delay — the carrier itself reports a delay (`delayed_*` substatus);
 * 3. stalled — in transit, out for delivery or returning and no scan for the threshold (the lower bound of
 *    the scan's age when the carrier gave no offset, so a parcel is never called stalled too early);
 * 4. never scanned — labelled (or marked shipped by the shop) and not picked up more than N business days
 *    after the label date (outbound only: a customer may keep a return label for a while);
 * 5. late — past the promised date, or past the last day of the carrier's estimate, and not delivered;
 * 6. not received — the agent flagged a delivered parcel as not received by the customer.
 */
export function detectParcelDelays(input: ParcelDelayInput): Delay[] {
  const delays: Delay[] = [];
  const { parcelId, status, substatus, thresholds, today } = input;
  const outbound = input.direction === 'outbound';

  if (status === 'exception') delays.push({ kind: 'carrier_exception', reason: substatus, parcelId, since: input.statusSince });
  if (CARRIER_REPORTED_DELAYS.has(substatus)) delays.push({ kind: 'carrier_delay', reason: substatus, parcelId, since: input.statusSince });

  if (input.tracking === 'tracked' && STALLS_WHEN_SILENT.has(status) && input.lastScanAge) {
    const thresholdHours =
      status === 'out_for_delivery'
        ? thresholds.stalledOutForDeliveryHours
        : input.international
          ? thresholds.stalledInternationalHours
          : thresholds.stalledInTransitHours;
    if (input.lastScanAge.minimumHours >= thresholdHours) {
      delays.push({
        kind: 'stalled',
        reason: 'no_scan_while_moving',
        parcelId,
        hoursWithoutScan: input.lastScanAge.minimumHours,
        thresholdHours,
        status,
      });
    }
  }

  const waitingForPickup = input.tracking === 'no_tracking_result' || (input.tracking === 'tracked' && NOT_YET_COLLECTED.has(status));
  if (outbound && !input.orderCancelled && waitingForPickup && input.labelCreatedOn) {
    const businessDaysWaiting = businessDaysBetween(input.labelCreatedOn, today);
    if (businessDaysWaiting > thresholds.neverScannedBusinessDays) {
      delays.push({
        kind: 'never_scanned',
        reason: 'label_not_picked_up',
        parcelId,
        labelCreatedOn: input.labelCreatedOn,
        businessDaysWaiting,
        thresholdBusinessDays: thresholds.neverScannedBusinessDays,
      });
    }
  }

  if (outbound && !input.orderCancelled && !FINISHED.has(status) && !WILL_NOT_ARRIVE.has(substatus)) {
    if (input.promisedDeliveryDate && today > input.promisedDeliveryDate) {
      delays.push({
        kind: 'late',
        reason: 'past_promised_date',
        parcelId,
        dueDate: input.promisedDeliveryDate,
        daysLate: calendarDaysBetween(input.promisedDeliveryDate, today),
      });
    }
    if (input.carrierEtaDueDate && today > input.carrierEtaDueDate) {
      delays.push({
        kind: 'late',
        reason: 'past_carrier_estimate',
        parcelId,
        dueDate: input.carrierEtaDueDate,
        daysLate: calendarDaysBetween(input.carrierEtaDueDate, today),
      });
    }
  }

  if (status === 'delivered' && input.notReceivedReported) {
    delays.push({
      kind: 'not_received_reported',
      reason: 'agent_flag',
      parcelId,
      deliveredAt: input.deliveredAt,
      hoursSinceDelivery: input.hoursSinceDelivery,
    });
  }
  return delays;
}

/** An order promised for a date that has passed while items have not even left. */
export function detectOrderDelays(input: {
  promisedDeliveryDate: CalendarDate | null;
  today: CalendarDate;
  itemsNotShipped: boolean;
  cancelled: boolean;
}): Delay[] {
  if (input.cancelled || !input.itemsNotShipped || !input.promisedDeliveryDate || input.today <= input.promisedDeliveryDate) return [];
  return [
    {
      kind: 'late',
      reason: 'past_promised_date',
      parcelId: null,
      dueDate: input.promisedDeliveryDate,
      daysLate: calendarDaysBetween(input.promisedDeliveryDate, input.today),
    },
  ];
}

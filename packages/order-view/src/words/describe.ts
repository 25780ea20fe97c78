import type { Delay, Eta, NextAction, OrderActor, OrderStage, OrderView, ParcelView, TimelineEntry } from '../order-view-schema';
import { customerDateOf, customerTimeOf } from '../view/customer-time';
import { formatMessage } from './format-message';
import { formatAge, formatCustomerTime, formatDay, formatDayRange, formatPlace, textContextFor, type TextContext } from './format-time';
import { negotiateLanguage } from './languages';
import { anythingShipped, cancelledBeforeShipping } from './order-facts';
import { MESSAGE_CATALOGUES, type MessageKey } from './messages';

export function describeStage(stage: OrderStage, locale: string): string {
  return formatMessage(negotiateLanguage(locale), `stage.${stage}`);
}

export function describeActor(actor: OrderActor, locale: string): string {
  return formatMessage(negotiateLanguage(locale), `actor.${actor}`);
}

export function findParcel(view: OrderView, parcelId: string): ParcelView {
  const parcel = view.parcels.find((candidate) => candidate.id === parcelId);
  if (!parcel) throw new RangeError(`Order ${view.order.number} has no parcel ${parcelId}`);
  return parcel;
}

/** An ETA as a short range of days in the customer's calendar ("Tue, 31 Mar – Thu, 2 Apr"). */
export function formatEtaDays(eta: Eta, context: TextContext): string | null {
  const toDate = (value: string | null) =>
    value === null
      ? null
      : customerDateOf(
          eta.timeKind === 'instant'
            ? { occurredAt: value, localTime: null, timeKind: 'instant' }
            : { occurredAt: null, localTime: value, timeKind: eta.timeKind },
          context.timeZone,
        );
  const from = toDate(eta.from) ?? toDate(eta.to);
  const to = toDate(eta.to) ?? from;
  if (!from || !to) return null;
  return formatDayRange(from, to < from ? from : to, context);
}

function reasonLabel(reason: string, context: TextContext): string {
  const key = `reason.${reason}`;
  return formatMessage(context.language, key in MESSAGE_CATALOGUES.en ? (key as MessageKey) : 'reason.other');
}

/** One delay with its reason, for the agent. */
export function describeDelay(view: OrderView, delay: Delay, locale?: string): string {
  const context = textContextFor(view, locale);
  switch (delay.kind) {
    case 'stalled':
      return formatMessage(context.language, 'delay.stalled', { hours: delay.hoursWithoutScan, threshold: delay.thresholdHours });
    case 'never_scanned':
      return formatMessage(context.language, 'delay.never_scanned', {
        date: formatDay(delay.labelCreatedOn, context),
        days: delay.businessDaysWaiting,
      });
    case 'late':
      return formatMessage(context.language, 'delay.late', {
        days: delay.daysLate,
        reason: delay.reason,
        date: formatDay(delay.dueDate, context),
      });
    case 'carrier_exception':
      return formatMessage(context.language, 'delay.carrier_exception', { reason: reasonLabel(delay.reason, context) });
    case 'carrier_delay':
      return formatMessage(context.language, 'delay.carrier_delay', { reason: reasonLabel(delay.reason, context) });
    case 'not_received_reported':
      return formatMessage(context.language, 'delay.not_received_reported', {
        when: delay.deliveredAt ? formatCustomerTime(customerTimeOf(delay.deliveredAt, context.timeZone), context) : '?',
      });
  }
}

/** The agent's next step in words, with its date, place, deadline and carrier contact filled in. */
export function describeNextAction(view: OrderView, locale?: string, action: NextAction = view.nextAction): string {
  const context = textContextFor(view, locale);
  const parameters = action.parameters;
  const contact = [parameters.carrierPhone, parameters.carrierUrl].filter((value): value is string => Boolean(value)).join(', ');
  const eta = parameters.eta ? formatEtaDays(parameters.eta, context) : null;
  return formatMessage(context.language, `action.${action.id}`, {
    carrier: parameters.carrierName ?? '',
    contact,
    hasContact: contact ? 'yes' : 'no',
    trackingNumber: parameters.trackingNumber ?? '',
    place: parameters.place ?? '',
    hasPlace: parameters.place ? 'yes' : 'no',
    deadline: parameters.deadline ? formatDay(parameters.deadline, context) : '',
    hasDeadline: parameters.deadline ? 'yes' : 'no',
    date: parameters.date ? formatDay(parameters.date, context) : '',
    nothingShipped: anythingShipped(view) ? 'no' : 'yes',
    hasDate: parameters.date ? 'yes' : 'no',
    eta: eta ?? '',
    hasEta: eta ? 'yes' : 'no',
  });
}

/** "DHL 00340434161094015902 · In transit · last scan 5 hours ago, Leipzig · expected Tue, 31 Mar · Stalled" */
export function statusLine(view: OrderView, parcelId: string, locale?: string): string {
  const context = textContextFor(view, locale);
  const parcel = findParcel(view, parcelId);
  // A handed-over parcel shows its whole journey: "DHL eCommerce GM… → USPS 9261…".
  const legs = parcel.legs.length > 1 ? parcel.legs : [{ carrierName: parcel.carrierName, trackingNumber: parcel.trackingNumber }];
  const parts = [legs.map((leg) => (leg.trackingNumber ? `${leg.carrierName} ${leg.trackingNumber}` : leg.carrierName)).join(' → ')];
  const statusKey: MessageKey = cancelledBeforeShipping(view, parcel)
    ? 'status.cancelled_before_shipping'
    : parcel.tracking === 'tracked'
      ? `status.${parcel.status}`
      : `status.${parcel.tracking}`;
  const status = formatMessage(context.language, statusKey);
  // An exception or a carrier-reported delay shows its reason beside the status ("Exception (lost)").
  const reasonDelay = parcel.delays.find((delay) => delay.kind === 'carrier_exception' || delay.kind === 'carrier_delay');
  parts.push(
    reasonDelay
      ? formatMessage(context.language, 'statusLine.statusWithReason', { status, reason: reasonLabel(reasonDelay.reason, context) })
      : status,
  );
  if (parcel.lastScan?.age) {
    const place = formatPlace(parcel.lastScan.location, context);
    const age = formatAge(parcel.lastScan.age, context);
    parts.push(
      place
        ? formatMessage(context.language, 'statusLine.lastScanAt', { age, place })
        : formatMessage(context.language, 'statusLine.lastScan', { age }),
    );
  }
  const range = parcel.eta ? formatEtaDays(parcel.eta, context) : null;
  if (parcel.eta && range) parts.push(formatMessage(context.language, 'statusLine.eta', { source: parcel.eta.source, range }));
  for (const kind of new Set(parcel.delays.map((delay) => delay.kind))) {
    if (kind !== 'carrier_exception') parts.push(formatMessage(context.language, `delayLabel.${kind}`));
  }
  return parts.join(' · ');
}

export interface TimelineLine {
  /** When, for the customer: their zone for instants, the carrier's local time otherwise. */
  when: string;
  /** Why the time reads as it does, when it is not in the customer's zone. */
  note: string | null;
  /** The carrier's name for scans; null for the shop's milestones. */
  source: string | null;
  parcelId: string | null;
  /** The carrier's own words, or the milestone. */
  text: string;
  place: string | null;
}

export function describeTimelineEntry(
  view: OrderView,
  entry: TimelineEntry,
  context: TextContext,
  carrierNames: ReadonlyMap<string, string>,
): TimelineLine {
  const note =
    entry.customerTime.shownAs === 'carrier_local_time'
      ? formatMessage(context.language, 'time.localTimeNote')
      : entry.customerTime.shownAs === 'date_only'
        ? formatMessage(context.language, 'time.dateOnlyNote')
        : null;
  const text =
    entry.kind === 'milestone'
      ? formatMessage(context.language, `timeline.${entry.milestone!}`)
      : entry.description || (entry.status ? formatMessage(context.language, `status.${entry.status}`) : '');
  return {
    // The note says "local time" once, beside the time, rather than inside it.
    when: formatCustomerTime(entry.customerTime, context, { markLocalTime: false }),
    note,
    source: entry.carrier ? (carrierNames.get(entry.carrier) ?? entry.carrier) : null,
    parcelId: entry.parcelId,
    text,
    place: formatPlace(entry.location, context),
  };
}

/** The merged timeline as lines for people, newest first. */
export function formatTimeline(view: OrderView, locale?: string): TimelineLine[] {
  const context = textContextFor(view, locale);
  const carrierNames = new Map<string, string>();
  for (const parcel of view.parcels) for (const leg of parcel.legs) carrierNames.set(leg.carrier, leg.carrierName);
  return view.timeline.map((entry) => describeTimelineEntry(view, entry, context, carrierNames));
}

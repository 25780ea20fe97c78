import type { Substatus } from '@wismo/core';
import type { Delay, Eta, NextAction, NextActionId, OrderStage, OrderView, ParcelView } from '../order-view-schema';
import type { CalendarDate } from '../time/calendar-date';
import { wallClockInZone } from '../time/time-zone';
import { customerDateOf } from '../view/customer-time';
import { WILL_NOT_ARRIVE } from '../view/detect-delays';
import { formatMessage, type MessageValues } from './format-message';
import { formatClock, formatCustomerTime, formatDay, formatItems, formatPlace, textContextFor, type TextContext } from './format-time';
import type { MessageKey } from './messages';
import { anythingShipped, notHandedOver, orderIsCancelled } from './order-facts';

/** Which sentence tells what a parcel is doing, by substatus (outbound parcels that the carrier is moving). */
const MOVING_PHRASES: Partial<Record<Substatus, MessageKey>> = {
  picked_up: 'answer.parcel.picked_up',
  departed_origin_country: 'answer.parcel.departed_origin_country',
  arrived_in_destination_country: 'answer.parcel.arrived_in_destination_country',
  handed_over_to_carrier: 'answer.parcel.handed_over_to_carrier',
  customs_processing: 'answer.parcel.customs_processing',
  customs_cleared: 'answer.parcel.customs_cleared',
  delayed: 'answer.parcel.delayed',
  delayed_weather: 'answer.parcel.delayed',
  delayed_carrier_issue: 'answer.parcel.delayed',
  delayed_volume: 'answer.parcel.delayed',
  delivery_rescheduled: 'answer.parcel.delivery_rescheduled',
  delivery_appointment_scheduled: 'answer.parcel.delivery_appointment_scheduled',
  rerouted: 'answer.parcel.rerouted',
  missorted: 'answer.parcel.missorted',
};

const DELIVERED_PHRASES: Partial<Record<Substatus, MessageKey>> = {
  delivered_to_neighbour: 'answer.parcel.delivered_to_neighbour',
  delivered_to_safe_place: 'answer.parcel.delivered_to_safe_place',
  delivered_to_mailbox: 'answer.parcel.delivered_to_mailbox',
  delivered_to_locker_or_parcel_shop: 'answer.parcel.delivered_to_locker_or_parcel_shop',
  picked_up_by_recipient: 'answer.parcel.picked_up_by_recipient',
  signature_obtained: 'answer.parcel.signature_obtained',
};

const EXCEPTION_PHRASES: Partial<Record<Substatus, MessageKey>> = {
  held_by_carrier: 'answer.parcel.held_by_carrier',
  customs_held: 'answer.parcel.customs_held',
  customs_documents_needed: 'answer.parcel.customs_documents_needed',
  customs_recipient_information_needed: 'answer.parcel.customs_recipient_information_needed',
  customs_duties_unpaid: 'answer.parcel.customs_duties_unpaid',
  held_for_payment: 'answer.parcel.held_for_payment',
  address_problem: 'answer.parcel.address_problem',
  damaged: 'answer.parcel.damaged',
  lost: 'answer.parcel.lost',
  rejected_by_carrier: 'answer.parcel.rejected_by_carrier',
  disposed: 'answer.parcel.disposed',
};

const ATTEMPT_REASONS: Partial<Record<Substatus, string>> = {
  attempt_failed_recipient_absent: 'recipient_absent',
  attempt_failed_business_closed: 'business_closed',
  attempt_failed_no_access: 'no_access',
};

/** Actions the customer can take themselves: the answer tells them how. */
const CUSTOMER_STEPS: Partial<Record<NextActionId, MessageKey>> = {
  ask_customer_to_collect: 'answer.step.ask_customer_to_collect',
  ask_customer_to_rearrange_delivery: 'answer.step.ask_customer_to_rearrange_delivery',
  confirm_address_with_customer: 'answer.step.confirm_address_with_customer',
  ask_customer_to_pay_charges: 'answer.step.ask_customer_to_pay_charges',
  ask_customer_for_customs_information: 'answer.step.ask_customer_for_customs_information',
  check_delivery_place_with_customer: 'answer.step.check_delivery_place_with_customer',
  remind_customer_to_send_return: 'answer.step.remind_customer_to_send_return',
};

/** Actions the shop takes about a problem: the answer says what we do and whether the customer need do anything. */
const SHOP_STEPS: Partial<Record<NextActionId, MessageKey>> = {
  send_customs_documents: 'answer.weAct.send_customs_documents',
  offer_reshipment_or_refund: 'answer.weAct.offer_reshipment_or_refund',
  process_return_refund: 'answer.weAct.process_return_refund',
};

/**
 * Someone other than the customer must act (the carrier, customs, our warehouse): the customer is told there is
 * nothing for them to do. Plain waits while everything runs its course say nothing of the kind.
 */
const OTHERS_ACT: ReadonlySet<NextActionId> = new Set([
  'open_carrier_trace',
  'check_handover_with_warehouse',
  'apologise_and_share_estimate',
  'wait_for_customs',
]);

/** The sentence for what the parcel is doing, and the key it uses. */
export function parcelStateKey(parcel: ParcelView): MessageKey {
  const { status, substatus } = parcel;
  if (parcel.direction === 'return') {
    if (status === 'exception') return EXCEPTION_PHRASES[substatus] ?? 'answer.parcel.carrier_exception';
    if (status === 'delivered' || status === 'returned') return 'answer.parcel.return_arrived';
    if (parcel.tracking !== 'tracked' || status === 'pending' || status === 'info_received' || status === 'cancelled')
      return 'answer.parcel.return_not_sent';
    return 'answer.parcel.return_on_its_way';
  }
  if (parcel.tracking === 'no_tracking_number') return 'answer.parcel.being_packed';
  if (parcel.tracking === 'no_tracking_result') return 'answer.parcel.awaiting_pickup';
  switch (status) {
    case 'pending':
    case 'info_received':
      return substatus === 'pickup_scheduled' ? 'answer.parcel.pickup_scheduled' : 'answer.parcel.awaiting_pickup';
    case 'in_transit':
      return MOVING_PHRASES[substatus] ?? 'answer.parcel.in_transit';
    case 'unknown':
      return 'answer.parcel.in_transit';
    case 'out_for_delivery':
      return 'answer.parcel.out_for_delivery';
    case 'available_for_pickup':
      return 'answer.parcel.ready_for_pickup';
    case 'attempt_failed':
      if (substatus === 'attempt_failed_refused') return 'answer.parcel.refused';
      if (substatus === 'attempt_failed_address_issue') return 'answer.parcel.attempt_failed_address';
      return 'answer.parcel.attempt_failed';
    case 'delivered':
      return DELIVERED_PHRASES[substatus] ?? 'answer.parcel.delivered';
    case 'exception':
      return EXCEPTION_PHRASES[substatus] ?? 'answer.parcel.carrier_exception';
    case 'returning':
      return 'answer.parcel.returning_undeliverable';
    case 'returned':
      return 'answer.parcel.returned_undeliverable';
    case 'cancelled':
      return 'answer.parcel.cancelled';
  }
}

function nextCarrierName(parcel: ParcelView): string {
  const current = parcel.legs.findIndex((leg) => leg.current);
  return parcel.legs[current + 1]?.carrierName ?? parcel.carrierName;
}

function parcelStateValues(parcel: ParcelView, subject: string, context: TextContext): MessageValues {
  const statusDate = parcel.statusSince ? customerDateOf(parcel.statusSince, context.timeZone) : null;
  const place = parcel.nextAction.parameters.place;
  const deadline = parcel.nextAction.parameters.deadline;
  // Where a held parcel is: the place of the carrier's latest scan (the customs office, for a customs hold).
  const heldAt =
    parcel.status === 'exception' || parcel.substatus === 'customs_processing'
      ? formatPlace(parcel.lastScan?.location ?? null, context)
      : null;
  return {
    // Languages that put the agent first ("DHL entregó su paquete…") need the subject inside the sentence.
    subjectMidSentence: subject.charAt(0).toLocaleLowerCase(context.locale) + subject.slice(1),
    heldAt: heldAt ?? '',
    hasHeldAt: heldAt ? 'yes' : 'no',
    subject,
    carrier: parcel.carrierName,
    nextCarrier: nextCarrierName(parcel),
    reason: ATTEMPT_REASONS[parcel.substatus] ?? parcel.substatus,
    today: statusDate === context.today ? 'yes' : 'no',
    day: statusDate ? formatDay(statusDate, context) : '',
    when: parcel.delivered ? formatCustomerTime(parcel.delivered.customerTime, context) : '',
    place: place ?? '',
    hasPlace: place && parcel.status === 'available_for_pickup' ? 'yes' : 'no',
    deadline: deadline ? formatDay(deadline, context) : '',
    hasDeadline: deadline ? 'yes' : 'no',
    signer: parcel.delivered?.signedBy ?? '',
    hasSigner: parcel.delivered?.signedBy ? 'yes' : 'no',
  };
}

function etaSentence(parcel: ParcelView, context: TextContext): string | null {
  const eta = parcel.eta;
  if (!eta || parcel.direction !== 'outbound') return null;
  const showable =
    parcel.tracking !== 'tracked' || ['pending', 'info_received', 'in_transit', 'out_for_delivery', 'unknown'].includes(parcel.status);
  if (!showable) return null;
  if (eta.source === 'predicted') {
    if (!eta.from || !eta.to || eta.basis?.kind === 'out_for_delivery_today') return null;
    // The prediction comes from the history of the carrier the shop booked (the first leg).
    const values = {
      carrier: parcel.legs[0]?.carrierName ?? parcel.carrierName,
      from: formatDay(eta.from, context),
      to: formatDay(eta.to, context),
    };
    return formatMessage(context.language, eta.from === eta.to ? 'answer.eta.predictedDay' : 'answer.eta.predictedRange', values);
  }
  const from = etaPoint(eta.from, eta.timeKind, context) ?? etaPoint(eta.to, eta.timeKind, context);
  const to = etaPoint(eta.to, eta.timeKind, context) ?? from;
  if (!from || !to) return null;
  const carrier = parcel.carrierName;
  if (from.date === to.date && from.clock && to.clock && from.clock !== to.clock) {
    return formatMessage(context.language, 'answer.eta.carrierWindow', {
      carrier,
      day: formatDay(from.date, context),
      from: formatClock(from.clock, context),
      to: formatClock(to.clock, context),
    });
  }
  if (from.date === to.date)
    return formatMessage(context.language, 'answer.eta.carrierDay', { carrier, day: formatDay(from.date, context) });
  return formatMessage(context.language, 'answer.eta.carrierRange', {
    carrier,
    from: formatDay(from.date, context),
    to: formatDay(to.date, context),
  });
}

/** One end of a carrier estimate: an instant becomes the customer's wall clock; a local time or date stays as written. */
function etaPoint(
  value: string | null,
  timeKind: Eta['timeKind'],
  context: TextContext,
): { date: CalendarDate; clock: string | null } | null {
  if (value === null) return null;
  if (timeKind === 'instant') {
    const epoch = Date.parse(value);
    if (Number.isNaN(epoch)) return null;
    const wall = wallClockInZone(epoch, context.timeZone);
    return { date: wall.date, clock: wall.time.slice(0, 5) };
  }
  const date = value.slice(0, 10);
  return { date, clock: timeKind === 'local' && value.length >= 16 ? value.slice(11, 16) : null };
}

function showsLastUpdate(parcel: ParcelView): boolean {
  if (!parcel.lastScan) return false;
  if (parcel.delays.some((delay) => delay.kind === 'stalled')) return true;
  return parcel.status === 'in_transit' || parcel.status === 'returning' || parcel.status === 'unknown';
}

function customerContact(parcel: ParcelView): { contactKind: string; contact: string } {
  const { carrierUrl, carrierPhone } = parcel.nextAction.parameters;
  // A website lets the customer act at any hour; a phone number is the fallback.
  if (carrierUrl) return { contactKind: 'url', contact: carrierUrl };
  if (carrierPhone) return { contactKind: 'phone', contact: carrierPhone };
  return { contactKind: 'none', contact: '' };
}

// Where the carrier's own note on the delivery place tells more than the sentence already does.
const PLACE_WORTH_QUOTING: ReadonlySet<Substatus> = new Set(['delivered', 'delivered_to_neighbour', 'delivered_to_safe_place']);

/**
 * Whether the customer must do something about a parcel, and what: their own step when they must act, what the
 * shop does when it acts, "nothing to do" when the carrier, customs or our warehouse must; null while the
 * parcel simply runs its course.
 */
function whoActsSentence(parcel: ParcelView, scope: 'parcel' | 'order', context: TextContext): string | null {
  const action = parcel.nextAction;
  const say = (key: MessageKey, values: MessageValues = {}) => formatMessage(context.language, key, values);
  const carrier = parcel.carrierName;
  // Customs documents come from whoever sent the parcel: the shop, or the customer on a return.
  if (action.id === 'send_customs_documents' && action.actor === 'recipient')
    return say('answer.step.send_customs_documents', { carrier, ...customerContact(parcel) });
  const customerStep = CUSTOMER_STEPS[action.id];
  if (customerStep) return say(customerStep, { carrier, ...customerContact(parcel) });
  const shopStep = SHOP_STEPS[action.id];
  if (shopStep) return say(shopStep, { carrier });
  return OTHERS_ACT.has(action.id) ? say('answer.nothingToDo', { scope }) : null;
}

interface SentenceOptions {
  orderCancelled: boolean;
  /** `parcel` when the answer describes several parcels, so "nothing to do" is said of one. */
  scope: 'parcel' | 'order';
  /** An action whose who-acts sentence the caller says in its own words (the agent's reply). */
  leaveOut: NextAction | null;
}

/**
 * What to say about one parcel, in this order: what it is doing, where it was last seen, why it is stuck,
 * our apology for a missed date, when it should arrive now (not promised for a stuck parcel), whether the
 * customer must act (and how), and the tracking link.
 */
function parcelSentences(parcel: ParcelView, subject: string, context: TextContext, options: SentenceOptions): string[] {
  const say = (key: MessageKey, values: MessageValues = {}) => formatMessage(context.language, key, values);
  // A cancelled order's parcel that no carrier took will never leave, whatever its label says.
  if (options.orderCancelled && notHandedOver(parcel)) return [say('answer.parcel.cancelled', { subject })];
  const carrier = parcel.carrierName;
  const has = (kind: Delay['kind']) => parcel.delays.some((delay) => delay.kind === kind);
  const sentences = [say(parcelStateKey(parcel), parcelStateValues(parcel, subject, context))];
  if (parcel.delivered?.place && parcel.status === 'delivered' && PLACE_WORTH_QUOTING.has(parcel.substatus))
    sentences.push(say('answer.deliveryPlace', { carrier, place: parcel.delivered.place }));
  if (showsLastUpdate(parcel)) {
    const when = formatCustomerTime(parcel.lastScan!.customerTime, context);
    const place = formatPlace(parcel.lastScan!.location, context);
    const lastScanCarrier = parcel.legs.find((leg) => leg.carrier === parcel.lastScan!.carrier)?.carrierName ?? carrier;
    sentences.push(say(place ? 'answer.lastUpdateAt' : 'answer.lastUpdate', { carrier: lastScanCarrier, when, place: place ?? '' }));
  }
  const stuck = has('stalled') || has('never_scanned');
  if (has('stalled')) sentences.push(say('answer.delay.stalled', { carrier }));
  if (has('never_scanned')) sentences.push(say('answer.delay.never_scanned'));
  // The apology for a missed date comes before the date we now expect.
  const latePromise = parcel.delays.find((delay) => delay.kind === 'late' && delay.reason === 'past_promised_date');
  const lateEstimate = parcel.delays.find((delay) => delay.kind === 'late' && delay.reason === 'past_carrier_estimate');
  if (latePromise?.kind === 'late') sentences.push(say('answer.delay.latePromise', { date: formatDay(latePromise.dueDate, context) }));
  else if (lateEstimate?.kind === 'late')
    sentences.push(say('answer.delay.lateCarrierEstimate', { carrier, date: formatDay(lateEstimate.dueDate, context) }));
  const eta = stuck ? null : etaSentence(parcel, context);
  if (eta) sentences.push(eta);
  if (has('not_received_reported')) sentences.push(say('answer.delay.notReceived', { carrier }));
  const leftOut = options.leaveOut?.id === parcel.nextAction.id && options.leaveOut.parcelId === parcel.id;
  const whoActs = leftOut ? null : whoActsSentence(parcel, options.scope, context);
  if (whoActs) sentences.push(whoActs);
  const finished =
    parcel.status === 'delivered' || parcel.status === 'returned' || parcel.status === 'cancelled' || WILL_NOT_ARRIVE.has(parcel.substatus);
  if (parcel.trackingUrl && !finished) sentences.push(say('answer.trackingLink', { url: parcel.trackingUrl }));
  return sentences;
}

/** Items not in any outbound parcel yet (those in a parcel still being packed are described with it). */
function itemsInNoParcel(view: OrderView): { name: string; quantity: number }[] {
  const packing = new Map<string, number>();
  for (const parcel of view.parcels) {
    if (parcel.direction !== 'outbound' || parcel.tracking !== 'no_tracking_number') continue;
    for (const item of parcel.items) packing.set(item.itemId, (packing.get(item.itemId) ?? 0) + item.quantity);
  }
  return view.unshippedItems
    .map((item) => ({ name: item.name, quantity: item.quantity - (packing.get(item.itemId) ?? 0) }))
    .filter((item) => item.quantity > 0);
}

const INTRO_ALWAYS: ReadonlySet<OrderStage> = new Set([
  'placed',
  'confirmed',
  'packed',
  'cancelled',
  'partially_shipped',
  'partially_delivered',
  'return_in_progress',
]);

/**
 * The customer-facing answer to "where is my order?": what each parcel is doing, when it should arrive
 * (saying whether the date is the carrier's or our prediction), what went wrong, and whether the customer
 * must do anything (and what) or someone else acts. Plain text in the customer's language (or `locale`),
 * times in their zone. Also suitable for a chatbot or an FAQ widget.
 */
export function answerWhereIsMyOrder(view: OrderView, locale?: string): string {
  return composeAnswer(view, locale, null);
}

/** The answer's sentences; `leaveOut` is an action the caller commits to in its own words (see `suggestAgentReply`). */
export function composeAnswer(view: OrderView, locale: string | undefined, leaveOut: NextAction | null): string {
  const context = textContextFor(view, locale);
  const number = view.order.number;
  const orderCancelled = orderIsCancelled(view);
  const outbound = view.parcels.filter((parcel) => parcel.direction === 'outbound' && parcel.status !== 'cancelled');
  const returns = view.parcels.filter((parcel) => parcel.direction === 'return' && parcel.status !== 'cancelled');
  const sentences: string[] = [];
  const singleParcel = outbound.length === 1 && returns.length === 0 && view.unshippedItems.length === 0;
  const withIntro = view.stage === 'cancelled' || !singleParcel || INTRO_ALWAYS.has(view.stage);

  if (withIntro) {
    const notReceived = view.delays.some((delay) => delay.kind === 'not_received_reported');
    const stage = view.stage === 'delivered' && notReceived ? 'exception' : view.stage;
    sentences.push(
      formatMessage(context.language, `answer.intro.${stage}`, {
        number,
        fromCustomer: returns.some((parcel) => parcel.status === 'delivered' || parcel.status === 'returned') ? 'yes' : 'no',
      }),
    );
  }
  if (view.stage !== 'cancelled') {
    // Before anything has left, the opening says it all; a parcel still being packed beside shipped ones is described.
    const anyShipped = outbound.some((parcel) => parcel.tracking !== 'no_tracking_number');
    // While a return is the topic, parcels delivered long ago are history, not news.
    const aboutReturn = view.stage === 'return_in_progress' || view.stage === 'returned';
    const described = anyShipped ? outbound.filter((parcel) => !(aboutReturn && parcel.status === 'delivered')) : [];
    if (described.length > 1) sentences.push(formatMessage(context.language, 'answer.parcelCount', { count: described.length }));
    const inNoParcel = itemsInNoParcel(view);
    const orderLate = view.delays.find((delay) => delay.kind === 'late' && delay.parcelId === null);
    // "Nothing to do" is said of one parcel when the answer also speaks of others or of the order itself.
    const manyTopics = described.length + returns.length > 1 || (anyShipped && inNoParcel.length > 0) || orderLate !== undefined;
    const options: SentenceOptions = { orderCancelled, scope: manyTopics ? 'parcel' : 'order', leaveOut };
    described.forEach((parcel, index) => {
      const subject =
        described.length === 1
          ? withIntro
            ? formatMessage(context.language, 'answer.subject.only')
            : formatMessage(context.language, 'answer.subject.onlyWithOrder', { number })
          : parcel.items.length > 0
            ? formatMessage(context.language, 'answer.subject.numberedWithItems', {
                index: index + 1,
                count: described.length,
                items: formatItems(parcel.items, context),
              })
            : formatMessage(context.language, 'answer.subject.numbered', { index: index + 1, count: described.length });
      sentences.push(...parcelSentences(parcel, subject, context, options));
    });
    for (const parcel of returns)
      sentences.push(...parcelSentences(parcel, formatMessage(context.language, 'answer.subject.return'), context, options));
    if (anyShipped && inNoParcel.length > 0)
      sentences.push(formatMessage(context.language, 'answer.unshipped', { items: formatItems(inNoParcel, context) }));
    if (orderLate?.kind === 'late') {
      sentences.push(formatMessage(context.language, 'answer.delay.orderLate', { date: formatDay(orderLate.dueDate, context) }));
      // The shop chases its warehouse; the customer need not do anything.
      const chasedInReply = leaveOut?.id === 'check_fulfilment_with_warehouse' && leaveOut.parcelId === null;
      if (!chasedInReply)
        sentences.push(
          formatMessage(context.language, 'answer.weAct.check_fulfilment_with_warehouse', {
            nothingShipped: anythingShipped(view) ? 'no' : 'yes',
          }),
        );
    }
  }
  return sentences.join(' ');
}

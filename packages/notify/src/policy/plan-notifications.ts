import {
  CUSTOMER_CHANNELS,
  type CustomerChannel,
  type Milestone,
  type MilestoneOccurrence,
  type NotificationSettings,
  type PlannedMessage,
  type PolicyDecision,
  type PolicyState,
  type Recipient,
  type SendCheck,
  type SkipReason,
} from '../notification-types';
import { isOvertaken } from './overtaken';
import { endOfLocalDay, localDay, quietHoursEnd } from './quiet-hours';
import { isTimeZone } from './settings';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Milestones that several parcels of one order share in one message ("2 of 3 parcels delivered"). */
export const DIGEST_MILESTONES: ReadonlySet<Milestone> = new Set<Milestone>(['shipped', 'in_transit', 'out_for_delivery', 'delivered']);

/** Who the customer is, as the order view has it (`OrderView['customer']` fits). */
export interface PlanCustomer {
  id: string;
  name?: string | null;
  givenName?: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  timeZone: string | null;
}

export interface PlanInput {
  occurrences: readonly MilestoneOccurrence[];
  customer: PlanCustomer;
  settings: NotificationSettings;
  state: PolicyState;
  now: Date;
  /** The destination's zone, used when the order gives none. */
  destinationTimeZone?: string | null;
}

export const EMPTY_POLICY_STATE: PolicyState = { notified: {}, sentPerDay: {}, optedOut: [], reached: {}, pending: [] };

export function parcelKey(orderId: string, parcelId: string | null): string {
  return `${orderId}:${parcelId ?? 'order'}`;
}

export function recipientKey(channel: CustomerChannel, address: string): string {
  return `${channel}:${address}`;
}

export function dedupeKeyOf(message: Pick<PlannedMessage, 'orderId' | 'parcelIds' | 'milestone' | 'recipient'>): string {
  const parcels = message.parcelIds.length > 0 ? [...message.parcelIds].sort().join('+') : 'order';
  return `${message.orderId}:${parcels}:${message.milestone}:${message.recipient.channel}:${message.recipient.address}`;
}

/** The customer's zone: the order's, else the destination's, else the shop's. */
export function recipientTimeZone(
  customerTimeZone: string | null | undefined,
  destinationTimeZone: string | null | undefined,
  shopTimeZone: string,
): string {
  if (isTimeZone(customerTimeZone)) return customerTimeZone;
  if (isTimeZone(destinationTimeZone)) return destinationTimeZone;
  return shopTimeZone;
}

/** Every channel the customer can be reached on (email by address; SMS and WhatsApp by phone). */
export function recipientsOf(customer: PlanCustomer, timeZone: string): Partial<Record<CustomerChannel, Recipient>> {
  const base = { customerId: customer.id, name: customer.givenName || customer.name || null, locale: customer.locale, timeZone };
  const recipients: Partial<Record<CustomerChannel, Recipient>> = {};
  const email = customer.email?.trim().toLowerCase();
  if (email) recipients.email = { ...base, channel: 'email', address: email };
  const phone = customer.phone?.replace(/[\s().-]/g, '');
  if (phone) {
    recipients.sms = { ...base, channel: 'sms', address: phone };
    recipients.whatsapp = { ...base, channel: 'whatsapp', address: phone };
  }
  return recipients;
}

/** Milestones reached by a parcel; for order-level milestones, by any parcel of the order. */
function reachedFor(reached: ReadonlyMap<string, Set<Milestone>>, orderId: string, parcelId: string | null): Set<Milestone> {
  if (parcelId !== null) return reached.get(parcelKey(orderId, parcelId)) ?? new Set();
  const all = new Set<Milestone>();
  for (const [key, milestones] of reached) if (key.startsWith(`${orderId}:`)) for (const milestone of milestones) all.add(milestone);
  return all;
}

function toSets(record: Readonly<Record<string, readonly Milestone[]>>): Map<string, Set<Milestone>> {
  return new Map(Object.entries(record).map(([key, milestones]) => [key, new Set(milestones)]));
}

function add(map: Map<string, Set<Milestone>>, key: string, milestone: Milestone): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(milestone);
}

interface Candidate {
  milestone: Milestone;
  occurrence: MilestoneOccurrence;
  /** Earliest send time before quiet hours. */
  notBefore: number;
}

/**
 * Decides, for each occurrence and channel, whether a message is queued (and when) or skipped (and why).
 * Pure: the same input gives the same decisions. Occurrences are taken in the order given (outbox order).
 */
export function planNotifications(input: PlanInput): PolicyDecision[] {
  const { settings, state, now, customer } = input;
  const timeZone = recipientTimeZone(customer.timeZone, input.destinationTimeZone, settings.shopTimeZone);
  const recipients = recipientsOf(customer, timeZone);
  const reached = toSets(state.reached);
  const notified = toSets(state.notified);
  const optedOut = new Set(state.optedOut);
  const counts = new Map<string, number>();
  const countOf = (key: string, day: string): number => counts.get(`${key}|${day}`) ?? state.sentPerDay[key]?.[day] ?? 0;
  const decisions: PolicyDecision[] = [];
  // Queued, unsent messages this batch can still merge into: from the state (index -1) or from `decisions`.
  const open: Array<{ message: PlannedMessage; decisionIndex: number }> = state.pending.map((message) => ({ message, decisionIndex: -1 }));

  const skip = (candidate: Candidate, channel: CustomerChannel, reason: SkipReason, detail?: string): void => {
    const { occurrence } = candidate;
    decisions.push({
      kind: 'skip',
      reason,
      milestone: candidate.milestone,
      channel,
      orderId: occurrence.orderId,
      parcelId: occurrence.parcelId,
      ...(detail ? { detail } : {}),
    });
  };

  const plan = (candidate: Candidate, checkProgress: boolean, overtaken: boolean): void => {
    const { occurrence, milestone } = candidate;
    const key = parcelKey(occurrence.orderId, occurrence.parcelId);
    let queued = false;
    for (const channel of CUSTOMER_CHANNELS) {
      if (!settings.milestones[milestone][channel]) {
        skip(candidate, channel, 'milestone_disabled');
        continue;
      }
      const recipient = recipients[channel];
      if (!recipient) {
        skip(candidate, channel, 'no_recipient_address');
        continue;
      }
      const who = recipientKey(channel, recipient.address);
      if (optedOut.has(who)) {
        skip(candidate, channel, 'opted_out');
        continue;
      }
      if (notified.get(key)?.has(milestone)) {
        skip(candidate, channel, 'already_sent');
        continue;
      }
      if (checkProgress && overtaken) {
        skip(candidate, channel, 'overtaken');
        continue;
      }
      const ageHours = (Date.parse(occurrence.firstSeenAt) - Date.parse(occurrence.occurredAt)) / HOUR_MS;
      // A reminder planned from a stale event is stale too.
      if (ageHours > settings.staleAfterHours) {
        skip(candidate, channel, 'stale', `${Math.floor(ageHours)} h old when first seen`);
        continue;
      }
      const facts = occurrence.facts;
      const digestible = DIGEST_MILESTONES.has(milestone) && occurrence.parcelId !== null && (facts.parcelCount?.total ?? 1) > 1;
      if (digestible) {
        const joined = open.find(
          ({ message }) =>
            message.orderId === occurrence.orderId &&
            message.milestone === milestone &&
            message.recipient.channel === channel &&
            message.recipient.address === recipient.address,
        );
        if (joined) {
          const parcelIds = [...new Set([...joined.message.parcelIds, occurrence.parcelId as string])];
          const merged: PlannedMessage = {
            ...joined.message,
            parcelIds,
            occurredAt: occurrence.occurredAt > joined.message.occurredAt ? occurrence.occurredAt : joined.message.occurredAt,
            sourceEventIds: [...new Set([...joined.message.sourceEventIds, ...occurrence.sourceEventIds])],
            // The newest view knows best how many are delivered by now.
            facts: { ...facts, parcelCount: facts.parcelCount && { ...facts.parcelCount, covered: parcelIds.length } },
          };
          merged.dedupeKey = dedupeKeyOf(merged);
          if (joined.decisionIndex >= 0) {
            const previous = decisions[joined.decisionIndex] as Extract<PolicyDecision, { kind: 'queue' }>;
            decisions[joined.decisionIndex] = { kind: 'queue', message: merged, replaces: previous.replaces };
          } else {
            decisions.push({ kind: 'queue', message: merged, replaces: [joined.message.dedupeKey] });
            joined.decisionIndex = decisions.length - 1;
          }
          joined.message = merged;
          queued = true;
          skip(candidate, channel, 'merged_into_digest', merged.dedupeKey);
          continue;
        }
      }
      let sendAfter = Math.max(candidate.notBefore, now.getTime()) + (digestible ? settings.digestWindowMinutes * MINUTE_MS : 0);
      const quietMode = settings.quietMode[milestone];
      const quietEnd = quietMode === 'bypass' ? null : quietHoursEnd(new Date(sendAfter), timeZone, settings.quietHours);
      if (quietEnd) {
        if (quietMode === 'drop') {
          skip(candidate, channel, 'quiet_hours_drop');
          continue;
        }
        sendAfter = quietEnd.getTime();
      }
      const day = localDay(new Date(sendAfter), timeZone);
      const sent = countOf(who, day);
      if (sent >= settings.dailyCapPerCustomer) {
        skip(candidate, channel, 'daily_cap_reached', `${sent} on ${day}`);
        continue;
      }
      counts.set(`${who}|${day}`, sent + 1);
      const message: PlannedMessage = {
        dedupeKey: '',
        shopId: occurrence.shopId,
        orderId: occurrence.orderId,
        milestone,
        parcelIds: occurrence.parcelId === null ? [] : [occurrence.parcelId],
        recipient,
        sendAfter: new Date(sendAfter).toISOString(),
        quietMode,
        occurredAt: occurrence.occurredAt,
        sourceEventIds: occurrence.sourceEventIds,
        facts: digestible && facts.parcelCount ? { ...facts, parcelCount: { ...facts.parcelCount, covered: 1 } } : facts,
      };
      message.dedupeKey = dedupeKeyOf(message);
      decisions.push({ kind: 'queue', message, replaces: [] });
      open.push({ message, decisionIndex: decisions.length - 1 });
      queued = true;
    }
    if (queued) add(notified, key, milestone);
  };

  for (const occurrence of input.occurrences) {
    const reachedBefore = reachedFor(reached, occurrence.orderId, occurrence.parcelId);
    const overtaken = isOvertaken(occurrence.milestone, reachedBefore);
    add(reached, parcelKey(occurrence.orderId, occurrence.parcelId), occurrence.milestone);
    // Messages of this batch that this occurrence overtakes never leave.
    for (let index = 0; index < decisions.length; index += 1) {
      const decision = decisions[index] as PolicyDecision;
      if (decision.kind !== 'queue' || decision.message.orderId !== occurrence.orderId) continue;
      if (allOvertaken(decision.message, reached)) {
        decisions[index] = {
          kind: 'skip',
          reason: 'overtaken',
          milestone: decision.message.milestone,
          channel: decision.message.recipient.channel,
          orderId: decision.message.orderId,
          parcelId: decision.message.parcelIds[0] ?? null,
          detail: `by ${occurrence.milestone}`,
        };
        const at = open.findIndex((entry) => entry.decisionIndex === index);
        if (at >= 0) open.splice(at, 1);
      }
    }
    plan({ milestone: occurrence.milestone, occurrence, notBefore: now.getTime() }, true, overtaken);
    if (occurrence.milestone === 'ready_for_pickup' && !overtaken) planReminder(occurrence);
  }
  return decisions;

  function planReminder(occurrence: MilestoneOccurrence): void {
    const deadline = occurrence.facts.deadline;
    if (!deadline) return;
    const remindAt = endOfLocalDay(deadline, timeZone).getTime() - settings.pickupReminderHoursBefore * HOUR_MS;
    const candidate: Candidate = { milestone: 'pickup_reminder', occurrence, notBefore: remindAt };
    if (remindAt <= now.getTime()) {
      for (const channel of CUSTOMER_CHANNELS) skip(candidate, channel, 'deadline_passed', `collect by ${deadline}`);
      return;
    }
    plan(candidate, false, false);
  }
}

function allOvertaken(message: PlannedMessage, reached: ReadonlyMap<string, Set<Milestone>>): boolean {
  if (message.parcelIds.length === 0) return isOvertaken(message.milestone, reachedFor(reached, message.orderId, null));
  return message.parcelIds.every((parcelId) => isOvertaken(message.milestone, reachedFor(reached, message.orderId, parcelId)));
}

export interface SendCheckInput {
  settings: NotificationSettings;
  state: Pick<PolicyState, 'optedOut' | 'reached'>;
  now: Date;
}

/**
 * The check made again at the moment of sending: an opt-out since queuing, a later milestone that overtook
 * the message (every parcel of a digest), a milestone switched off, and quiet hours on the recipient's clock
 * now (a telecom or queue backlog must not push a held message into the night).
 */
export function checkAtSend(message: PlannedMessage, { settings, state, now }: SendCheckInput): SendCheck {
  if (state.optedOut.includes(recipientKey(message.recipient.channel, message.recipient.address)))
    return { kind: 'drop', reason: 'opted_out' };
  if (!settings.milestones[message.milestone][message.recipient.channel]) return { kind: 'drop', reason: 'milestone_disabled' };
  if (allOvertaken(message, toSets(state.reached))) return { kind: 'drop', reason: 'overtaken' };
  if (now.getTime() < Date.parse(message.sendAfter)) return { kind: 'hold', until: message.sendAfter, reason: 'not_due' };
  const mode = settings.quietMode[message.milestone];
  if (mode === 'bypass') return { kind: 'send' };
  const end = quietHoursEnd(now, message.recipient.timeZone, settings.quietHours);
  if (!end) return { kind: 'send' };
  return mode === 'drop' ? { kind: 'drop', reason: 'quiet_hours_drop' } : { kind: 'hold', until: end.toISOString(), reason: 'quiet_hours' };
}

/**
 * The state after `decisions`: what the dispatcher's tables say once it has stored them (reached milestones,
 * notified parcels, per-day counts, still-pending messages). For tests, previews and in-memory use.
 */
export function updatePolicyState(
  state: PolicyState,
  occurrences: readonly MilestoneOccurrence[],
  decisions: readonly PolicyDecision[],
): PolicyState {
  const reached = toSets(state.reached);
  for (const occurrence of occurrences) add(reached, parcelKey(occurrence.orderId, occurrence.parcelId), occurrence.milestone);
  const notified = toSets(state.notified);
  const sentPerDay: Record<string, Record<string, number>> = {};
  for (const [key, days] of Object.entries(state.sentPerDay)) sentPerDay[key] = { ...days };
  const replaced = new Set<string>();
  const queued: PlannedMessage[] = [];
  for (const decision of decisions) {
    if (decision.kind !== 'queue') continue;
    const { message } = decision;
    for (const key of decision.replaces) replaced.add(key);
    queued.push(message);
    if (message.parcelIds.length === 0) add(notified, parcelKey(message.orderId, null), message.milestone);
    for (const parcelId of message.parcelIds) add(notified, parcelKey(message.orderId, parcelId), message.milestone);
    if (decision.replaces.length > 0) continue;
    const who = recipientKey(message.recipient.channel, message.recipient.address);
    const day = localDay(new Date(message.sendAfter), message.recipient.timeZone);
    const days = (sentPerDay[who] ??= {});
    days[day] = (days[day] ?? 0) + 1;
  }
  const fromSets = (map: Map<string, Set<Milestone>>): Record<string, Milestone[]> =>
    Object.fromEntries([...map].map(([key, milestones]) => [key, [...milestones]]));
  return {
    reached: fromSets(reached),
    notified: fromSets(notified),
    sentPerDay,
    optedOut: state.optedOut,
    pending: [...state.pending.filter((message) => !replaced.has(message.dedupeKey)), ...queued],
  };
}

import { describe, expect, it } from 'vitest';
import type { Milestone, MilestoneFacts, MilestoneOccurrence, PlannedMessage, PolicyDecision, PolicyState } from '../notification-types';
import {
  checkAtSend,
  EMPTY_POLICY_STATE,
  planNotifications,
  recipientTimeZone,
  updatePolicyState,
  type PlanCustomer,
} from './plan-notifications';
import { isInQuietHours, quietHoursEnd } from './quiet-hours';
import { NotificationSettingsError, resolveNotificationSettings } from './settings';

const customer: PlanCustomer = {
  id: 'cus_7',
  name: 'Anna Schmidt',
  email: 'anna@example.de',
  phone: '+49 170 5550123',
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
};
const emailOnly: PlanCustomer = { ...customer, phone: null };
const settings = resolveNotificationSettings({ shopTimeZone: 'Europe/Berlin' });

const FACTS: MilestoneFacts = {
  orderNumber: '1042',
  carrierName: 'DHL',
  trackingNumber: '00340434161094015902',
  previousTrackingNumber: null,
  expectedDate: null,
  previousExpectedDate: null,
  place: null,
  deadline: null,
  signedBy: null,
  reason: null,
  actor: null,
  carrierContact: null,
  parcelCount: null,
};

function occurrence(
  milestone: Milestone,
  at: string,
  parcelId: string | null = 'p1',
  facts: Partial<MilestoneFacts> = {},
): MilestoneOccurrence {
  return {
    milestone,
    shopId: 'default',
    orderId: 'ord_1042',
    parcelId,
    occurredAt: at,
    firstSeenAt: at,
    sourceEventIds: [at],
    facts: { ...FACTS, ...facts },
  };
}

const queued = (decisions: PolicyDecision[]) =>
  decisions.filter((decision) => decision.kind === 'queue').map((decision) => decision.message);
const skipped = (decisions: PolicyDecision[]) =>
  decisions.filter((decision) => decision.kind === 'skip').map((decision) => decision.reason);

function plan(
  occurrences: MilestoneOccurrence[],
  now: string,
  state: PolicyState = EMPTY_POLICY_STATE,
  who: PlanCustomer = emailOnly,
  options = settings,
) {
  return planNotifications({ occurrences, customer: who, settings: options, state, now: new Date(now) });
}

describe('first occurrence only', () => {
  it('never queues the same milestone twice for a parcel', () => {
    const first = occurrence('shipped', '2026-03-31T10:00:00Z');
    const decisions = plan([first], first.firstSeenAt);
    expect(queued(decisions)).toHaveLength(1);
    const state = updatePolicyState(EMPTY_POLICY_STATE, [first], decisions);
    const again = plan([occurrence('shipped', '2026-03-31T11:00:00Z')], '2026-03-31T11:00:00Z', state);
    expect(queued(again)).toEqual([]);
    expect(skipped(again)).toContain('already_sent');
  });

  it('builds the dedupe key from order, parcel, milestone, channel and recipient', () => {
    const [message] = queued(plan([occurrence('shipped', '2026-03-31T10:00:00Z')], '2026-03-31T10:00:00Z'));
    expect(message?.dedupeKey).toBe('ord_1042:p1:shipped:email:anna@example.de');
  });
});

describe('overtaken messages', () => {
  it('skips a milestone that a later one already passed', () => {
    const delivered = occurrence('delivered', '2026-03-31T10:00:00Z');
    const state = updatePolicyState(EMPTY_POLICY_STATE, [delivered], plan([delivered], delivered.firstSeenAt));
    const late = plan([occurrence('out_for_delivery', '2026-03-31T10:05:00Z')], '2026-03-31T10:05:00Z', state);
    expect(skipped(late)).toContain('overtaken');
  });

  it('drops a message of the same batch that a later milestone overtakes', () => {
    const decisions = plan(
      [occurrence('out_for_delivery', '2026-03-31T08:00:00Z'), occurrence('delivered', '2026-03-31T08:01:00Z')],
      '2026-03-31T08:02:00Z',
    );
    expect(queued(decisions).map((message) => message.milestone)).toEqual(['delivered']);
    expect(decisions.find((decision) => decision.kind === 'skip' && decision.milestone === 'out_for_delivery')).toMatchObject({
      reason: 'overtaken',
    });
  });

  it('drops a queued message at send time once the parcel moved on', () => {
    const ofd = occurrence('out_for_delivery', '2026-03-31T06:00:00Z');
    const decisions = plan([ofd], '2026-03-31T06:00:00Z'); // 08:00 in Berlin: just out of quiet hours
    const [message] = queued(decisions);
    const state = updatePolicyState(
      updatePolicyState(EMPTY_POLICY_STATE, [ofd], decisions),
      [occurrence('delivered', '2026-03-31T07:00:00Z')],
      [],
    );
    expect(checkAtSend(message as PlannedMessage, { settings, state, now: new Date('2026-03-31T07:01:00Z') })).toEqual({
      kind: 'drop',
      reason: 'overtaken',
    });
  });

  it('still sends "ready for pickup" after a failed attempt (not a step back)', () => {
    const failed = occurrence('delivery_attempt_failed', '2026-03-31T10:00:00Z');
    const state = updatePolicyState(EMPTY_POLICY_STATE, [failed], plan([failed], failed.firstSeenAt));
    expect(queued(plan([occurrence('ready_for_pickup', '2026-03-31T12:00:00Z')], '2026-03-31T12:00:00Z', state))).toHaveLength(1);
  });
});

describe('quiet hours in the customer’s zone', () => {
  it('holds a message from the evening until 08:00 local the next morning', () => {
    const [message] = queued(plan([occurrence('shipped', '2026-03-31T20:30:00Z')], '2026-03-31T20:30:00Z')); // 22:30 in Berlin
    expect(message?.sendAfter).toBe('2026-04-01T06:00:00.000Z');
  });

  it('ends the window at the right instant over a spring-forward and a fall-back night', () => {
    // Berlin: 29 March 2026 02:00 → 03:00; 25 October 2026 03:00 → 02:00.
    expect(quietHoursEnd(new Date('2026-03-28T21:00:00Z'), 'Europe/Berlin', settings.quietHours)?.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(quietHoursEnd(new Date('2026-10-24T21:00:00Z'), 'Europe/Berlin', settings.quietHours)?.toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    // New York, 8 March 2026: a window ending at 02:30 falls into the 02:00–03:00 gap; it moves on by the gap (03:30).
    const end = quietHoursEnd(new Date('2026-03-08T06:00:00Z'), 'America/New_York', { start: '23:00', end: '02:30' });
    expect(end?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(isInQuietHours(end as Date, 'America/New_York', { start: '23:00', end: '02:30' })).toBe(false);
  });

  it('drops or bypasses per milestone', () => {
    const at = '2026-03-31T21:00:00Z';
    const dropping = resolveNotificationSettings({ quietMode: { shipped: 'drop', delivered: 'bypass' } });
    const decisions = plan(
      [occurrence('shipped', at, 'p1'), occurrence('delivered', at, 'p2')],
      at,
      EMPTY_POLICY_STATE,
      emailOnly,
      dropping,
    );
    expect(skipped(decisions)).toContain('quiet_hours_drop');
    expect(queued(decisions)).toMatchObject([{ milestone: 'delivered', sendAfter: '2026-03-31T21:00:00.000Z' }]);
  });

  it('checks quiet hours again at the moment of sending', () => {
    const [message] = queued(plan([occurrence('shipped', '2026-03-31T17:00:00Z')], '2026-03-31T17:00:00Z')); // 19:00 in Berlin
    // A backlog delays the send to 23:30 Berlin time: hold it until the morning instead.
    expect(checkAtSend(message as PlannedMessage, { settings, state: EMPTY_POLICY_STATE, now: new Date('2026-03-31T21:30:00Z') })).toEqual({
      kind: 'hold',
      until: '2026-04-01T06:00:00.000Z',
      reason: 'quiet_hours',
    });
    expect(checkAtSend(message as PlannedMessage, { settings, state: EMPTY_POLICY_STATE, now: new Date('2026-04-01T06:00:00Z') })).toEqual({
      kind: 'send',
    });
  });

  it('takes the zone from the order, else the destination, else the shop', () => {
    expect(recipientTimeZone('America/Chicago', 'Europe/Paris', 'Europe/Berlin')).toBe('America/Chicago');
    expect(recipientTimeZone(null, 'Europe/Paris', 'Europe/Berlin')).toBe('Europe/Paris');
    expect(recipientTimeZone('Mars/Olympus', undefined, 'Europe/Berlin')).toBe('Europe/Berlin');
    const [message] = queued(
      plan([occurrence('shipped', '2026-03-31T20:30:00Z')], '2026-03-31T20:30:00Z', EMPTY_POLICY_STATE, {
        ...emailOnly,
        timeZone: 'America/Chicago',
      }),
    );
    expect(message?.sendAfter).toBe('2026-03-31T20:30:00.000Z'); // 15:30 in Chicago
  });
});

describe('split orders', () => {
  const split = (delivered: number) => ({ parcelCount: { covered: 1, delivered, total: 3 } });

  it('merges parcels of one order within the window into one message', () => {
    const decisions = plan(
      [occurrence('delivered', '2026-03-31T09:00:00Z', 'p1', split(1)), occurrence('delivered', '2026-03-31T09:05:00Z', 'p2', split(2))],
      '2026-03-31T09:05:00Z',
    );
    const messages = queued(decisions);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ parcelIds: ['p1', 'p2'], facts: { parcelCount: { covered: 2, delivered: 2, total: 3 } } });
    expect(messages[0]?.dedupeKey).toBe('ord_1042:p1+p2:delivered:email:anna@example.de');
    // The window holds the first message back so that the next parcel can join it.
    expect(messages[0]?.sendAfter).toBe('2026-03-31T09:20:00.000Z');
    expect(skipped(decisions)).toContain('merged_into_digest');
  });

  it('joins a parcel to a digest still queued from an earlier batch', () => {
    const first = occurrence('delivered', '2026-03-31T09:00:00Z', 'p1', split(2));
    const firstDecisions = plan([first], first.firstSeenAt);
    const state = updatePolicyState(EMPTY_POLICY_STATE, [first], firstDecisions);
    const next = plan([occurrence('delivered', '2026-03-31T09:10:00Z', 'p2', split(3))], '2026-03-31T09:10:00Z', state);
    expect(next).toContainEqual(
      expect.objectContaining({
        kind: 'queue',
        replaces: ['ord_1042:p1:delivered:email:anna@example.de'],
        message: expect.objectContaining({ parcelIds: ['p1', 'p2'] }),
      }),
    );
    const after = updatePolicyState(state, [], next);
    expect(after.pending.map((message) => message.dedupeKey)).toEqual(['ord_1042:p1+p2:delivered:email:anna@example.de']);
    expect(after.notified['ord_1042:p2']).toContain('delivered');
  });
});

describe('caps, opt-outs, staleness, switches', () => {
  it('caps messages per customer per local day', () => {
    const capped = resolveNotificationSettings({ dailyCapPerCustomer: 2 });
    const decisions = plan(
      [
        occurrence('shipped', '2026-03-31T10:00:00Z'),
        occurrence('in_transit', '2026-03-31T10:00:00Z'),
        occurrence('delayed', '2026-03-31T10:00:00Z'),
      ],
      '2026-03-31T10:00:00Z',
      EMPTY_POLICY_STATE,
      emailOnly,
      capped,
    );
    expect(queued(decisions)).toHaveLength(2);
    expect(decisions.find((decision) => decision.kind === 'skip' && decision.reason === 'daily_cap_reached')).toMatchObject({
      detail: '2 on 2026-03-31',
    });
  });

  it('counts the day on the customer’s clock', () => {
    const capped = resolveNotificationSettings({ dailyCapPerCustomer: 1, quietHours: null });
    const auckland = { ...emailOnly, timeZone: 'Pacific/Auckland' };
    // 10:30 UTC on the 31st is already 1 April in Auckland.
    const state: PolicyState = { ...EMPTY_POLICY_STATE, sentPerDay: { 'email:anna@example.de': { '2026-03-31': 1 } } };
    expect(queued(plan([occurrence('shipped', '2026-03-31T11:30:00Z')], '2026-03-31T11:30:00Z', state, auckland, capped))).toHaveLength(1);
    expect(skipped(plan([occurrence('shipped', '2026-03-31T10:30:00Z')], '2026-03-31T10:30:00Z', state, auckland, capped))).toContain(
      'daily_cap_reached',
    );
  });

  it('respects an opt-out per channel, also at send time', () => {
    const state: PolicyState = { ...EMPTY_POLICY_STATE, optedOut: ['sms:+491705550123'] };
    const decisions = plan([occurrence('shipped', '2026-03-31T10:00:00Z')], '2026-03-31T10:00:00Z', state, customer);
    expect(queued(decisions).map((message) => message.recipient.channel)).toEqual(['email']);
    expect(decisions).toContainEqual(expect.objectContaining({ kind: 'skip', channel: 'sms', reason: 'opted_out' }));
    const [message] = queued(decisions);
    expect(
      checkAtSend(message as PlannedMessage, {
        settings,
        state: { ...state, optedOut: ['email:anna@example.de'] },
        now: new Date('2026-03-31T10:00:00Z'),
      }),
    ).toEqual({
      kind: 'drop',
      reason: 'opted_out',
    });
  });

  it('records but does not send an event older than 72 hours when first seen', () => {
    const stale = { ...occurrence('shipped', '2026-03-27T10:00:00Z'), firstSeenAt: '2026-03-31T10:00:00Z' };
    const decisions = plan([stale], '2026-03-31T10:00:00Z');
    expect(queued(decisions)).toEqual([]);
    expect(decisions).toContainEqual(
      expect.objectContaining({ kind: 'skip', reason: 'stale', channel: 'email', detail: '96 h old when first seen' }),
    );
    expect(updatePolicyState(EMPTY_POLICY_STATE, [stale], decisions).reached['ord_1042:p1']).toEqual(['shipped']);
  });

  it('follows the per-channel switches, and says when there is no address', () => {
    const decisions = plan([occurrence('in_transit', '2026-03-31T10:00:00Z')], '2026-03-31T10:00:00Z', EMPTY_POLICY_STATE, emailOnly);
    expect(decisions.map((decision) => [decision.kind === 'skip' ? decision.reason : 'queue'])).toEqual([
      ['queue'],
      ['milestone_disabled'],
      ['milestone_disabled'],
    ]);
    const texted = plan([occurrence('shipped', '2026-03-31T10:00:00Z')], '2026-03-31T10:00:00Z', EMPTY_POLICY_STATE, emailOnly);
    expect(texted).toContainEqual(expect.objectContaining({ kind: 'skip', channel: 'sms', reason: 'no_recipient_address' }));
  });
});

describe('pickup reminder', () => {
  it('plans a reminder a day before the deadline ends, dropped once the parcel is collected', () => {
    const ready = occurrence('ready_for_pickup', '2026-03-31T10:00:00Z', 'p1', { deadline: '2026-04-07', place: 'DHL Packstation 123' });
    const decisions = plan([ready], '2026-03-31T10:00:00Z');
    const reminder = queued(decisions).find((message) => message.milestone === 'pickup_reminder');
    // End of 7 April in Berlin is 22:00 UTC; a day before is 6 April 22:00 UTC = midnight in Berlin: quiet, so 08:00.
    expect(reminder?.sendAfter).toBe('2026-04-07T06:00:00.000Z');
    const state = updatePolicyState(
      updatePolicyState(EMPTY_POLICY_STATE, [ready], decisions),
      [occurrence('delivered', '2026-04-02T10:00:00Z')],
      [],
    );
    expect(checkAtSend(reminder as PlannedMessage, { settings, state, now: new Date('2026-04-07T06:00:00Z') })).toEqual({
      kind: 'drop',
      reason: 'overtaken',
    });
  });

  it('says so when the deadline is too close for a reminder', () => {
    const ready = occurrence('ready_for_pickup', '2026-03-31T10:00:00Z', 'p1', { deadline: '2026-03-31' });
    expect(skipped(plan([ready], '2026-03-31T10:00:00Z'))).toContain('deadline_passed');
  });
});

describe('settings', () => {
  it('fills the defaults and refuses bad values', () => {
    expect(resolveNotificationSettings()).toMatchObject({
      quietHours: { start: '21:00', end: '08:00' },
      digestWindowMinutes: 15,
      staleAfterHours: 72,
    });
    expect(() => resolveNotificationSettings({ quietHours: { start: '25:00', end: '08:00' } })).toThrow(NotificationSettingsError);
    expect(() => resolveNotificationSettings({ shopTimeZone: 'Europe/Atlantis' })).toThrow(/Unknown time zone/);
    expect(() => resolveNotificationSettings({ milestones: { teleported: { email: true } } as never })).toThrow(/Unknown milestone/);
  });
});

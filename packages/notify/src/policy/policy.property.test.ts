import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MILESTONES,
  type Milestone,
  type MilestoneOccurrence,
  type PlannedMessage,
  type PolicyState,
  type QuietHours,
  type QuietMode,
} from '../notification-types';
import { SUPERSEDED_BY } from './overtaken';
import { checkAtSend, EMPTY_POLICY_STATE, planNotifications, updatePolicyState } from './plan-notifications';
import { resolveNotificationSettings } from './settings';

/**
 * The policy against a simulated dispatcher: random IANA zones, instants around the year's DST changes,
 * random quiet hours and modes, and random milestone orders over up to three parcels. Each queued message is
 * attempted at its `sendAfter` plus a random backlog and re-checked then, as the dispatcher does.
 * `FUZZ_RUNS` sets the number of runs (default 200).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const ZONES = Intl.supportedValuesOf('timeZone');
const DST_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Europe/London',
];
// 2026 transitions in those zones (UTC days), so that runs cross them often.
const DST_DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'];
const PARCEL_MILESTONES = MILESTONES.filter((milestone) => milestone !== 'order_confirmed' && milestone !== 'pickup_reminder');

const clock = new Map<string, Intl.DateTimeFormat>();
/** Minutes after local midnight, read through Intl (independent of the policy's date-fns code). */
function localMinutes(instant: number, timeZone: string): number {
  let format = clock.get(timeZone);
  if (!format)
    clock.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = format.formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return value('hour') * 60 + value('minute');
}

function insideQuietHours(instant: number, timeZone: string, quiet: QuietHours): boolean {
  const toMinutes = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));
  const [start, end, minute] = [toMinutes(quiet.start), toMinutes(quiet.end), localMinutes(instant, timeZone)];
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

const wallTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);

const scenario = fc.record({
  timeZone: fc.oneof(fc.constantFrom(...DST_ZONES), fc.constantFrom(...ZONES)),
  start: fc.oneof(
    fc
      .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -48 * 60, max: 48 * 60 }))
      .map(([day, minutes]) => Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE),
    fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }),
  ),
  quietHours: fc.record({ start: wallTime, end: wallTime }),
  quietModes: fc.dictionary(fc.constantFrom(...MILESTONES), fc.constantFrom<QuietMode>('hold', 'hold', 'drop', 'bypass')),
  dailyCap: fc.integer({ min: 1, max: 8 }),
  digestMinutes: fc.constantFrom(0, 15, 30),
  parcelCount: fc.integer({ min: 1, max: 3 }),
  events: fc.array(
    fc.record({
      parcel: fc.integer({ min: 0, max: 2 }),
      milestone: fc.constantFrom(...PARCEL_MILESTONES),
      gapMinutes: fc.integer({ min: 0, max: 16 * 60 }),
      staleHours: fc.constantFrom(0, 0, 0, 1, 80),
      deadlineDays: fc.integer({ min: 0, max: 6 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  backlogMinutes: fc.array(fc.integer({ min: 0, max: 240 }), { minLength: 1, maxLength: 8 }),
});

/** `step` orders sends and milestones as the dispatcher saw them (several can share an instant). */
interface Sent {
  message: PlannedMessage;
  at: number;
  step: number;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function simulate(input: Scenario) {
  const settings = resolveNotificationSettings({
    quietHours: input.quietHours as QuietHours,
    quietMode: input.quietModes,
    dailyCapPerCustomer: input.dailyCap,
    digestWindowMinutes: input.digestMinutes,
    milestones: { in_transit: { sms: true }, delayed: { sms: true }, pickup_reminder: { sms: true } },
  });
  const customer = { id: 'c', name: 'A', email: 'a@example.com', phone: '+15555550100', locale: 'en', timeZone: input.timeZone };
  let state: PolicyState = EMPTY_POLICY_STATE;
  const attemptAt = new Map<string, number>();
  const sent: Sent[] = [];
  const reachedAt: Array<{ parcelId: string; milestone: Milestone; step: number }> = [];
  let step = 0;
  const staleSources = new Set<string>();
  let backlog = 0;

  const deliverUntil = (limit: number): void => {
    for (let guard = 0; guard < 500; guard += 1) {
      let next: PlannedMessage | undefined;
      for (const message of state.pending) {
        const at = attemptAt.get(message.dedupeKey) as number;
        if (at <= limit && (!next || at < (attemptAt.get(next.dedupeKey) as number))) next = message;
      }
      if (!next) return;
      const now = attemptAt.get(next.dedupeKey) as number;
      const check = checkAtSend(next, { settings, state, now: new Date(now) });
      if (check.kind === 'hold') {
        expect(Date.parse(check.until)).toBeGreaterThan(now);
        attemptAt.set(next.dedupeKey, Date.parse(check.until));
        continue;
      }
      if (check.kind === 'send') sent.push({ message: next, at: now, step: step++ });
      const done = next.dedupeKey;
      state = { ...state, pending: state.pending.filter((message) => message.dedupeKey !== done) };
    }
    throw new Error('the simulated dispatcher did not settle');
  };

  let now = input.start;
  const parcelIds = Array.from({ length: input.parcelCount }, (_, index) => `p${index}`);
  for (const [index, event] of input.events.entries()) {
    now += event.gapMinutes * MINUTE;
    deliverUntil(now);
    const parcelId = parcelIds[event.parcel % input.parcelCount] as string;
    const occurrence: MilestoneOccurrence = {
      milestone: event.milestone,
      shopId: 's',
      orderId: 'o',
      parcelId,
      occurredAt: new Date(now - event.staleHours * HOUR).toISOString(),
      firstSeenAt: new Date(now).toISOString(),
      sourceEventIds: [String(index)],
      facts: {
        orderNumber: '1',
        carrierName: 'DHL',
        trackingNumber: null,
        previousTrackingNumber: null,
        expectedDate: null,
        previousExpectedDate: null,
        place: null,
        deadline: new Date(now + event.deadlineDays * 24 * HOUR).toISOString().slice(0, 10),
        signedBy: null,
        reason: null,
        actor: null,
        carrierContact: null,
        parcelCount: input.parcelCount > 1 ? { covered: 1, delivered: 0, total: input.parcelCount } : null,
      },
    };
    if (event.staleHours > 72) staleSources.add(String(index));
    reachedAt.push({ parcelId, milestone: event.milestone, step: step++ });
    const decisions = planNotifications({ occurrences: [occurrence], customer, settings, state, now: new Date(now) });
    state = updatePolicyState(state, [occurrence], decisions);
    for (const decision of decisions) {
      if (decision.kind !== 'queue') continue;
      const minutes = input.backlogMinutes[backlog++ % input.backlogMinutes.length] as number;
      attemptAt.set(decision.message.dedupeKey, Date.parse(decision.message.sendAfter) + minutes * MINUTE);
    }
  }
  deliverUntil(Number.POSITIVE_INFINITY);
  return { settings, sent, reachedAt, staleSources };
}

describe('notification policy (property)', () => {
  it('never sends inside quiet hours, never twice, never overtaken, never stale', () => {
    let messages = 0;
    fc.assert(
      fc.property(scenario, (input) => {
        const { sent, reachedAt, staleSources } = simulate(input);
        messages += sent.length;
        const seen = new Set<string>();
        for (const { message, at, step } of sent) {
          // Quiet hours on the recipient's own clock, unless the milestone bypasses them.
          if (message.quietMode !== 'bypass') expect(insideQuietHours(at, input.timeZone, input.quietHours as QuietHours)).toBe(false);
          // Each milestone at most once per parcel and channel.
          for (const parcelId of message.parcelIds) {
            const key = `${parcelId}:${message.milestone}:${message.recipient.channel}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
          // Not overtaken at the moment it went out: some parcel of it had reached nothing later.
          const overtakenParcels = message.parcelIds.filter((parcelId) =>
            reachedAt.some(
              (reached) =>
                reached.parcelId === parcelId && reached.step < step && SUPERSEDED_BY[message.milestone].includes(reached.milestone),
            ),
          );
          expect(overtakenParcels.length).toBeLessThan(message.parcelIds.length);
          if (message.milestone === 'out_for_delivery') {
            for (const parcelId of message.parcelIds) {
              const deliveredBefore = reachedAt.some(
                (reached) => reached.parcelId === parcelId && reached.milestone === 'delivered' && reached.step < step,
              );
              if (message.parcelIds.length === 1) expect(deliveredBefore).toBe(false);
            }
          }
          expect(message.sourceEventIds.every((source) => staleSources.has(source))).toBe(false);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The property must have had something to check.
    expect(messages).toBeGreaterThan(RUNS / 2);
  });
});

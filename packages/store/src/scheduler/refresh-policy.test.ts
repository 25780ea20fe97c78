import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_POLICY, localDate, planNextCheck, startOfLocalHour, type RefreshState } from './refresh-policy';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-17T10:00:00Z'); // 11:00 in Berlin
const noJitter = () => 0.5;

function state(overrides: Partial<RefreshState>): RefreshState {
  return {
    status: 'in_transit',
    lastAnswer: 'shipment',
    expectedDeliveryDate: null,
    timeZone: 'Europe/Berlin',
    watchedBy: 'poll',
    watchedAtMs: NOW - 24 * HOUR,
    notFoundCount: 0,
    errorCount: 0,
    everFound: true,
    finishedAtMs: null,
    confirmationDone: false,
    ...overrides,
  };
}

function hoursUntilNext(overrides: Partial<RefreshState>, now = NOW): number | null {
  const plan = planNextCheck(state(overrides), now, DEFAULT_REFRESH_POLICY, noJitter);
  return plan.nextCheckAtMs === null ? null : (plan.nextCheckAtMs - now) / HOUR;
}

describe('planNextCheck (the README policy table)', () => {
  it('reads each row of the table', () => {
    expect(hoursUntilNext({ status: 'info_received' })).toBe(12);
    expect(hoursUntilNext({ status: 'pending' })).toBe(12);
    expect(hoursUntilNext({ status: 'in_transit' })).toBe(12);
    expect(hoursUntilNext({ status: 'out_for_delivery' })).toBe(3.5);
    expect(hoursUntilNext({ status: 'exception' })).toBe(6);
    expect(hoursUntilNext({ status: 'attempt_failed' })).toBe(6);
    // Due today (Berlin), after the delivery day's start: frequent.
    expect(hoursUntilNext({ expectedDeliveryDate: '2026-03-17' })).toBeCloseTo(50 / 60);
    // Due tomorrow: sleep until 06:00 Berlin tomorrow (05:00Z), 19 h from now.
    expect(hoursUntilNext({ expectedDeliveryDate: '2026-03-18' })).toBe(19);
    // Due in four days: never more than the 24 h cap.
    expect(hoursUntilNext({ expectedDeliveryDate: '2026-03-21' })).toBe(24);
    // Past due: back to the ordinary in-transit interval.
    expect(planNextCheck(state({ expectedDeliveryDate: '2026-03-16' }), NOW, DEFAULT_REFRESH_POLICY, noJitter).rule).toBe(
      'in_transit_past_due',
    );
    // Push-watched: polling is the safety net.
    expect(hoursUntilNext({ status: 'in_transit', watchedBy: 'push' })).toBe(48);
  });

  it('never lets jitter push a check past the delivery day start', () => {
    // 24 h and a minute before 06:00 Berlin on the delivery day: the capped, jittered wait would overshoot it.
    const now = Date.parse('2026-03-17T04:59:00Z');
    const plan = planNextCheck(state({ expectedDeliveryDate: '2026-03-18' }), now, DEFAULT_REFRESH_POLICY, () => 0.999);
    expect(plan.nextCheckAtMs).toBe(Date.parse('2026-03-18T05:00:00Z'));
  });

  it('before the delivery day starts, waits for it even when due today', () => {
    const early = Date.parse('2026-03-17T02:00:00Z'); // 03:00 Berlin
    const plan = planNextCheck(state({ expectedDeliveryDate: '2026-03-17' }), early, DEFAULT_REFRESH_POLICY, noJitter);
    expect(plan).toMatchObject({ rule: 'due_today_before_start', nextCheckAtMs: Date.parse('2026-03-17T05:00:00Z') });
  });

  it('backs off on not_found (doubling, capped) and gives up after seven days', () => {
    const steps = [1, 2, 3, 4, 5, 6].map((count) =>
      hoursUntilNext({ lastAnswer: 'not_found', everFound: false, notFoundCount: count, watchedAtMs: NOW - HOUR }),
    );
    expect(steps).toEqual([1, 2, 4, 8, 12, 12]);
    expect(
      planNextCheck(state({ lastAnswer: 'not_found', everFound: false, notFoundCount: 20, watchedAtMs: NOW - 7 * 24 * HOUR }), NOW),
    ).toEqual({ nextCheckAtMs: null, stoppedReason: 'not_found', rule: 'not_found_give_up' });
    // A number that was found before and is suddenly unknown is a carrier glitch: retried like an error.
    expect(
      planNextCheck(state({ lastAnswer: 'not_found', everFound: true, errorCount: 1 }), NOW, DEFAULT_REFRESH_POLICY, noJitter).rule,
    ).toBe('error_retry');
  });

  it('retries other errors after 15 minutes, doubling up to the in-transit interval', () => {
    expect([1, 2, 3, 10].map((errorCount) => hoursUntilNext({ lastAnswer: 'error', errorCount }))).toEqual([0.25, 0.5, 1, 12]);
  });

  it('after delivered, returned or cancelled: one confirmation check a day later, then stops', () => {
    for (const status of ['delivered', 'returned', 'cancelled'] as const) {
      expect(planNextCheck(state({ status, finishedAtMs: NOW }), NOW)).toEqual({
        nextCheckAtMs: NOW + 24 * HOUR,
        stoppedReason: null,
        rule: 'finished_confirmation',
      });
      expect(planNextCheck(state({ status, finishedAtMs: NOW - 24 * HOUR, confirmationDone: true }), NOW)).toEqual({
        nextCheckAtMs: null,
        stoppedReason: 'finished',
        rule: 'finished_stop',
      });
    }
  });

  it('spreads checks by ±10 % so that they do not bunch', () => {
    const low = planNextCheck(state({}), NOW, DEFAULT_REFRESH_POLICY, () => 0).nextCheckAtMs! - NOW;
    const high = planNextCheck(state({}), NOW, DEFAULT_REFRESH_POLICY, () => 0.999_999).nextCheckAtMs! - NOW;
    expect(low).toBe(12 * HOUR * 0.9);
    expect(high).toBeCloseTo(12 * HOUR * 1.1, -3);
  });

  it('reads local dates and hours across a DST change', () => {
    expect(localDate(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(startOfLocalHour('2026-03-29', 6, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T04:00:00Z'));
    expect(startOfLocalHour('2026-03-28', 6, 'Europe/Berlin')).toBe(Date.parse('2026-03-28T05:00:00Z'));
    expect(startOfLocalHour('2026-01-14', 6, 'America/Chicago')).toBe(Date.parse('2026-01-14T12:00:00Z'));
  });
});

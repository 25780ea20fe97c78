import { describe, expect, it } from 'vitest';
import { ADVANCING_SCHEDULE, buildJourney } from './journeys';
import { SANDBOX_NUMBERS, decodeSandboxNumber, generateSandboxNumbers } from './sandbox-numbers';
import { SANDBOX_CARRIER_IDS, SANDBOX_SCENARIOS, type SandboxCarrierId, type SandboxScenario } from './sandbox-types';
import { instantOfLocal, zonedTime } from './zoned-time';

const HOUR_MS = 3_600_000;
const NOW = Date.parse('2025-03-12T15:00:00Z');

function journeyOf(carrier: SandboxCarrierId, scenario: SandboxScenario, nowMs = NOW, startMs = NOW) {
  return buildJourney(decodeSandboxNumber(carrier, SANDBOX_NUMBERS[carrier][scenario])!, nowMs, startMs);
}

const LATEST: Record<Exclude<SandboxScenario, 'not_found' | 'advancing'>, string> = {
  delivered: 'delivered',
  in_transit: 'departed_hub',
  out_for_delivery: 'out_for_delivery',
  failed_attempt: 'attempt_failed',
  customs_hold: 'customs_held',
  exception: 'exception',
  returned: 'returned',
  available_for_pickup: 'ready_for_pickup',
  label_created: 'label_created',
};

describe('buildJourney', () => {
  it.each(SANDBOX_CARRIER_IDS)('%s: each static scenario ends at its milestone, newest first, all before now', (carrier) => {
    for (const [scenario, milestone] of Object.entries(LATEST) as Array<[keyof typeof LATEST, string]>) {
      const journey = journeyOf(carrier, scenario)!;
      expect(journey.events[0]!.milestone, scenario).toBe(milestone);
      expect(journey.events.at(-1)!.milestone).toBe('label_created');
      for (let index = 1; index < journey.events.length; index++)
        expect(journey.events[index - 1]!.at).toBeGreaterThan(journey.events[index]!.at);
      expect(journey.events[0]!.at).toBeLessThanOrEqual(NOW);
      expect(journey.origin).not.toEqual(journey.destination);
    }
  });

  it('has no journey for not-found numbers', () => {
    for (const carrier of SANDBOX_CARRIER_IDS) expect(journeyOf(carrier, 'not_found')).toBeNull();
  });

  it('is derived, not stored: the same number at the same time gives the same journey; timelines follow the clock', () => {
    expect(journeyOf('fedex', 'delivered')).toEqual(journeyOf('fedex', 'delivered'));
    const later = journeyOf('fedex', 'delivered', NOW + 24 * HOUR_MS)!;
    expect(later.events[0]!.at - journeyOf('fedex', 'delivered')!.events[0]!.at).toBe(24 * HOUR_MS);
  });

  it('gives delivery estimates where a carrier would: a window when out for delivery, a day otherwise', () => {
    const out = journeyOf('ups', 'out_for_delivery')!.estimate!;
    expect(out.kind).toBe('window');
    expect(out.from).toBeGreaterThanOrEqual(NOW);
    expect(out.to! - out.from!).toBe(4 * HOUR_MS);
    expect(journeyOf('ups', 'in_transit')!.estimate).toMatchObject({ kind: 'date', date: '2025-03-13' });
    expect(journeyOf('ups', 'delivered')!.estimate).toBeNull();
  });

  it('crosses a border for customs holds', () => {
    for (const carrier of SANDBOX_CARRIER_IDS) {
      const journey = journeyOf(carrier, 'customs_hold')!;
      expect(journey.international).toBe(true);
      expect(journey.origin.countryCode).not.toBe(journey.destination.countryCode);
    }
  });

  it('moves an advancing parcel along the documented schedule', () => {
    const start = NOW;
    expect(journeyOf('usps', 'advancing', start - 1, start)).toBeNull();
    for (const step of ADVANCING_SCHEDULE) {
      const journey = journeyOf('usps', 'advancing', start + step.afterHours * HOUR_MS, start)!;
      expect(journey.events[0]!.milestone).toBe(step.milestone);
      expect(journey.events[0]!.at).toBe(start + step.afterHours * HOUR_MS);
    }
    const delivered = journeyOf('usps', 'advancing', start + 100 * HOUR_MS, start)!;
    expect(delivered.events).toHaveLength(ADVANCING_SCHEDULE.length);
    expect(delivered.estimate).toBeNull();
    expect(journeyOf('usps', 'advancing', start + HOUR_MS, start)!.estimate).toMatchObject({ kind: 'date', date: '2025-03-14' });
  });

  it('spreads parcels of one scenario over routes and minutes', () => {
    const journeys = generateSandboxNumbers('ups', 50, 'delivered').map((number) =>
      buildJourney(decodeSandboxNumber('ups', number)!, NOW, NOW)!,
    );
    expect(new Set(journeys.map((journey) => `${journey.origin.city}>${journey.destination.city}`)).size).toBeGreaterThan(10);
    expect(new Set(journeys.map((journey) => journey.events[0]!.at)).size).toBeGreaterThan(10);
  });

  it('covers every scenario', () => {
    expect([...Object.keys(LATEST), 'not_found', 'advancing'].sort()).toEqual([...SANDBOX_SCENARIOS].sort());
  });
});

describe('zoned time', () => {
  it('prints local wall-clock time with the zone’s offset, across DST changes', () => {
    expect(zonedTime(Date.parse('2025-03-09T06:59:00Z'), 'America/New_York')).toEqual({
      date: '2025-03-09',
      time: '01:59:00',
      offsetMinutes: -300,
      offset: '-05:00',
    });
    expect(zonedTime(Date.parse('2025-03-09T07:00:00Z'), 'America/New_York')).toEqual({
      date: '2025-03-09',
      time: '03:00:00',
      offsetMinutes: -240,
      offset: '-04:00',
    });
    expect(zonedTime(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin').offset).toBe('+02:00');
    expect(zonedTime(Date.parse('2025-07-01T12:00:00Z'), 'America/Phoenix').offset).toBe('-07:00');
    expect(zonedTime(Date.parse('2025-07-01T23:30:00Z'), 'Asia/Shanghai')).toMatchObject({ date: '2025-07-02', time: '07:30:00' });
  });

  it('finds the instant of a local time', () => {
    expect(new Date(instantOfLocal('2025-03-09', 3, 30, 'America/New_York')).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(new Date(instantOfLocal('2025-11-03', 9, 0, 'Europe/Berlin')).toISOString()).toBe('2025-11-03T08:00:00.000Z');
  });
});

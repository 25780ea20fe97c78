import { describe, expect, it } from 'vitest';
import { answerAfter, LABEL_AT, TEST_JOURNEY } from '../__fixtures__/parcel-answers';
import type { DelayThresholdSettings } from '@wismo/order-view';
import { delayRulesMayApply, lowestDelayThresholds } from './detect-changes';
import { standInOrder, viewFactsFor } from './view-facts';

const HOUR = 3_600_000;

describe('delayRulesMayApply (the shortcut that skips building the order view)', () => {
  it('is never false where the order view finds a delay: every journey step, every hour for 12 days, with and without an estimate', () => {
    let skipped = 0;
    let delays = 0;
    for (let scans = 1; scans <= TEST_JOURNEY.length; scans++) {
      for (const eta of [null, '2026-03-18']) {
        const shipment = answerAfter('00340434161094100001', scans, { eta });
        for (let hours = TEST_JOURNEY[scans - 1]!.afterHours; hours < 12 * 24; hours += 1) {
          const nowMs = LABEL_AT + hours * HOUR;
          for (const timeZone of ['Pacific/Kiritimati', 'UTC', 'Pacific/Pago_Pago']) {
            const order = standInOrder({
              trackingId: 'trk_1',
              carrier: 'dhl',
              trackingNumber: shipment.trackingNumber,
              watchedAtIso: new Date(LABEL_AT).toISOString(),
              timeZone,
              locale: 'en',
              direction: 'outbound',
            });
            const facts = viewFactsFor(order, 'trk_1', [shipment], nowMs);
            if (!delayRulesMayApply(shipment, nowMs)) {
              skipped += 1;
              expect(facts.delays, `${scans} scans, ${hours} h, ${timeZone}, eta ${eta}`).toEqual([]);
            } else if (facts.delays.length > 0) delays += 1;
          }
        }
      }
    }
    // The shortcut is taken often, and the view still finds delays where they are.
    expect(skipped).toBeGreaterThan(1_000);
    expect(delays).toBeGreaterThan(1_000);
  });

  it('stays safe with a shop’s own thresholds: the lowest of every level is used', () => {
    const settings: DelayThresholdSettings = {
      default: { stalledInTransitHours: 30 },
      carriers: {
        dhl: { stalledOutForDeliveryHours: 6, services: { express: { stalledInTransitHours: 10, neverScannedBusinessDays: 1 } } },
      },
    };
    const lowest = lowestDelayThresholds(settings);
    expect(lowest).toMatchObject({ stalledInTransitHours: 10, stalledOutForDeliveryHours: 6, neverScannedBusinessDays: 1 });
    let skipped = 0;
    let delays = 0;
    for (let scans = 1; scans <= TEST_JOURNEY.length; scans++) {
      const shipment = answerAfter('00340434161094100001', scans);
      for (const serviced of [shipment, { ...shipment, service: { code: 'express', name: 'Express' } }]) {
        for (let hours = TEST_JOURNEY[scans - 1]!.afterHours; hours < 8 * 24; hours += 1) {
          const nowMs = LABEL_AT + hours * HOUR;
          const order = standInOrder({
            trackingId: 'trk_1',
            carrier: 'dhl',
            trackingNumber: shipment.trackingNumber,
            watchedAtIso: new Date(LABEL_AT).toISOString(),
            timeZone: 'UTC',
            locale: 'en',
            direction: 'outbound',
          });
          const facts = viewFactsFor(order, 'trk_1', [serviced as typeof shipment], nowMs, { thresholds: settings });
          if (!delayRulesMayApply(serviced as typeof shipment, nowMs, lowest)) {
            skipped += 1;
            expect(facts.delays, `${scans} scans, ${hours} h`).toEqual([]);
          } else if (facts.delays.length > 0) delays += 1;
        }
      }
    }
    expect(skipped).toBeGreaterThan(100);
    expect(delays).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { carrierPerformance } from './carrier-performance';
import { createInMemoryDeliveryHistory, transitBusinessDays, type DeliveryRecordInput } from './delivery-history';
import { predictDelivery, predictionConfidence } from './predict-delivery';

const lane = { originCountry: 'DE', originRegion: 'NW', destinationCountry: 'DE', destinationRegion: 'BY' };

function records(count: number, overrides: Partial<DeliveryRecordInput>, transitDays: (index: number) => number): DeliveryRecordInput[] {
  // Shipped on Mondays, so business days and calendar days agree up to 4 days.
  return Array.from({ length: count }, (_, index) => {
    const shipped = new Date(Date.UTC(2026, 0, 5 + 7 * (index % 10)));
    const delivered = new Date(shipped.getTime() + transitDays(index) * 86_400_000);
    return {
      carrier: 'dhl',
      service: 'V01PAK',
      ...lane,
      shippedAt: shipped.toISOString().slice(0, 10),
      deliveredAt: delivered.toISOString().slice(0, 10),
      promisedAt: null,
      ...overrides,
    };
  });
}

describe('delivery history', () => {
  it('counts transit in business days, ship date excluded, delivery date included', () => {
    expect(transitBusinessDays('2026-03-27T17:00:00+01:00', '2026-03-30')).toBe(1); // Friday → Monday
    expect(transitBusinessDays('2026-03-30', '2026-03-30')).toBe(0);
    expect(transitBusinessDays('2026-03-30', '2026-03-27')).toBeNull();
  });

  it('rejects a record delivered before it was shipped', () => {
    expect(() =>
      createInMemoryDeliveryHistory([
        { carrier: 'dhl', originCountry: 'DE', destinationCountry: 'DE', shippedAt: '2026-03-30', deliveredAt: '2026-03-27' },
      ]),
    ).toThrow(RangeError);
  });

  it('summarises any subset of carrier, service and lane, case-insensitively', () => {
    const history = createInMemoryDeliveryHistory([...records(30, {}, () => 1), ...records(10, { destinationRegion: 'be' }, () => 2)]);
    expect(history.summarise({ carrier: 'DHL' }).sampleSize).toBe(40);
    expect(history.summarise({ carrier: 'dhl', destinationRegion: 'BE' }).transitDayCounts).toEqual([0, 0, 10]);
    history.add({ carrier: 'dhl', service: 'V01PAK', ...lane, shippedAt: '2026-03-02', deliveredAt: '2026-03-03' });
    expect(history.summarise({ carrier: 'dhl' }).sampleSize).toBe(41);
  });
});

describe('ETA prediction', () => {
  it('uses the most specific lane with enough deliveries and says which', () => {
    const history = createInMemoryDeliveryHistory([
      ...records(25, {}, (index) => (index < 15 ? 1 : index < 22 ? 2 : 3)),
      ...records(200, { destinationRegion: 'HH' }, () => 4),
    ]);
    const exact = predictDelivery(history, { carrier: 'dhl', service: 'V01PAK', lane, startDate: '2026-03-30', today: '2026-03-30' })!;
    expect(exact.basis.level).toBe('service_and_regions');
    // 25 deliveries: 15 took 1 day, 7 took 2, 3 took 3; the 23rd fastest (p90) took 3.
    expect(exact.estimatedDelivery).toMatchObject({ from: '2026-03-31', to: '2026-04-02', source: 'predicted', timeKind: 'date' });
    expect(exact.basis).toMatchObject({ sampleSize: 25, transitDaysP50: 1, transitDaysP90: 3 });

    // A region with no history of its own falls back to the country pair.
    const broader = predictDelivery(history, {
      carrier: 'dhl',
      service: 'V01PAK',
      lane: { ...lane, destinationRegion: 'SN' },
      startDate: '2026-03-30',
      today: '2026-03-30',
    })!;
    expect(broader.basis.level).toBe('service_and_countries');
    expect(broader.basis.sampleSize).toBe(225);
  });

  it('never predicts a date in the past for a parcel already on its way', () => {
    const history = createInMemoryDeliveryHistory(records(100, {}, (index) => (index < 80 ? 1 : index < 95 ? 2 : 4)));
    // Picked up Wednesday, still not delivered on Friday: only the slow deliveries count.
    const prediction = predictDelivery(history, {
      carrier: 'dhl',
      service: 'V01PAK',
      lane,
      startDate: '2026-03-25',
      today: '2026-03-27',
      minimumSampleSize: 5,
    })!;
    expect(prediction.basis.businessDaysElapsed).toBe(2);
    expect(prediction.basis.sampleSize).toBe(20);
    expect(prediction.estimatedDelivery.from! >= '2026-03-27').toBe(true);
    expect(prediction.estimatedDelivery).toMatchObject({ from: '2026-03-27', to: '2026-03-31' });
  });

  it('predicts nothing without enough deliveries or without countries', () => {
    const history = createInMemoryDeliveryHistory(records(5, {}, () => 1));
    expect(predictDelivery(history, { carrier: 'dhl', service: 'V01PAK', lane, startDate: '2026-03-30', today: '2026-03-30' })).toBeNull();
    expect(
      predictDelivery(history, {
        carrier: 'dhl',
        service: 'V01PAK',
        lane: { ...lane, originCountry: null },
        startDate: '2026-03-30',
        today: '2026-03-30',
        minimumSampleSize: 1,
      }),
    ).toBeNull();
  });

  it('grows confidence with sample size and shrinks it with spread and broader lanes', () => {
    expect(predictionConfidence(20, 1, 1, 'service_and_regions')).toBe(0.5);
    expect(predictionConfidence(500, 1, 1, 'service_and_regions')).toBe(0.96);
    expect(predictionConfidence(500, 1, 4, 'service_and_regions')).toBe(0.48);
    expect(predictionConfidence(500, 1, 1, 'carrier_and_countries')).toBe(0.67);
  });
});

describe('carrier performance', () => {
  it('reports on-time rate, transit p50/p90 and sample size per carrier, service and lane', () => {
    const history = createInMemoryDeliveryHistory([
      ...records(8, { promisedAt: '2026-12-31' }, () => 1),
      ...records(2, { promisedAt: '2026-01-01' }, () => 3),
      ...records(5, { service: 'V62WP', promisedAt: null }, () => 2),
    ]);
    expect(carrierPerformance(history, { carrier: 'dhl', service: 'V01PAK', lane })).toEqual({
      carrier: 'dhl',
      service: 'V01PAK',
      lane,
      sampleSize: 10,
      onTimeRate: 0.8,
      onTimeSampleSize: 10,
      transitDays: { p50: 1, p90: 3 },
    });
    expect(carrierPerformance(history, { carrier: 'dhl', service: 'V62WP' })).toMatchObject({
      sampleSize: 5,
      onTimeRate: null,
      transitDays: { p50: 2, p90: 2 },
    });
    expect(carrierPerformance(history, { carrier: 'ups' })).toMatchObject({ sampleSize: 0, onTimeRate: null, transitDays: null });
  });
});

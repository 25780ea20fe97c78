import type { EstimatedDelivery } from '@wismo/core';
import { addBusinessDays, businessDaysBetween, isBusinessDay, type CalendarDate } from '../time/calendar-date';
import type { DeliveryHistory } from './delivery-history';
import { LANE_LEVELS, queryForLevel, type Lane, type LaneLevel } from './lanes';
import { countsFrom, percentileOfCounts, totalOf } from './transit-statistics';

export const DEFAULT_MINIMUM_SAMPLE_SIZE = 20;

/** Broader comparison groups say less about this parcel. */
const LEVEL_WEIGHT: Record<LaneLevel, number> = {
  service_and_regions: 1,
  service_and_destination_region: 0.95,
  service_and_countries: 0.85,
  carrier_and_countries: 0.7,
};

export interface PredictionRequest {
  carrier: string;
  service: string | null;
  lane: Lane;
  /** The date the carrier got the parcel (first scan), or today when it has not been collected yet. */
  startDate: CalendarDate;
  /** Today in the customer's time zone. */
  today: CalendarDate;
  minimumSampleSize?: number;
}

export interface PredictionBasis {
  kind: 'delivery_history';
  level: LaneLevel;
  /** Deliveries the range is computed from (after leaving out those faster than the time already spent). */
  sampleSize: number;
  startDate: CalendarDate;
  /** Business days already spent; deliveries faster than this are left out. */
  businessDaysElapsed: number;
  transitDaysP50: number;
  transitDaysP90: number;
}

export interface DeliveryPrediction {
  estimatedDelivery: EstimatedDelivery;
  basis: PredictionBasis;
}

/**
 * Confidence in 0..1 from how many deliveries back the range (n / (n + 20)), how narrow it is
 * (1 / (1 + (p90 − p50) / 3)) and how specific the lane is (1 for the exact lane down to 0.7 for the
 * country pair). A heuristic, documented so that it can be judged, not a calibrated probability.
 */
export function predictionConfidence(sampleSize: number, p50: number, p90: number, level: LaneLevel): number {
  const sampleWeight = sampleSize / (sampleSize + 20);
  const spreadWeight = 1 / (1 + (p90 - p50) / 3);
  return Math.round(sampleWeight * spreadWeight * LEVEL_WEIGHT[level] * 100) / 100;
}

/**
 * Predicts delivery from past deliveries of the same carrier, service and lane: the range runs from the
 * median (p50) to the 90th percentile (p90) of business days in transit, added to the start date. For a
 * parcel already on its way only deliveries at least as slow as the time spent so far are counted, so the
 * range never lies in the past. Null when no level has enough deliveries.
 */
export function predictDelivery(history: DeliveryHistory, request: PredictionRequest): DeliveryPrediction | null {
  const minimumSampleSize = request.minimumSampleSize ?? DEFAULT_MINIMUM_SAMPLE_SIZE;
  const startDate = request.startDate > request.today ? request.today : request.startDate;
  const elapsed = businessDaysBetween(startDate, request.today);
  // On a weekend today's business day is already over: the earliest possible day is the next one.
  const minimumTransitDays = elapsed + (isBusinessDay(request.today) || elapsed === 0 ? 0 : 1);
  for (const level of LANE_LEVELS) {
    const query = queryForLevel(level, request.carrier, request.service, request.lane);
    if (!query) continue;
    const counts = countsFrom(history.summarise(query).transitDayCounts, minimumTransitDays);
    const sampleSize = totalOf(counts);
    if (sampleSize < minimumSampleSize) continue;
    const p50 = percentileOfCounts(counts, 0.5)!;
    const p90 = percentileOfCounts(counts, 0.9)!;
    return {
      estimatedDelivery: {
        from: addBusinessDays(startDate, p50),
        to: addBusinessDays(startDate, p90),
        timeKind: 'date',
        source: 'predicted',
        confidence: predictionConfidence(sampleSize, p50, p90, level),
      },
      basis: {
        kind: 'delivery_history',
        level,
        sampleSize,
        startDate,
        businessDaysElapsed: elapsed,
        transitDaysP50: p50,
        transitDaysP90: p90,
      },
    };
  }
  return null;
}

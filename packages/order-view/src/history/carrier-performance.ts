import type { DeliveryHistory } from './delivery-history';
import { LANE_LEVELS, queryForLevel, type Lane, type LaneLevel } from './lanes';
import { percentileOfCounts } from './transit-statistics';

export interface CarrierPerformance {
  carrier: string;
  service: string | null;
  lane: Partial<Lane>;
  sampleSize: number;
  /** Delivered on or before the promised date, among deliveries that had one; null without any. */
  onTimeRate: number | null;
  onTimeSampleSize: number;
  /** Business days in transit (nearest-rank percentiles); null without deliveries. */
  transitDays: { p50: number; p90: number } | null;
}

export interface CarrierPerformanceQuery {
  carrier: string;
  service?: string | null;
  lane?: Partial<Lane>;
}

/** On-time rate and transit-day percentiles of one carrier, optionally narrowed to a service and a lane. */
export function carrierPerformance(history: DeliveryHistory, query: CarrierPerformanceQuery): CarrierPerformance {
  const lane = query.lane ?? {};
  const summary = history.summarise({ carrier: query.carrier, service: query.service ?? null, ...lane });
  const p50 = percentileOfCounts(summary.transitDayCounts, 0.5);
  const p90 = percentileOfCounts(summary.transitDayCounts, 0.9);
  return {
    carrier: query.carrier,
    service: query.service ?? null,
    lane,
    sampleSize: summary.sampleSize,
    onTimeRate: summary.promisedCount > 0 ? Math.round((summary.onTimeCount / summary.promisedCount) * 1000) / 1000 : null,
    onTimeSampleSize: summary.promisedCount,
    transitDays: p50 === null || p90 === null ? null : { p50, p90 },
  };
}

/** Performance at the most specific lane level with enough deliveries, for a parcel's panel. */
export function laneCarrierPerformance(
  history: DeliveryHistory,
  carrier: string,
  service: string | null,
  lane: Lane,
  minimumSampleSize: number,
): (CarrierPerformance & { level: LaneLevel }) | null {
  for (const level of LANE_LEVELS) {
    const query = queryForLevel(level, carrier, service, lane);
    if (!query) continue;
    const { carrier: _carrier, service: queryService, ...queryLane } = query;
    const performance = carrierPerformance(history, { carrier, service: queryService ?? null, lane: queryLane });
    if (performance.sampleSize >= minimumSampleSize) return { ...performance, level };
  }
  return null;
}

import { createInMemoryDeliveryHistory, type DeliveryRecordInput, type InMemoryDeliveryHistory } from '../history/delivery-history';
import { addBusinessDays, addCalendarDays, isBusinessDay } from '../time/calendar-date';

/** A small, seeded PRNG (mulberry32): the same history on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface LaneProfile {
  carrier: string;
  service: string;
  originCountry: string;
  originRegion: string;
  destinationCountry: string;
  destinationRegions: readonly string[];
  /** Share of deliveries by business days in transit (index = days). */
  transitShares: readonly number[];
  /** Business days promised at checkout. */
  promisedBusinessDays: number;
  count: number;
}

const LANES: readonly LaneProfile[] = [
  // DHL Paket from a warehouse in Bielefeld (NRW) across Germany.
  {
    carrier: 'dhl',
    service: 'V01PAK',
    originCountry: 'DE',
    originRegion: 'NW',
    destinationCountry: 'DE',
    destinationRegions: ['BY', 'BE', 'HH', 'NW', 'SN', 'BW', 'HE', 'NI'],
    transitShares: [0, 0.55, 0.28, 0.09, 0.04, 0.02, 0.01, 0, 0.01],
    promisedBusinessDays: 2,
    count: 800,
  },
  // DHL eCommerce Parcel Expedited from Edison, NJ, with USPS on the last mile.
  {
    carrier: 'dhl_ecommerce',
    service: 'EXP',
    originCountry: 'US',
    originRegion: 'NJ',
    destinationCountry: 'US',
    destinationRegions: ['NY', 'FL', 'CA', 'TX', 'IL'],
    transitShares: [0, 0, 0.1, 0.3, 0.3, 0.15, 0.1, 0.05],
    promisedBusinessDays: 5,
    count: 500,
  },
  // UPS Ground from Edison, NJ.
  {
    carrier: 'ups',
    service: '03',
    originCountry: 'US',
    originRegion: 'NJ',
    destinationCountry: 'US',
    destinationRegions: ['NY', 'FL', 'CA', 'TX', 'IL'],
    transitShares: [0, 0.2, 0.3, 0.25, 0.15, 0.1],
    promisedBusinessDays: 4,
    count: 400,
  },
];

function pick(shares: readonly number[], draw: number): number {
  let cumulative = 0;
  for (let days = 0; days < shares.length; days++) {
    cumulative += shares[days]!;
    if (draw < cumulative) return days;
  }
  return shares.length - 1;
}

/** Deliveries shipped on business days from 2026-01-05 to 2026-03-20. */
export function createTestDeliveryRecords(seed = 20260331): DeliveryRecordInput[] {
  const next = random(seed);
  const records: DeliveryRecordInput[] = [];
  for (const lane of LANES) {
    for (let index = 0; index < lane.count; index++) {
      let shipped = addCalendarDays('2026-01-05', Math.floor(next() * 75));
      while (!isBusinessDay(shipped)) shipped = addCalendarDays(shipped, 1);
      const transitDays = pick(lane.transitShares, next());
      records.push({
        carrier: lane.carrier,
        service: lane.service,
        originCountry: lane.originCountry,
        originRegion: lane.originRegion,
        destinationCountry: lane.destinationCountry,
        destinationRegion: lane.destinationRegions[Math.floor(next() * lane.destinationRegions.length)]!,
        shippedAt: `${shipped}T17:30:00${lane.originCountry === 'DE' ? '+01:00' : '-05:00'}`,
        deliveredAt: addBusinessDays(shipped, transitDays),
        promisedAt: addBusinessDays(shipped, lane.promisedBusinessDays),
      });
    }
  }
  return records;
}

export function createTestDeliveryHistory(): InMemoryDeliveryHistory {
  return createInMemoryDeliveryHistory(createTestDeliveryRecords());
}

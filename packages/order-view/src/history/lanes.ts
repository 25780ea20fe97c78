import type { DeliveryHistoryQuery } from './delivery-history';

/** Where a parcel travels, as precise as the history is kept. */
export interface Lane {
  originCountry: string | null;
  originRegion: string | null;
  destinationCountry: string | null;
  destinationRegion: string | null;
}

/**
 * From the most specific comparison group to the broadest. Prediction and performance use the first level
 * with enough deliveries. Country pairs are never dropped: a domestic lane says nothing about an
 * international one.
 */
export const LANE_LEVELS = [
  'service_and_regions',
  'service_and_destination_region',
  'service_and_countries',
  'carrier_and_countries',
] as const;
export type LaneLevel = (typeof LANE_LEVELS)[number];

export function queryForLevel(level: LaneLevel, carrier: string, service: string | null, lane: Lane): DeliveryHistoryQuery | null {
  const { originCountry, originRegion, destinationCountry, destinationRegion } = lane;
  if (!originCountry || !destinationCountry) return null;
  switch (level) {
    case 'service_and_regions':
      return service && originRegion && destinationRegion
        ? { carrier, service, originCountry, originRegion, destinationCountry, destinationRegion }
        : null;
    case 'service_and_destination_region':
      return service && destinationRegion ? { carrier, service, originCountry, destinationCountry, destinationRegion } : null;
    case 'service_and_countries':
      return service ? { carrier, service, originCountry, destinationCountry } : null;
    case 'carrier_and_countries':
      return { carrier, originCountry, destinationCountry };
  }
}

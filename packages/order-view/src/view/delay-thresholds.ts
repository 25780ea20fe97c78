/** When silence becomes a delay. */
export interface DelayThresholds {
  /** No scan for this long while in transit (or returning) within one country: stalled. */
  stalledInTransitHours: number;
  /** The same across borders, where line haul and customs leave longer gaps. */
  stalledInternationalHours: number;
  /** Out for delivery this long without a delivery or attempt scan: stalled. */
  stalledOutForDeliveryHours: number;
  /** Labelled but not picked up after this many business days (Mon–Fri) after the label date: never scanned. */
  neverScannedBusinessDays: number;
  /** A "delivered but not received" report younger than this: first ask the customer to look around; later, trace. */
  notReceivedTraceAfterHours: number;
}

/**
 * Defaults: 72 h covers a Friday-evening scan followed by a Monday-evening one; 120 h allows for a border;
 * 24 h on the van means the delivery day has passed; two business days is the usual promise to hand a
 * labelled parcel over; 48 h is the common carrier advice before a trace for a "delivered" parcel.
 */
export const DEFAULT_DELAY_THRESHOLDS: DelayThresholds = {
  stalledInTransitHours: 72,
  stalledInternationalHours: 120,
  stalledOutForDeliveryHours: 24,
  neverScannedBusinessDays: 2,
  notReceivedTraceAfterHours: 48,
};

/** Overrides: for all carriers, per carrier, and per carrier service (service code as the carrier reports it). */
export interface DelayThresholdSettings {
  default?: Partial<DelayThresholds>;
  carriers?: Readonly<Record<string, Partial<DelayThresholds> & { services?: Readonly<Record<string, Partial<DelayThresholds>>> }>>;
}

/** Defaults ← `default` ← carrier ← carrier service. */
export function thresholdsFor(settings: DelayThresholdSettings | undefined, carrier: string, serviceCode: string | null): DelayThresholds {
  const carrierSettings = settings?.carriers?.[carrier];
  const { services, ...carrierOverrides } = carrierSettings ?? {};
  const serviceOverrides = serviceCode ? services?.[serviceCode] : undefined;
  return { ...DEFAULT_DELAY_THRESHOLDS, ...settings?.default, ...carrierOverrides, ...serviceOverrides };
}

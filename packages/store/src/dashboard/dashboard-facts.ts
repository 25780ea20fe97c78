import { approximateEpochMs, type Shipment } from '@wismo/core';
import type { DetectedChanges, TrackingRecord } from '../ingest/detect-changes';
import type { DashboardDeliveryColumns, DashboardTrackingColumns } from './dashboard-tables';

interface TrackingFacts {
  service: string | null;
  destinationCountry: string | null;
  /** The carrier's current ETA day (as written); stored only while none is stored yet. */
  carrierEtaOn: string | null;
  pickupSince: number | null;
}

function factsOf(shipment: Shipment | null, nowMs: number, previous: TrackingFacts | null): TrackingFacts {
  const eta = shipment?.estimatedDelivery;
  const etaLast = eta && eta.source === 'carrier' ? (eta.to ?? eta.from) : null;
  let pickupSince: number | null = null;
  if (shipment?.status === 'available_for_pickup') {
    const since = shipment.statusSince ? approximateEpochMs(shipment.statusSince) : Number.NEGATIVE_INFINITY;
    // Without a time from the carrier: when wismo first saw it waiting.
    pickupSince = Number.isFinite(since) ? since : (previous?.pickupSince ?? nowMs);
  }
  return {
    service: shipment?.service?.code ?? null,
    destinationCountry: shipment?.destination?.countryCode ?? null,
    carrierEtaOn: etaLast ? etaLast.slice(0, 10) : null,
    pickupSince,
  };
}

const sameFacts = (a: TrackingFacts, b: TrackingFacts) =>
  a.service === b.service &&
  a.destinationCountry === b.destinationCountry &&
  a.pickupSince === b.pickupSince &&
  (a.carrierEtaOn !== null) === (b.carrierEtaOn !== null);

/** The dashboard columns an ingest batch writes, by tracking id; ingest writes them with its own rows. */
export interface DashboardFactsOfBatch {
  /**
   * The tracking columns of each parcel whose service, destination, pickup arrival or first carrier ETA changed.
   * `first_eta_on` is the carrier's current ETA day: it fills the column only while that is empty.
   */
  trackings: Map<string, DashboardTrackingColumns>;
  /** On a delivery: whether it met the first carrier ETA, had a failed attempt or went through an exception. */
  deliveries: Map<string, DashboardDeliveryColumns>;
}

/**
 * Keeps the dashboard's columns (migration 4) in step with an ingest batch: service, destination country and
 * pickup arrival when they change, the first carrier ETA once, and on a delivery whether it met that first ETA,
 * had a failed attempt or went through an exception. Most answers change none of them. Pure: ingest writes the
 * tracking columns in its upsert of the row and the delivery flags with the delivery row, so that no row is
 * written twice. `storedFirstEtaOn` is each tracking's `first_eta_on` as the batch found it.
 */
export function dashboardFactsOf(
  changes: readonly DetectedChanges[],
  storedRecords: ReadonlyMap<string, TrackingRecord>,
  storedFirstEtaOn: ReadonlyMap<string, string | null>,
  nowMs: number,
): DashboardFactsOfBatch {
  const known = new Map<string, TrackingFacts>();
  const changed = new Map<string, TrackingFacts>();
  for (const change of changes) {
    const id = change.record.id;
    const before = known.get(id) ?? factsOf(storedRecords.get(id)?.shipment ?? null, nowMs, null);
    const after = factsOf(change.record.shipment, nowMs, before);
    known.set(id, after);
    if (!sameFacts(before, after)) changed.set(id, after);
  }
  const trackings = new Map<string, DashboardTrackingColumns>();
  for (const [id, facts] of changed)
    trackings.set(id, {
      service: facts.service,
      destination_country: facts.destinationCountry,
      first_eta_on: facts.carrierEtaOn,
      pickup_since: facts.pickupSince,
    });
  const deliveries = new Map<string, DashboardDeliveryColumns>();
  for (const change of changes) {
    if (!change.delivery) continue;
    const id = change.record.id;
    const events = change.record.shipment?.events ?? [];
    // What the tracking's column holds once the batch is written: the stored first ETA, else this batch's.
    const firstEtaOn = storedFirstEtaOn.get(id) ?? changed.get(id)?.carrierEtaOn ?? null;
    deliveries.set(id, {
      first_eta_on: firstEtaOn,
      on_time_first_eta: firstEtaOn === null ? null : change.delivery.deliveredOn <= firstEtaOn ? 1 : 0,
      failed_attempt: events.some((event) => event.status === 'attempt_failed') ? 1 : 0,
      had_exception: events.some((event) => event.status === 'exception') ? 1 : 0,
    });
  }
  return { trackings, deliveries };
}

import { sql, type Kysely } from 'kysely';
import { approximateEpochMs, type Shipment } from '@wismo/core';
import type { Database } from '../database/tables';
import type { DetectedChanges, TrackingRecord } from '../ingest/detect-changes';
import type { DashboardDatabase } from './dashboard-tables';

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

/**
 * Keeps the dashboard's columns (migration 4) in step with an ingest batch, in the batch's transaction: service,
 * destination country and pickup arrival when they change, the first carrier ETA once, and on a delivery
 * whether it met that first ETA, had a failed attempt or went through an exception. Most answers change none
 * of them and cost no statement.
 */
export async function recordDashboardFacts(
  executor: Kysely<Database>,
  changes: readonly DetectedChanges[],
  storedRecords: ReadonlyMap<string, TrackingRecord>,
  nowMs: number,
): Promise<void> {
  const db = executor as unknown as Kysely<DashboardDatabase>;
  const known = new Map<string, TrackingFacts>();
  const changed = new Map<string, TrackingFacts>();
  for (const change of changes) {
    const id = change.record.id;
    const before = known.get(id) ?? factsOf(storedRecords.get(id)?.shipment ?? null, nowMs, null);
    const after = factsOf(change.record.shipment, nowMs, before);
    known.set(id, after);
    if (!sameFacts(before, after)) changed.set(id, after);
  }
  // One statement per 200 parcels (most batches have none: these facts rarely change after the first answer).
  const entries = [...changed];
  for (let start = 0; start < entries.length; start += 200) {
    const part = entries.slice(start, start + 200);
    const byId = <T>(value: (facts: TrackingFacts) => T) =>
      sql<T>`(case id ${sql.join(
        part.map(([id, facts]) => sql`when ${id} then ${value(facts)}`),
        sql` `,
      )} end)`;
    await db
      .updateTable('trackings')
      .set({
        service: byId((facts) => facts.service),
        destination_country: byId((facts) => facts.destinationCountry),
        // Parameters arrive as text on PostgreSQL: the instant is cast back.
        pickup_since: sql<number | null>`cast(${byId((facts) => facts.pickupSince)} as bigint)`,
        first_eta_on: sql<string | null>`coalesce(first_eta_on, ${byId((facts) => facts.carrierEtaOn)})`,
      })
      .where(
        'id',
        'in',
        part.map(([id]) => id),
      )
      .execute();
  }
  for (const change of changes) {
    if (!change.delivery) continue;
    const id = change.record.id;
    const events = change.record.shipment?.events ?? [];
    const row = await db.selectFrom('trackings').select('first_eta_on').where('id', '=', id).executeTakeFirst();
    const firstEtaOn = row?.first_eta_on ?? null;
    await db
      .updateTable('deliveries')
      .set({
        first_eta_on: firstEtaOn,
        on_time_first_eta: firstEtaOn === null ? null : change.delivery.deliveredOn <= firstEtaOn ? 1 : 0,
        failed_attempt: events.some((event) => event.status === 'attempt_failed') ? 1 : 0,
        had_exception: events.some((event) => event.status === 'exception') ? 1 : 0,
      })
      .where('tracking_id', '=', id)
      .execute();
  }
}

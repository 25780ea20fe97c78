import type { TrackManyOutcome } from '@wismo/core';
import type { Store } from '@wismo/store';
import type { InputRow } from '../reconcile/input';

export interface StoreRecordCounts {
  /** Rows whose answer went into the store. */
  recorded: number;
  /** Of them, rows whose answer changed what the store knew. */
  changed: number;
  /** Outbox events the answers produced (status changes, new scans, delays, …). */
  events: number;
  /** Rows with no carrier (nothing matched the number): in the output file only. */
  withoutCarrier: number;
}

/**
 * What `reconcile --store` does with each row: the number is watched (linked to its order) and the
 * carrier's answer — a shipment, or the error — is ingested through the store's change detection, so the
 * store carries on from the reconciliation (the worker checks the parcels from then on).
 */
export function createReconcileStoreRecorder(store: Store, options: { shopId?: string; clock?: () => Date } = {}) {
  const shop = store.shop(options.shopId);
  const clock = options.clock ?? (() => new Date());
  const counts: StoreRecordCounts = { recorded: 0, changed: 0, events: 0, withoutCarrier: 0 };
  async function record(row: InputRow, outcome: TrackManyOutcome): Promise<void> {
    const carrier = outcome.carrier ?? (outcome.ok ? outcome.shipment.carrier : null) ?? (row.carrier || null);
    // Without a carrier (nothing matched the number), the store could not check it later either.
    if (!carrier) {
      counts.withoutCarrier += 1;
      return;
    }
    const tracking = await shop.watch(row.trackingNumber, { carrier, ...(row.orderId ? { orderId: row.orderId } : {}) });
    const result = await store.ingest(
      outcome.ok
        ? { trackingId: tracking.id, shipment: outcome.shipment, checkedAt: clock() }
        : {
            trackingId: tracking.id,
            error: { code: outcome.error.code, message: outcome.error.message, retryable: outcome.error.retryable },
            checkedAt: clock(),
          },
    );
    counts.recorded += 1;
    if (result.changed) counts.changed += 1;
    counts.events += result.events.length;
  }
  return { record, counts };
}

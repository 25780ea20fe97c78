import type { Kysely } from 'kysely';
import { storeDatabase } from '../database/store-database';
import type { Database, DeliveriesTable, TrackingsTable } from '../database/tables';
import type { Store, StoreEngine } from '../store-types';

/** Columns of migration 4 on `trackings`, kept apart so that ingest's row mapping does not carry them. */
export interface DashboardTrackingColumns {
  /** `Shipment.service.code`. */
  service: string | null;
  /** `Shipment.destination.countryCode`. */
  destination_country: string | null;
  /** The day of the carrier's first ETA, as the carrier wrote it (`YYYY-MM-DD`); never overwritten. */
  first_eta_on: string | null;
  /** When the parcel reached its pickup point (epoch ms); null unless it waits there. */
  pickup_since: number | null;
}

/** Columns of migration 4 on `deliveries`. */
export interface DashboardDeliveryColumns {
  first_eta_on: string | null;
  /** 1 when delivered on or before `first_eta_on`. */
  on_time_first_eta: number | null;
  /** 1 when a delivery attempt failed on the way. */
  failed_attempt: number | null;
  /** 1 when the parcel went through an exception on the way. */
  had_exception: number | null;
}

/** Where an order was looked at (migration 4). */
export const ORDER_LOOKUP_SOURCES = ['tracking_page', 'helpdesk_panel'] as const;
export type OrderLookupSource = (typeof ORDER_LOOKUP_SOURCES)[number];

/** One look at an order: a tracking-page view by the customer, or a helpdesk panel opened on a ticket. */
export interface OrderLookupsTable {
  shop_id: string;
  order_id: string;
  source: string;
  looked_up_at: number;
}

export interface DashboardDatabase extends Omit<Database, 'trackings' | 'deliveries'> {
  trackings: TrackingsTable & DashboardTrackingColumns;
  deliveries: DeliveriesTable & DashboardDeliveryColumns;
  order_lookups: OrderLookupsTable;
}

/** The store's database with the dashboard's columns typed. */
export function dashboardDatabase(store: Store): { db: Kysely<DashboardDatabase>; engine: StoreEngine } {
  const { db, engine } = storeDatabase(store);
  return { db: db as unknown as Kysely<DashboardDatabase>, engine };
}

import type { Selectable } from 'kysely';
import type { Shipment, ShipmentStatus, Substatus } from '@wismo/core';
import type { TrackingRecord } from '../ingest/detect-changes';
import type { DelayKind, OutboxEvent, TrackedShipment, WatchCustomer } from '../store-types';
import type { OutboxTable, TrackingsTable } from './tables';

export type TrackingRow = Selectable<TrackingsTable>;

/** An epoch column as ISO 8601 UTC; PostgreSQL's int8 may come as a string. */
export function iso(epochMs: number | string | null): string | null {
  return epochMs === null ? null : new Date(Number(epochMs)).toISOString();
}

export function recordOfRow(row: TrackingRow): TrackingRecord {
  return {
    id: row.id,
    shopId: row.shop_id,
    carrier: row.carrier === '' ? null : row.carrier,
    trackingNumber: row.tracking_number,
    orderId: row.order_id,
    orderShipmentId: row.order_shipment_id,
    status: row.status as ShipmentStatus,
    substatus: row.substatus as Substatus,
    shipment: row.shipment ? (JSON.parse(row.shipment) as Shipment) : null,
    fingerprints: JSON.parse(row.fingerprints) as string[],
    customer: row.customer ? (JSON.parse(row.customer) as WatchCustomer) : null,
    watchedBy: row.watched_by as TrackingRecord['watchedBy'],
    lastCheckedAt: row.last_checked_at === null ? null : Number(row.last_checked_at),
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
    nextCheckAt: row.next_check_at === null ? null : Number(row.next_check_at),
    leaseOwner: row.lease_owner,
    stoppedReason: row.stopped_reason,
    delays: JSON.parse(row.delays) as DelayKind[],
    notFoundCount: Number(row.not_found_count),
    errorCount: Number(row.error_count),
    version: Number(row.version),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    confirmationDone: Number(row.confirmation_done) === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function rowOfRecord(record: TrackingRecord): TrackingRow {
  return {
    id: record.id,
    shop_id: record.shopId,
    carrier: record.carrier ?? '',
    tracking_number: record.trackingNumber,
    order_id: record.orderId,
    order_shipment_id: record.orderShipmentId,
    status: record.status,
    substatus: record.substatus,
    shipment: record.shipment ? JSON.stringify(record.shipment) : null,
    fingerprints: JSON.stringify(record.fingerprints),
    customer: record.customer ? JSON.stringify(record.customer) : null,
    watched_by: record.watchedBy,
    last_checked_at: record.lastCheckedAt,
    answered_at: record.answeredAt,
    next_check_at: record.nextCheckAt,
    lease_owner: record.leaseOwner,
    stopped_reason: record.stoppedReason,
    delays: JSON.stringify(record.delays),
    delay_stalled: record.delays.includes('stalled') ? 1 : 0,
    delay_late: record.delays.includes('late') ? 1 : 0,
    delay_never_scanned: record.delays.includes('never_scanned') ? 1 : 0,
    not_found_count: record.notFoundCount,
    error_count: record.errorCount,
    version: record.version,
    finished_at: record.finishedAt,
    confirmation_done: record.confirmationDone ? 1 : 0,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

export function trackedShipmentOf(record: TrackingRecord): TrackedShipment {
  return {
    id: record.id,
    shopId: record.shopId,
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    orderId: record.orderId,
    orderShipmentId: record.orderShipmentId,
    status: record.status,
    substatus: record.substatus,
    shipment: record.shipment,
    watchedBy: record.watchedBy,
    lastCheckedAt: iso(record.lastCheckedAt),
    nextCheckAt: iso(record.nextCheckAt),
    stoppedReason: record.stoppedReason,
    delays: record.delays,
    notFoundCount: record.notFoundCount,
    createdAt: iso(record.createdAt)!,
    updatedAt: iso(record.updatedAt)!,
  };
}

/** `payload` may be given already parsed, and `createdAt` already formatted (ingest has both in hand). */
export function outboxEventOf(row: Selectable<OutboxTable>, payload?: unknown, createdAt?: string): OutboxEvent {
  return {
    id: String(row.id),
    shopId: row.shop_id,
    trackingId: row.tracking_id,
    orderId: row.order_id,
    type: row.type as OutboxEvent['type'],
    payload: (payload ?? JSON.parse(row.payload)) as OutboxEvent['payload'],
    dedupeKey: row.dedupe_key,
    createdAt: createdAt ?? iso(Number(row.created_at))!,
  };
}

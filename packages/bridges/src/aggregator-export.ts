import { BRIDGE_SOURCES, bridgeTrackingNumber, wismoCarrierOfCourier, type BridgeSource } from './bridge-common';

/*
 * `wismo import --from <source>`: the rows of an aggregator's CSV export, read by column name. AfterShip's shipment
 * export writes `Tracking number`, `Order number`, `Carrier` (and its CSV upload format `tracking_number`, `courier`,
 * `order_id`); EasyPost's tracker report `tracking_code`, `carrier`; Ship24 and 17TRACK exports name the courier
 * `Courier` / `Carrier` and the number `Tracking number` / `Number`. Names are compared lower-cased with every
 * separator folded to `_`, so `Tracking Number`, `tracking-number` and `TrackingNumber` agree.
 */

const COLUMNS: Record<BridgeSource, { trackingNumber: string[]; carrier: string[]; orderId: string[] }> = {
  aftership: {
    trackingNumber: ['tracking_number'],
    carrier: ['courier', 'carrier', 'slug', 'courier_slug'],
    orderId: ['order_number', 'order_id', 'order'],
  },
  easypost: { trackingNumber: ['tracking_code', 'tracking_number'], carrier: ['carrier'], orderId: ['reference', 'order_id'] },
  ship24: {
    trackingNumber: ['tracking_number'],
    carrier: ['courier', 'courier_code', 'courier_name', 'carrier'],
    orderId: ['shipment_reference', 'order_number', 'order_id', 'client_tracker_id'],
  },
  '17track': {
    trackingNumber: ['tracking_number', 'number'],
    carrier: ['carrier', 'courier'],
    orderId: ['tag', 'order_number', 'order_id'],
  },
};

/** `Tracking Number`, `tracking-number`, `TrackingNumber` → `tracking_number`. */
export function exportColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function isBridgeSource(value: string): value is BridgeSource {
  return (BRIDGE_SOURCES as readonly string[]).includes(value);
}

export type AggregatorExportRow =
  { ok: true; trackingNumber: string; carrier: string | null; orderId: string | null } | { ok: false; problem: string };

/** The column of `header` (already `exportColumnName`d) that holds `field` for `source`, or null. */
export function exportColumnOf(
  source: BridgeSource,
  header: readonly string[],
  field: 'trackingNumber' | 'carrier' | 'orderId',
): string | null {
  return COLUMNS[source][field].find((name) => header.includes(name)) ?? null;
}

/** One record (keyed by `exportColumnName`d headers) → what `wismo import` watches, or why it cannot. */
export function readAggregatorExportRecord(
  source: BridgeSource,
  record: Readonly<Record<string, string | undefined>>,
): AggregatorExportRow {
  const header = Object.keys(record);
  const value = (field: 'trackingNumber' | 'carrier' | 'orderId') => {
    const column = exportColumnOf(source, header, field);
    const text = column ? record[column]?.trim() : undefined;
    return text ? text : null;
  };
  const number = value('trackingNumber');
  if (!number) return { ok: false, problem: `no tracking number (column ${COLUMNS[source].trackingNumber.join(' or ')})` };
  const courier = value('carrier');
  return {
    ok: true,
    trackingNumber: bridgeTrackingNumber(number),
    carrier: courier ? wismoCarrierOfCourier(courier) : null,
    orderId: value('orderId'),
  };
}

import { z } from 'zod';
import { businessDaysBetween, dateAsWritten } from '../time/calendar-date';

const dateOrDateTime = z.string().refine((value) => dateAsWritten(value) !== null, 'Expected YYYY-MM-DD or an ISO 8601 date-time');

/** One delivered parcel, as wismo (or the integrator) recorded it. */
export const deliveryRecordSchema = z.object({
  carrier: z.string().min(1),
  service: z.string().nullable().default(null),
  originCountry: z.string().length(2),
  originRegion: z.string().nullable().default(null),
  destinationCountry: z.string().length(2),
  destinationRegion: z.string().nullable().default(null),
  /** Handed to the carrier (first scan). Its date is taken as written. */
  shippedAt: dateOrDateTime,
  deliveredAt: dateOrDateTime,
  /** The date promised to the customer, if any. */
  promisedAt: dateOrDateTime.nullable().default(null),
});
export type DeliveryRecord = z.output<typeof deliveryRecordSchema>;
export type DeliveryRecordInput = z.input<typeof deliveryRecordSchema>;

/** A field left out (or null) matches any value. Comparisons ignore case. */
export interface DeliveryHistoryQuery {
  carrier: string;
  service?: string | null;
  originCountry?: string | null;
  originRegion?: string | null;
  destinationCountry?: string | null;
  destinationRegion?: string | null;
}

/** Aggregates, not rows: a persistent store can keep these per lane instead of scanning its records. */
export interface DeliverySummary {
  sampleSize: number;
  /** `transitDayCounts[d]` = deliveries that took `d` business days (ship date excluded, delivery date included). */
  transitDayCounts: readonly number[];
  /** Deliveries that had a promised date. */
  promisedCount: number;
  /** Of those, delivered on or before the promised date. */
  onTimeCount: number;
}

/**
 * wismo's memory of past deliveries, for ETA prediction and carrier performance. Answers synchronously so
 * that order views stay pure: a persistent store keeps its lane summaries in memory (or loads them before
 * building views) and implements this one method.
 */
export interface DeliveryHistory {
  summarise(query: DeliveryHistoryQuery): DeliverySummary;
}

export interface InMemoryDeliveryHistory extends DeliveryHistory {
  add(record: DeliveryRecordInput): void;
  readonly size: number;
}

interface StoredRecord {
  carrier: string;
  service: string | null;
  originCountry: string;
  originRegion: string | null;
  destinationCountry: string;
  destinationRegion: string | null;
  transitDays: number;
  promised: boolean;
  onTime: boolean;
}

const QUERY_FIELDS = ['carrier', 'service', 'originCountry', 'originRegion', 'destinationCountry', 'destinationRegion'] as const;

function normalise(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value.trim().toUpperCase();
}

/** Business days in transit, or null when the dates are reversed. */
export function transitBusinessDays(shippedAt: string, deliveredAt: string): number | null {
  const shipped = dateAsWritten(shippedAt);
  const delivered = dateAsWritten(deliveredAt);
  if (!shipped || !delivered || delivered < shipped) return null;
  return businessDaysBetween(shipped, delivered);
}

/** Delivery history held in memory; summaries are cached per query until the next `add`. */
export function createInMemoryDeliveryHistory(records: readonly DeliveryRecordInput[] = []): InMemoryDeliveryHistory {
  const stored: StoredRecord[] = [];
  const cache = new Map<string, DeliverySummary>();

  function add(input: DeliveryRecordInput): void {
    const record = deliveryRecordSchema.parse(input);
    const transitDays = transitBusinessDays(record.shippedAt, record.deliveredAt);
    if (transitDays === null)
      throw new RangeError(`Delivery record delivered before it was shipped: ${record.shippedAt} → ${record.deliveredAt}`);
    const promisedDate = record.promisedAt ? dateAsWritten(record.promisedAt) : null;
    stored.push({
      carrier: normalise(record.carrier)!,
      service: normalise(record.service),
      originCountry: normalise(record.originCountry)!,
      originRegion: normalise(record.originRegion),
      destinationCountry: normalise(record.destinationCountry)!,
      destinationRegion: normalise(record.destinationRegion),
      transitDays,
      promised: promisedDate !== null,
      onTime: promisedDate !== null && dateAsWritten(record.deliveredAt)! <= promisedDate,
    });
    cache.clear();
  }

  function summarise(query: DeliveryHistoryQuery): DeliverySummary {
    const wanted = QUERY_FIELDS.map((field) => normalise(query[field]));
    const key = wanted.join('|');
    const cached = cache.get(key);
    if (cached) return cached;
    const counts: number[] = [];
    let sampleSize = 0;
    let promisedCount = 0;
    let onTimeCount = 0;
    for (const record of stored) {
      let matches = true;
      for (let index = 0; index < QUERY_FIELDS.length; index++) {
        const value = wanted[index];
        if (value !== null && record[QUERY_FIELDS[index]!] !== value) {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
      sampleSize += 1;
      while (counts.length <= record.transitDays) counts.push(0);
      counts[record.transitDays]! += 1;
      if (record.promised) {
        promisedCount += 1;
        if (record.onTime) onTimeCount += 1;
      }
    }
    const summary: DeliverySummary = { sampleSize, transitDayCounts: counts, promisedCount, onTimeCount };
    cache.set(key, summary);
    return summary;
  }

  for (const record of records) add(record);
  return {
    add,
    summarise,
    get size() {
      return stored.length;
    },
  };
}

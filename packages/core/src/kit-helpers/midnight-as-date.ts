import { dateOnly, parseCarrierDateTime, type CarrierTime } from '../time/carrier-time';

/** A date at midnight (`T00:00`, `T00:00:00`, `T00:00:00.000`), with or without an offset. */
const MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface MidnightAsDateOptions {
  /** Midnight with an offset is a date too: for fields the carrier documents as dates (FedEx stamps its head office's offset on them). */
  evenWithOffset?: boolean;
}

/**
 * `parseCarrierDateTime` for a carrier that writes a date without a time as midnight ("2024-04-24T00:00:00": that day,
 * time unknown): midnight without an offset is a `date`; anything else is read as `parseCarrierDateTime` reads it.
 */
export function parseMidnightAsDate(value: string | null | undefined, options: MidnightAsDateOptions = {}): CarrierTime | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) return null;
  const midnight = MIDNIGHT.exec(trimmed);
  if (midnight && (!midnight[1] || options.evenWithOffset)) return dateOnly(trimmed.slice(0, 10));
  return parseCarrierDateTime(trimmed);
}

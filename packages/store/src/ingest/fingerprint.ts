import { hash } from 'node:crypto';
import { approximateEpochMs, type TrackingEvent } from '@wismo/core';

/**
 * The identity of an event: carrier, number, time, raw code and location. When the carrier gave no code,
 * its text stands in, so two different uncoded scans at the same time and place stay two events.
 */
export function eventFingerprint(carrier: string, trackingNumber: string, event: TrackingEvent): string {
  // The same text as joining the parts with '|' and '\u0000' (null parts empty), without the arrays: this runs per event.
  const place = event.location;
  const location = place ? `${place.raw ?? ''}|${place.city ?? ''}|${place.postalCode ?? ''}|${place.countryCode ?? ''}` : '';
  const time = event.occurredAt ?? event.localTime ?? '';
  const code = event.raw.code ?? `text:${event.description}`;
  return hash('sha1', `${carrier}\u0000${trackingNumber}\u0000${time}\u0000${code}\u0000${location}`, 'base64url');
}

/** The event's time for ordering and partitioning; events without a time use `fallbackMs` (when first seen). */
export function eventEpochMs(event: TrackingEvent, fallbackMs: number): number {
  const epoch = approximateEpochMs(event);
  return Number.isFinite(epoch) ? epoch : fallbackMs;
}

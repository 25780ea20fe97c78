import { hash } from 'node:crypto';
import { approximateEpochMs, type TrackingEvent } from '@wismo/core';

/**
 * The identity of an event: carrier, number, time, raw code and location. When the carrier gave no code,
 * its text stands in, so two different uncoded scans at the same time and place stay two events.
 */
export function eventFingerprint(carrier: string, trackingNumber: string, event: TrackingEvent): string {
  const location = event.location
    ? [event.location.raw, event.location.city, event.location.postalCode, event.location.countryCode].join('|')
    : '';
  const time = event.occurredAt ?? event.localTime ?? '';
  const code = event.raw.code ?? `text:${event.description}`;
  return hash('sha1', [carrier, trackingNumber, time, code, location].join('\u0000'), 'base64url');
}

/** The event's time for ordering and partitioning; events without a time use `fallbackMs` (when first seen). */
export function eventEpochMs(event: TrackingEvent, fallbackMs: number): number {
  const epoch = approximateEpochMs(event);
  return Number.isFinite(epoch) ? epoch : fallbackMs;
}

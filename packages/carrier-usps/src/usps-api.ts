import { BadResponseError } from '@wismo/core';
import { z } from 'zod';
import { USPS_CARRIER_ID, USPS_CARRIER_NAME } from './usps-constants';

/**
 * Minimal schemas of the USPS Tracking v3 fields wismo reads (USPS "Package Tracking and Notification" 3.2.x,
 * `TrackingDetails` / `TrackingEvent` / `ErrorMessage`). Unknown fields never fail a parse: the detail schema
 * accepts and ignores them (a strip-mode object costs a seventh of a loose one, and `Shipment.raw` keeps the whole
 * body), the others keep them. Real responses send booleans as strings ("true") and null for absent values, so
 * both are accepted.
 *
 * The parser applies the detail and event rules with plain checks (`readUspsTrackingDetails`,
 * `readUspsTrackingEvent`), property-tested to accept exactly what the schemas accept: normalising must cost no
 * more than 3× JSON.parse, and a schema parse of up to 99 events cost more than that alone.
 */

const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const text = z.string().nullish();
/** Spec: boolean; real data: "true" / "false". */
const booleanish = z.union([z.boolean(), z.string()]).nullish();

export const uspsTrackingEventSchema = z.looseObject({
  eventType: text,
  /** Local wall-clock time, sometimes wrongly suffixed `Z`. */
  eventTimestamp: text,
  /** UTC, e.g. `2024-11-22T18:58:40Z`. */
  GMTTimestamp: text,
  /** `-05:00`; the spec's example is `-7:00`. */
  GMTOffset: text,
  eventCountry: text,
  eventCity: text,
  eventState: text,
  eventZIP: text,
  /** Company name when delivered to a company. */
  firm: text,
  /** The person who signed, when available. */
  name: text,
  authorizedAgent: booleanish,
  eventCode: z.union([z.string(), z.number()]).nullish(),
  actionCode: text,
  reasonCode: text,
});
export type UspsTrackingEvent = z.infer<typeof uspsTrackingEventSchema>;


/**
 * Reads one event with the same rules as `uspsTrackingEventSchema`, as a plain structural check: a response
 * holds up to 99 events and this runs for each, where a schema parse costs several times JSON.parse.
 * A field of the wrong type is a `bad_response`, as with the schema.
 */
export function readUspsTrackingEvent(value: unknown, index: number): UspsTrackingEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shapeError(`trackingEvents.${index}`, 'expected object');
  const event = value as Record<string, unknown>;
  // Spelled out field by field: direct property reads stay fast where a loop over names does not.
  const wrongText =
    (!isText(event.eventType) && 'eventType') ||
    (!isText(event.eventTimestamp) && 'eventTimestamp') ||
    (!isText(event.GMTTimestamp) && 'GMTTimestamp') ||
    (!isText(event.GMTOffset) && 'GMTOffset') ||
    (!isText(event.eventCountry) && 'eventCountry') ||
    (!isText(event.eventCity) && 'eventCity') ||
    (!isText(event.eventState) && 'eventState') ||
    (!isText(event.eventZIP) && 'eventZIP') ||
    (!isText(event.firm) && 'firm') ||
    (!isText(event.name) && 'name') ||
    (!isText(event.actionCode) && 'actionCode') ||
    (!isText(event.reasonCode) && 'reasonCode');
  if (wrongText) throw shapeError(`trackingEvents.${index}.${wrongText}`, 'expected string');
  if (!isText(event.eventCode) && typeof event.eventCode !== 'number') throw shapeError(`trackingEvents.${index}.eventCode`, 'expected string');
  if (!isText(event.authorizedAgent) && typeof event.authorizedAgent !== 'boolean') throw shapeError(`trackingEvents.${index}.authorizedAgent`, 'expected boolean');
  return event as UspsTrackingEvent;
}

function shapeError(path: string, message: string): BadResponseError {
  return new BadResponseError(`${USPS_CARRIER_NAME} response did not have the expected shape (${path}: ${message})`, { carrierId: USPS_CARRIER_ID });
}

export const uspsTrackingDetailsSchema = z.object({
  trackingNumber: text,
  statusCategory: text,
  mailClass: text,
  serviceTypeCode: text,
  originCity: text,
  originState: text,
  originZIP: text,
  originCountry: text,
  destinationCity: text,
  destinationState: text,
  destinationZIP: text,
  destinationCountryCode: text,
  expectedDeliveryTimeStamp: text,
  predictedDeliveryDate: text,
  predictedDeliveryWindowStartTime: text,
  predictedDeliveryWindowEndTime: text,
  guaranteedDeliveryTimeStamp: text,
  proofOfDeliveryEnabled: booleanish,
  trackingProofOfDeliveryEnabled: booleanish,
  /** Newest first per spec ("reverse chronological"), at most 99; each read by `readUspsTrackingEvent`. */
  trackingEvents: z.array(z.unknown()).nullish(),
});
export type UspsTrackingDetails = z.infer<typeof uspsTrackingDetailsSchema>;

const isBooleanish = (value: unknown) => isText(value) || typeof value === 'boolean';

/**
 * `uspsTrackingDetailsSchema`'s rules as a plain check, for the body of every response: the body itself when it
 * fits, else null (the caller then runs the schema for a precise `bad_response` message).
 */
export function readUspsTrackingDetails(record: Record<string, unknown>): UspsTrackingDetails | null {
  const fits =
    isText(record.trackingNumber) &&
    isText(record.statusCategory) &&
    isText(record.mailClass) &&
    isText(record.serviceTypeCode) &&
    isText(record.originCity) &&
    isText(record.originState) &&
    isText(record.originZIP) &&
    isText(record.originCountry) &&
    isText(record.destinationCity) &&
    isText(record.destinationState) &&
    isText(record.destinationZIP) &&
    isText(record.destinationCountryCode) &&
    isText(record.expectedDeliveryTimeStamp) &&
    isText(record.predictedDeliveryDate) &&
    isText(record.predictedDeliveryWindowStartTime) &&
    isText(record.predictedDeliveryWindowEndTime) &&
    isText(record.guaranteedDeliveryTimeStamp) &&
    isBooleanish(record.proofOfDeliveryEnabled) &&
    isBooleanish(record.trackingProofOfDeliveryEnabled) &&
    (record.trackingEvents === undefined || record.trackingEvents === null || Array.isArray(record.trackingEvents));
  return fits ? (record as UspsTrackingDetails) : null;
}

const errorItemSchema = z.looseObject({
  status: z.union([z.string(), z.number()]).nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  title: text,
  detail: text,
  source: z.looseObject({ parameter: text, example: text }).nullish(),
});

/**
 * The v3 error body `{ apiVersion, error: { code, message, errors[] } }`, and the flatter shapes gateways answer
 * with (`{ error: "invalid_client", error_description }`, `{ error: "UNAUTHORIZED", message }`).
 */
export const uspsErrorSchema = z.looseObject({
  apiVersion: text,
  error: z.union([
    z.looseObject({
      code: z.union([z.string(), z.number()]).nullish(),
      message: text,
      errors: z.array(errorItemSchema).nullish(),
    }),
    z.string(),
  ]),
  error_description: text,
  message: text,
});
export type UspsErrorBody = z.infer<typeof uspsErrorSchema>;

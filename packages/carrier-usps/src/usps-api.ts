import { z } from 'zod';

/**
 * One zod schema per USPS Tracking v3 response (USPS "Package Tracking and Notification" 3.2.x, `TrackingDetails`
 * with its `TrackingEvent`s, and `ErrorMessage`), of only the fields wismo reads; the types are inferred from them.
 * Unknown fields are left out of the parsed copy (`Shipment.raw` keeps the whole body). Real responses send
 * booleans as strings ("true") and null for absent values, so both are accepted; a field of another type is a
 * `bad_response` that names it.
 */

const text = z.string().nullish();
/** Spec: boolean; real data: "true" / "false", read as the boolean it spells (anything else is false). */
const booleanish = z.union([z.boolean(), z.string().transform((value) => value.trim().toLowerCase() === 'true')]).nullish();
const code = z.union([z.string(), z.number()]).nullish();

export const uspsTrackingEventSchema = z.object({
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
  eventCode: code,
  actionCode: text,
  reasonCode: text,
});
export type UspsTrackingEvent = z.infer<typeof uspsTrackingEventSchema>;

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
  /** Newest first per spec ("reverse chronological"), at most 99. */
  trackingEvents: z.array(uspsTrackingEventSchema).nullish(),
});
export type UspsTrackingDetails = z.infer<typeof uspsTrackingDetailsSchema>;

const errorItemSchema = z.object({
  status: code,
  code,
  title: text,
  detail: text,
  source: z.object({ parameter: text, example: text }).nullish(),
});

/**
 * The v3 error body `{ apiVersion, error: { code, message, errors[] } }`, and the flatter shapes gateways answer
 * with (`{ error: "invalid_client", error_description }`, `{ error: "UNAUTHORIZED", message }`).
 */
export const uspsErrorSchema = z.object({
  apiVersion: text,
  error: z.union([z.object({ code, message: text, errors: z.array(errorItemSchema).nullish() }), z.string()]),
  error_description: text,
  message: text,
});
export type UspsErrorBody = z.infer<typeof uspsErrorSchema>;

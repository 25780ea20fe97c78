import { z } from 'zod';

/**
 * One zod schema per USPS Tracking v3 response ("Package Tracking and Notification" 3.2.x: `TrackingDetails`,
 * `TrackingEvent`, `ErrorMessage`), of only the fields wismo reads (`Shipment.raw` keeps the whole body). Real responses
 * send booleans as strings ("true") and null for absent values, both accepted; a field of another type is a `bad_response`
 * naming it.
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

const LEGACY_SHAPE =
  'the legacy summary shape (TrackResults/TrackInfo), which carries one sentence and no events; the adapter asks /tracking/v3/tracking/{number}?expand=DETAIL, so check that baseUrl is the USPS API origin (https://apis.usps.com) and not a proxy of the old API';
const SUMMARY_SHAPE = 'the summary shape (eventSummaries) instead of the detail shape; the request must use expand=DETAIL';
const NO_DETAILS = 'no trackingEvents, trackingNumber or status';

export const uspsTrackingDetailsSchema = z
  .object({
    trackingNumber: text,
    status: text,
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
    /** What a proxy of the old API answers: one sentence and no events. */
    TrackResults: z.never({ error: LEGACY_SHAPE }).nullish(),
    /** The summary shape (`expand=SUMMARY`) has these sentences instead of `trackingEvents`. */
    eventSummaries: z.unknown().optional(),
  })
  .refine((details) => details.trackingEvents || !Array.isArray(details.eventSummaries), SUMMARY_SHAPE)
  .refine((details) => details.trackingEvents || (details.trackingNumber && (details.statusCategory || details.status)), NO_DETAILS);
export type UspsTrackingDetails = z.infer<typeof uspsTrackingDetailsSchema>;

const errorItemSchema = z.object({ code, title: text, detail: text, source: z.object({ parameter: text }).nullish() });
const errorObjectSchema = z.object({ code, message: text, errors: z.array(errorItemSchema).nullish() });

/**
 * The v3 error body `{ apiVersion, error: { code, message, errors[] } }`, and the flatter shapes gateways answer
 * with (`{ error: "invalid_client", error_description }`, `{ error: "UNAUTHORIZED", message }`).
 */
export const uspsErrorSchema = z.object({ error: z.union([errorObjectSchema, z.string()]), error_description: text, message: text });
export type UspsErrorBody = z.infer<typeof uspsErrorSchema>;

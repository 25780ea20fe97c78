import { z } from 'zod';

/*
 * Minimal schemas of the FedEx Track API v1 fields this package reads (FedEx Track API OpenAPI 1.0.0). Objects are
 * loose: fields FedEx adds later pass through untouched. Everything optional is `nullish` because FedEx omits empty
 * fields in some responses and sends "" in others.
 */

const text = z.string().nullish();

export const fedexAddressSchema = z.looseObject({
  city: text,
  stateOrProvinceCode: text,
  postalCode: text,
  countryCode: text,
  streetLines: z.array(z.string()).nullish(),
});
export type FedexAddress = z.infer<typeof fedexAddressSchema>;

const contactAndAddressSchema = z.looseObject({ address: fedexAddressSchema.nullish() });
const locationDetailSchema = z.looseObject({ locationContactAndAddress: contactAndAddressSchema.nullish(), locationId: text });

export const fedexErrorSchema = z.looseObject({ code: text, message: text });
export type FedexError = z.infer<typeof fedexErrorSchema>;

const delayDetailSchema = z.looseObject({ type: text, subType: text, status: text });

export const fedexScanEventSchema = z.looseObject({
  date: text,
  eventType: text,
  eventDescription: text,
  exceptionCode: text,
  exceptionDescription: text,
  derivedStatusCode: text,
  derivedStatus: text,
  scanLocation: fedexAddressSchema.nullish(),
  locationId: text,
  locationType: text,
  delayDetail: delayDetailSchema.nullish(),
});
export type FedexScanEvent = z.infer<typeof fedexScanEventSchema>;

const windowSchema = z.looseObject({ window: z.looseObject({ begins: text, ends: text }).nullish() });

export const fedexTrackResultSchema = z.looseObject({
  trackingNumberInfo: z.looseObject({ trackingNumber: text, trackingNumberUniqueId: text, carrierCode: text }).nullish(),
  additionalTrackingInfo: z
    .looseObject({
      packageIdentifiers: z
        .array(z.looseObject({ type: text, values: z.array(z.string()).nullish(), value: text }))
        .nullish(),
    })
    .nullish(),
  shipperInformation: contactAndAddressSchema.nullish(),
  recipientInformation: contactAndAddressSchema.nullish(),
  latestStatusDetail: z
    .looseObject({
      code: text,
      derivedCode: text,
      statusByLocale: text,
      description: text,
      ancillaryDetails: z.array(z.looseObject({ reason: text, reasonDescription: text, action: text })).nullish(),
      delayDetail: delayDetailSchema.nullish(),
    })
    .nullish(),
  dateAndTimes: z.array(z.looseObject({ type: text, dateTime: text })).nullish(),
  availableImages: z.array(z.looseObject({ type: text, size: text })).nullish(),
  scanEvents: z.array(fedexScanEventSchema).nullish(),
  deliveryDetails: z
    .looseObject({
      receivedByName: text,
      signedByName: text,
      locationDescription: text,
      locationType: text,
      deliveryAttempts: z.union([z.string(), z.number()]).nullish(),
    })
    .nullish(),
  originLocation: locationDetailSchema.nullish(),
  destinationLocation: locationDetailSchema.nullish(),
  lastUpdatedDestinationAddress: fedexAddressSchema.nullish(),
  serviceDetail: z.looseObject({ type: text, description: text, shortDescription: text }).nullish(),
  serviceCommitMessage: z.looseObject({ type: text, message: text }).nullish(),
  estimatedDeliveryTimeWindow: windowSchema.nullish(),
  returnDetail: z
    .looseObject({ authorizationName: text, reasonDetail: z.array(z.looseObject({ type: text, description: text })).nullish() })
    .nullish(),
  error: fedexErrorSchema.nullish(),
});
export type FedexTrackResult = z.infer<typeof fedexTrackResultSchema>;

/** One entry per requested number; `trackResults` are validated one by one so a strange one spoils only its number. */
export const fedexCompleteTrackResultSchema = z.looseObject({
  trackingNumber: text,
  trackResults: z.array(z.unknown()).nullish(),
});

/** The envelope of every Track API answer: results, or a top-level `errors[]`. */
export const fedexTrackResponseSchema = z
  .looseObject({
    transactionId: text,
    output: z
      .looseObject({
        completeTrackResults: z.array(z.unknown()),
        // The spec says an array of alerts; the spec example and real answers also send one string.
        alerts: z.unknown().optional(),
      })
      .nullish(),
    errors: z.array(fedexErrorSchema).nullish(),
  })
  .refine((body) => Boolean(body.output) || (body.errors?.length ?? 0) > 0, { message: 'expected output.completeTrackResults or errors[]' });
export type FedexTrackResponse = z.infer<typeof fedexTrackResponseSchema>;

/** `POST /track/v1/trackingdocuments` answer. The spec names the list `document`; the sandbox sends `documents`. */
export const fedexTrackingDocumentsResponseSchema = z
  .looseObject({
    transactionId: text,
    output: z
      .looseObject({
        documentType: text,
        documentFormat: text,
        documents: z.array(z.string()).nullish(),
        document: z.array(z.string()).nullish(),
        alerts: z.unknown().optional(),
      })
      .nullish(),
    errors: z.array(fedexErrorSchema).nullish(),
  })
  .refine((body) => Boolean(body.output) || (body.errors?.length ?? 0) > 0, { message: 'expected output or errors[]' });
export type FedexTrackingDocumentsResponse = z.infer<typeof fedexTrackingDocumentsResponseSchema>;

/*
 * A hand-written check with exactly the acceptance of `fedexTrackResultSchema`, for the hot path: validating every
 * trackResult with zod cost more than the rest of the normalising. It does not copy anything, so a valid input is
 * used as it is; on failure the zod schema is run to say what did not fit. A property test keeps the two in step.
 */
type Check = (value: unknown) => boolean;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isText(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}
function optional(check: Check): Check {
  return (value) => value === undefined || value === null || check(value);
}
function shape(fields: Record<string, Check>): Check {
  const entries = Object.entries(fields);
  return (value) => {
    if (!isRecord(value)) return false;
    for (const [key, check] of entries) if (!check(value[key])) return false;
    return true;
  };
}
function texts(...keys: string[]): Record<string, Check> {
  return Object.fromEntries(keys.map((key) => [key, isText]));
}
function listOf(check: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const item of value) if (!check(item)) return false;
    return true;
  };
}
const isString: Check = (value) => typeof value === 'string';

const addressCheck = shape({ ...texts('city', 'stateOrProvinceCode', 'postalCode', 'countryCode'), streetLines: optional(listOf(isString)) });
const contactAndAddressCheck = shape({ address: optional(addressCheck) });
const locationDetailCheck = shape({ locationContactAndAddress: optional(contactAndAddressCheck), locationId: isText });
const delayDetailCheck = shape(texts('type', 'subType', 'status'));
const scanEventCheck = shape({
  ...texts('date', 'eventType', 'eventDescription', 'exceptionCode', 'exceptionDescription', 'derivedStatusCode', 'derivedStatus', 'locationId', 'locationType'),
  scanLocation: optional(addressCheck),
  delayDetail: optional(delayDetailCheck),
});
const trackResultCheck = shape({
  trackingNumberInfo: optional(shape(texts('trackingNumber', 'trackingNumberUniqueId', 'carrierCode'))),
  additionalTrackingInfo: optional(shape({ packageIdentifiers: optional(listOf(shape({ ...texts('type', 'value'), values: optional(listOf(isString)) }))) })),
  shipperInformation: optional(contactAndAddressCheck),
  recipientInformation: optional(contactAndAddressCheck),
  latestStatusDetail: optional(
    shape({
      ...texts('code', 'derivedCode', 'statusByLocale', 'description'),
      ancillaryDetails: optional(listOf(shape(texts('reason', 'reasonDescription', 'action')))),
      delayDetail: optional(delayDetailCheck),
    }),
  ),
  dateAndTimes: optional(listOf(shape(texts('type', 'dateTime')))),
  availableImages: optional(listOf(shape(texts('type', 'size')))),
  scanEvents: optional(listOf(scanEventCheck)),
  deliveryDetails: optional(
    shape({ ...texts('receivedByName', 'signedByName', 'locationDescription', 'locationType'), deliveryAttempts: (value) => isText(value) || (typeof value === 'number' && Number.isFinite(value)) }),
  ),
  originLocation: optional(locationDetailCheck),
  destinationLocation: optional(locationDetailCheck),
  lastUpdatedDestinationAddress: optional(addressCheck),
  serviceDetail: optional(shape(texts('type', 'description', 'shortDescription'))),
  serviceCommitMessage: optional(shape(texts('type', 'message'))),
  estimatedDeliveryTimeWindow: optional(shape({ window: optional(shape(texts('begins', 'ends'))) })),
  returnDetail: optional(shape({ authorizationName: isText, reasonDetail: optional(listOf(shape(texts('type', 'description')))) })),
  error: optional(shape(texts('code', 'message'))),
});

/** True when `value` fits `fedexTrackResultSchema` (same acceptance, no copy). */
export function isFedexTrackResult(value: unknown): value is FedexTrackResult {
  return trackResultCheck(value);
}

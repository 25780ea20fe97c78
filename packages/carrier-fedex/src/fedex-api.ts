import { describeCarrierMessages, oneOrMany } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per FedEx Track API v1 response (FedEx Track API OpenAPI 1.0.0), of only the fields this package reads;
 * the types are inferred from them. `includeRaw` keeps the untouched body. Everything optional is `nullish`: FedEx omits
 * empty fields in some responses and sends "" in others.
 */

const text = z.string().nullish();

const addressSchema = z.object({ city: text, stateOrProvinceCode: text, postalCode: text, countryCode: text });
export type FedexAddress = z.infer<typeof addressSchema>;
const contactAndAddressSchema = z.object({ address: addressSchema.nullish() }).nullish();
const locationDetailSchema = z.object({ locationContactAndAddress: contactAndAddressSchema }).nullish();

const errorSchema = z.object({ code: text, message: text });
export type FedexError = z.infer<typeof errorSchema>;

const scanEventSchema = z.object({
  date: text,
  eventType: text,
  eventDescription: text,
  exceptionCode: text,
  exceptionDescription: text,
  derivedStatusCode: text,
  derivedStatus: text,
  scanLocation: addressSchema.nullish(),
  locationType: text,
  delayDetail: z.object({ type: text }).nullish(),
});

/** One trackResult, validated on its own so that a strange one spoils only its number. */
export const fedexTrackResultSchema = z.object({
  trackingNumberInfo: z.object({ trackingNumberUniqueId: text, carrierCode: text }).nullish(),
  additionalTrackingInfo: z
    .object({ packageIdentifiers: z.array(z.object({ type: text, values: z.array(z.string()).nullish(), value: text })).nullish() })
    .nullish(),
  shipperInformation: contactAndAddressSchema,
  recipientInformation: contactAndAddressSchema,
  latestStatusDetail: z
    .object({ code: text, derivedCode: text, ancillaryDetails: z.array(z.object({ reason: text })).nullish() })
    .nullish(),
  dateAndTimes: z.array(z.object({ type: text, dateTime: text })).nullish(),
  availableImages: z.array(z.object({ type: text })).nullish(),
  scanEvents: z.array(scanEventSchema).nullish(),
  deliveryDetails: z.object({ receivedByName: text, signedByName: text, locationDescription: text }).nullish(),
  originLocation: locationDetailSchema,
  destinationLocation: locationDetailSchema,
  lastUpdatedDestinationAddress: addressSchema.nullish(),
  serviceDetail: z.object({ type: text, description: text, shortDescription: text }).nullish(),
  serviceCommitMessage: z.object({ type: text }).nullish(),
  estimatedDeliveryTimeWindow: z.object({ window: z.object({ begins: text, ends: text }).nullish() }).nullish(),
  returnDetail: z.object({ authorizationName: text, reasonDetail: z.array(z.unknown()).nullish() }).nullish(),
  error: errorSchema.nullish(),
});
export type FedexTrackResult = z.infer<typeof fedexTrackResultSchema>;

/** One `completeTrackResults` entry per requested number; its trackResults are validated one by one. */
export const fedexCompleteTrackResultSchema = z.object({ trackingNumber: text, trackResults: z.array(z.unknown()).nullish() });

/** Alerts as `CODE: message` texts. The spec says a list of `{ code, message }`; its example and real answers send a string. */
const alertsSchema = oneOrMany(z.union([z.string(), errorSchema]).catch(''))
  .catch(undefined)
  .transform((alerts = []) =>
    alerts.map((alert) => (typeof alert === 'string' ? alert.trim() : describeCarrierMessages([alert], ': ').detail)).filter(Boolean),
  );

/** `output`, or a top-level `errors[]`. */
function envelope<Output extends z.ZodType>(output: Output, expected: string) {
  return z
    .object({ output: output.nullish(), errors: z.array(errorSchema).nullish() })
    .refine((body) => Boolean(body.output) || (body.errors?.length ?? 0) > 0, { message: `expected ${expected} or errors[]` });
}

/** `POST /track/v1/trackingnumbers`. */
export const fedexTrackResponseSchema = envelope(
  z.object({ completeTrackResults: z.array(z.unknown()), alerts: alertsSchema }),
  'output.completeTrackResults',
);

/** `POST /track/v1/trackingdocuments`. The spec names the list `document`; the sandbox sends `documents`. */
export const fedexTrackingDocumentsResponseSchema = envelope(
  z.object({
    documentType: text,
    documentFormat: text,
    documents: z.array(z.string()).nullish(),
    document: z.array(z.string()).nullish(),
    alerts: alertsSchema,
  }),
  'output',
);

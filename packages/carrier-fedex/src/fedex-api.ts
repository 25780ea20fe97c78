import { z } from 'zod';

/*
 * One zod schema per FedEx Track API v1 response (FedEx Track API OpenAPI 1.0.0), of only the fields this package reads;
 * the types are inferred from them. Fields FedEx adds later are ignored, not copied (`includeRaw` keeps the untouched
 * body). Everything optional is `nullish` because FedEx omits empty fields in some responses and sends "" in others.
 * Each trackResult is validated on its own, so a strange one spoils only its number.
 */

const text = z.string().nullish();

export const fedexAddressSchema = z.object({
  city: text,
  stateOrProvinceCode: text,
  postalCode: text,
  countryCode: text,
  streetLines: z.array(z.string()).nullish(),
});
export type FedexAddress = z.infer<typeof fedexAddressSchema>;

const contactAndAddressSchema = z.object({ address: fedexAddressSchema.nullish() });
const locationDetailSchema = z.object({ locationContactAndAddress: contactAndAddressSchema.nullish(), locationId: text });

export const fedexErrorSchema = z.object({ code: text, message: text });
export type FedexError = z.infer<typeof fedexErrorSchema>;

const delayDetailSchema = z.object({ type: text, subType: text, status: text });

export const fedexScanEventSchema = z.object({
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

const windowSchema = z.object({ window: z.object({ begins: text, ends: text }).nullish() });

export const fedexTrackResultSchema = z.object({
  trackingNumberInfo: z.object({ trackingNumber: text, trackingNumberUniqueId: text, carrierCode: text }).nullish(),
  additionalTrackingInfo: z
    .looseObject({
      packageIdentifiers: z.array(z.object({ type: text, values: z.array(z.string()).nullish(), value: text })).nullish(),
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
      ancillaryDetails: z.array(z.object({ reason: text, reasonDescription: text, action: text })).nullish(),
      delayDetail: delayDetailSchema.nullish(),
    })
    .nullish(),
  dateAndTimes: z.array(z.object({ type: text, dateTime: text })).nullish(),
  availableImages: z.array(z.object({ type: text, size: text })).nullish(),
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
  serviceDetail: z.object({ type: text, description: text, shortDescription: text }).nullish(),
  serviceCommitMessage: z.object({ type: text, message: text }).nullish(),
  estimatedDeliveryTimeWindow: windowSchema.nullish(),
  returnDetail: z
    .looseObject({ authorizationName: text, reasonDetail: z.array(z.object({ type: text, description: text })).nullish() })
    .nullish(),
  error: fedexErrorSchema.nullish(),
});
export type FedexTrackResult = z.infer<typeof fedexTrackResultSchema>;

/** One entry per requested number; `trackResults` are validated one by one so a strange one spoils only its number. */
export const fedexCompleteTrackResultSchema = z.object({
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
  .refine((body) => Boolean(body.output) || (body.errors?.length ?? 0) > 0, {
    message: 'expected output.completeTrackResults or errors[]',
  });
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

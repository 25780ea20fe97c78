import { z } from 'zod';

const text = z.string().optional().catch(undefined);

/** One `errors[]` entry of the error envelope, or the per-item `error` of `/summary`. */
const errorSchema = z.object({ errorCode: text, errorDescription: text });

const summarySchema = z.object({
  productId: text,
  productName: text,
  lastEventCode: text,
  lastEventName: text,
  lastEventDateTime: text,
  lastEventLocationName: text,
  statusCategory: text,
  destinationCountryCode: text,
  originCountryCode: text,
});

const signatureSchema = z.object({ recipientName: text, signatureDateTime: text, imageId: text });

const estimatedDeliverySchema = z.object({ date: text, startOfEstimatedWindow: text, endOfEstimatedWindow: text });

const eventSchema = z.object({ eventCode: text, eventName: text, eventDateTime: text, locationName: text });

/** `GET /mailpieces/v2/{mailPieceId}/events`. */
export const royalMailEventsResponseSchema = z.object({
  mailPieces: z.object({
    summary: summarySchema.optional().catch(undefined),
    signature: signatureSchema.optional().catch(undefined),
    estimatedDelivery: estimatedDeliverySchema.optional().catch(undefined),
    events: z.array(eventSchema).optional().catch(undefined),
  }),
});

/** `GET /mailpieces/v2/summary?mailPieceId=a,b,…`: one entry per id, an `error` inside HTTP 200 for an unknown one. */
export const royalMailSummaryResponseSchema = z.object({
  mailPieces: z.array(
    z.object({
      mailPieceId: text,
      summary: summarySchema.optional().catch(undefined),
      error: errorSchema.optional().catch(undefined),
    }),
  ),
});

/** `GET /mailpieces/v2/{mailPieceId}/signature`. */
export const royalMailSignatureResponseSchema = z.object({
  mailPieces: z.object({ signature: signatureSchema.extend({ imageFormat: text, image: text }) }),
});

/** The error envelope: `{ httpCode, httpMessage, moreInformation?, errors: [...] }`. */
export const royalMailErrorResponseSchema = z.object({
  httpMessage: text,
  moreInformation: text,
  errors: z.array(errorSchema).optional().catch(undefined),
});

export type RoyalMailEventsResponse = z.infer<typeof royalMailEventsResponseSchema>;
export type RoyalMailError = z.infer<typeof errorSchema>;

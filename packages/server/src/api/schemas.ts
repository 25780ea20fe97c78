import { z } from '@hono/zod-openapi';
import { shipmentSchema } from '@wismo/core';
import { orderViewSchema, SUPPORTED_LANGUAGES } from '@wismo/order-view';
import { SERVER_PROBLEM_CODES } from './problem';

/** The most numbers one `POST /v1/shipments/track` may carry. */
export const DEFAULT_MAX_TRACK_ITEMS = 100;

/** What people paste: letters, digits, spaces, dots and dashes; separators are removed before tracking. */
const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .-]*$/;

export const trackingNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(TRACKING_NUMBER_PATTERN, 'Expected letters, digits, spaces, dots or dashes')
  .openapi({ example: '1Z999AA10123456784', description: 'A tracking number; spaces, dots and dashes are ignored.' });

export const carrierIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Expected a wismo carrier id such as ups, fedex, usps or dhl')
  .openapi({ example: 'ups', description: 'wismo carrier id, lower case.' });

export const localeParamSchema = z
  .string()
  .max(35)
  .refine((value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  }, 'Expected a BCP 47 locale such as de-AT')
  .openapi({ example: 'de-DE' });

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .openapi({ type: 'boolean' });

// Schemas built by other packages may predate @hono/zod-openapi's `.openapi()` extension (zod 4 copies
// methods onto each instance when it is created): `omit` / `extend` make fresh instances that have it.
export const ShipmentSchema = shipmentSchema.omit({ raw: true }).openapi('Shipment', {
  description: 'A shipment in wismo’s normalised status model (see docs/status-model.md).',
});

export const OrderViewSchema = orderViewSchema.extend({}).openapi('OrderView', {
  description: 'The order view of @wismo/order-view (schemaVersion 1).',
});

export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      example: 'https://track.example.com/problems/not_found',
      description: 'URI of the problem type; dereferences to a short description.',
    }),
    title: z.string().openapi({ example: 'Tracking number not found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().optional().openapi({ example: 'ups does not know tracking number 1Z999AA10123456784 (yet).' }),
    instance: z.string().optional().openapi({ example: '/v1/shipments/ups/1Z999AA10123456784' }),
    code: z.string().openapi({
      description: `Stable code: a WismoError code (not_found, invalid_number, detection_failed, unsupported_carrier, rate_limited, carrier_unavailable, auth_failed, bad_response, configuration) or one of the server's (${SERVER_PROBLEM_CODES.join(', ')}).`,
      example: 'not_found',
    }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Every failing field of an invalid request.' }),
    carrier: z.string().nullable().optional(),
    retryAfterSeconds: z.number().int().optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' });

export const ShipmentParamsSchema = z.object({
  carrier: carrierIdSchema.openapi({ param: { name: 'carrier', in: 'path' } }),
  number: trackingNumberSchema.openapi({ param: { name: 'number', in: 'path' } }),
});

export const RefreshQuerySchema = z.object({
  refresh: booleanQuery.optional().openapi({ param: { name: 'refresh', in: 'query' }, description: 'Skip the tracker’s cache.' }),
});

export function trackManyRequestSchema(maxItems: number) {
  return z
    .object({
      items: z
        .array(
          z.object({
            trackingNumber: trackingNumberSchema,
            carrier: carrierIdSchema.optional().openapi({ description: 'When left out, the carrier is detected from the number.' }),
          }),
        )
        .min(1)
        .max(maxItems),
      refresh: z.boolean().optional(),
    })
    .openapi('TrackManyRequest');
}

export const TrackResultSchema = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      trackingNumber: z.string(),
      carrier: z.string(),
      shipment: ShipmentSchema,
    }),
    z.object({
      ok: z.literal(false),
      trackingNumber: z.string(),
      carrier: z.string().nullable(),
      problem: ProblemSchema.omit({ instance: true }),
    }),
  ])
  .openapi('TrackResult', { description: 'One number’s outcome; one number’s failure never fails the others.' });

export const TrackManyResponseSchema = z
  .object({ results: z.array(TrackResultSchema).openapi({ description: 'One result per item, in request order.' }) })
  .openapi('TrackManyResponse');

export const DetectParamsSchema = z.object({
  number: trackingNumberSchema.openapi({ param: { name: 'number', in: 'path' } }),
});

export const DetectionSchema = z
  .object({
    trackingNumber: z.string().openapi({ description: 'The number with separators removed, upper case.' }),
    candidates: z.array(
      z.object({
        carrier: z.string(),
        carrierName: z.string(),
        format: z.string(),
        service: z.string().nullable(),
        countryCode: z.string().nullable(),
        confidence: z.enum(['checksum', 'pattern']),
        trackingUrl: z.string().nullable(),
        /** True when this server has an adapter for the carrier. */
        configured: z.boolean(),
      }),
    ),
    /** Configured carriers the number could belong to, best first (what track-many tries in order). */
    configuredCandidates: z.array(z.string()),
    ambiguous: z.boolean(),
  })
  .openapi('Detection');

export const OrderViewParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ord_1003', description: 'The order id in the integrator’s order source.' }),
});

export const OrderViewQuerySchema = z.object({
  locale: localeParamSchema.optional().openapi({ param: { name: 'locale', in: 'query' } }),
});

export const ServedOrderViewSchema = z
  .object({
    view: OrderViewSchema,
    stale: z
      .boolean()
      .openapi({ description: 'True when a carrier did not answer within the time budget and the last known data is shown.' }),
    generatedAt: z.string().openapi({ description: 'When the view was built (it may be served from a short cache).' }),
  })
  .openapi('ServedOrderView');

export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);

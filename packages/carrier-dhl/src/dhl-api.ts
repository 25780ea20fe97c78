import { oneOrMany } from '@wismo/core/internal';
import { z } from 'zod';

/**
 * One zod schema per response of DHL Shipment Tracking – Unified, of only the fields wismo reads; the types are
 * inferred from them. Unknown fields are left out of the parsed copy (`includeRaw` keeps the whole body), and every
 * field is optional because the Unified API relays many DHL back ends whose payloads differ (DHL developer FAQ
 * 47001251141). A field of another type is a `bad_response` that names it.
 */

const text = z.string().nullish();
/** The spec types `id` as a string, but its own example sends a number (7777777770). */
const identifier = z.union([z.string(), z.number()]).nullish();

const dhlPlaceSchema = z.object({
  address: z.object({ addressLocality: text, postalCode: text, countryCode: text, addressRegion: text }).nullish(),
});
export type DhlEvent = z.infer<typeof dhlEventSchema>;

/**
 * One event (also the shape of `shipment.status`). `statusCode` is kept as a plain string: the enum is
 * pre-transit | transit | delivered | failure | unknown, but a new value must become an unmapped event.
 */
const dhlEventSchema = z.object({
  timestamp: text,
  location: dhlPlaceSchema.nullish(),
  statusCode: text,
  status: text,
  statusDetailed: text,
  description: text,
  remark: text,
});

const referenceSchema = z.object({ number: identifier, type: text });

const dhlShipmentSchema = z.object({
  id: identifier,
  service: text,
  origin: dhlPlaceSchema.nullish(),
  destination: dhlPlaceSchema.nullish(),
  status: dhlEventSchema.nullish(),
  estimatedTimeOfDelivery: text,
  estimatedDeliveryTimeFrame: z.object({ estimatedFrom: text, estimatedThrough: text }).nullish(),
  returnFlag: z.boolean().nullish(),
  details: z
    .object({
      product: z.object({ productName: text, productCode: text }).nullish(),
      provider: z.object({ destinationProvider: text }).nullish(),
      proofOfDelivery: z
        .object({
          timestamp: text,
          signatureUrl: text,
          documentUrl: text,
          signed: z.object({ name: text, givenName: text, familyName: text, organizationName: text }).nullish(),
        })
        .nullish(),
      proofOfDeliverySignedAvailable: z.boolean().nullish(),
      pieceIds: z.array(z.string()).nullish(),
      // An array in the schema; the spec example sends a single object.
      references: oneOrMany(referenceSchema),
    })
    .nullish(),
  events: z.array(dhlEventSchema).nullish(),
});
export type DhlShipment = z.infer<typeof dhlShipmentSchema>;

/** `GET /track/shipments` with HTTP 200. `shipments` is required: without it the body is not a tracking answer. */
export const dhlTrackResponseSchema = z.object({ shipments: z.array(dhlShipmentSchema) });

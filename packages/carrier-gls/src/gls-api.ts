import { lenient, lenientList } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per GLS Track And Trace V1 response (spec 1.0.7), of only the fields read. A leaf, parcel or event of
 * a surprising shape is dropped rather than failing the answer; only a body without the `parcels` list is a `bad_response`.
 */

/** A string; anything else is absent. Caught, not preprocessed: on GLS's strings a catch costs nothing, a preprocess a second parse. */
const text = lenient(z.string());

const eventSchema = z.object({
  /** `TYPE.REASON`, e.g. `DELIVD.PARCELSHOP`. */
  code: text,
  city: text,
  postalCode: text,
  /** ISO 3166-1 alpha-2. */
  country: text,
  description: text,
  /** ISO 8601 with an offset without a colon: `2024-10-07T10:46:14+0200`. */
  eventDateTime: text,
});

const parcelSchema = z.object({
  /** The number or reference asked for, as sent. */
  requested: text,
  /** The GLS parcel number (11 digits) the reference resolved to. */
  unitno: text,
  /** One of the twelve documented statuses. */
  status: text,
  statusDateTime: text,
  /** Newest first in every example. */
  events: lenient(lenientList(eventSchema)),
  /** E_400_01 … E_500_01, instead of the parcel fields. */
  errorCode: text,
  errorMessage: text,
});

/** `200`: `{ parcels: [...] }`, one entry per requested number (several when a reference names several parcels). */
export const glsTrackResponseSchema = z.object({ parcels: lenientList(parcelSchema) });

export type GlsParcel = z.infer<typeof parcelSchema>;

/** `GET /tracking/deliveryinfo/parcelid/{unitno}`: `{ parcelshopDelivery: { parcelshopId, partnerId, _links } }` or an `errorCode`. */
export const glsDeliveryInfoResponseSchema = z.object({
  parcelshopDelivery: lenient(
    z.object({
      parcelshopId: text,
      partnerId: text,
      _links: lenient(z.object({ parcelShopManagement: lenient(z.object({ href: text })) })),
    }),
  ),
  errorCode: text,
  errorMessage: text,
});

import { lenient } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per GLS Track And Trace V1 response (spec 1.0.7), of only the fields this package reads; the
 * types are inferred from them. Leaves of a surprising shape are dropped rather than failing the answer; only
 * a body without the `parcels` list is a `bad_response`. A parcel or event that is not an object is left out.
 */

/**
 * A string; anything else is absent. A caught failure, not a preprocess: GLS sends strings, and on that path the
 * catch allocates nothing while a preprocess pipes every leaf through a second parse.
 */
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
  events: lenient(z.array(eventSchema.nullable().catch(null))),
  /** E_400_01 … E_500_01, instead of the parcel fields. */
  errorCode: text,
  errorMessage: text,
});

/** `200`: `{ parcels: [...] }`, one entry per requested number (several when a reference names several parcels). */
export const glsTrackResponseSchema = z.object({ parcels: z.array(parcelSchema.nullable().catch(null)) });

type GlsTrackResponse = z.infer<typeof glsTrackResponseSchema>;
export type GlsParcel = NonNullable<GlsTrackResponse['parcels'][number]>;
export type GlsEvent = NonNullable<NonNullable<GlsParcel['events']>[number]>;

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

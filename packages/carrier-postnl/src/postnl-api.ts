import { asArray, lenient } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per PostNL Shipping Status v2 response (PostNL's ShippingStatus spec and recorded answers), of
 * only the fields this package reads. PostNL writes an empty value as `{}` (`"Reference": {}`) or, in its SDK
 * docs, as the string `"{}"`: leaves that are not strings are dropped, and `"{}"` is cleaned where it is read.
 */

/** An array; a single object is read as a one-element array. */
function list<Schema extends z.ZodType>(schema: Schema) {
  return lenient(z.preprocess(asArray, z.array(schema.nullable().catch(null))));
}

/**
 * Strings as sent; numbers read as their digits (codes); anything else (PostNL's `{}` for "empty") is absent. A
 * preprocess, not a `.catch`: PostNL sends `{}` often, and a failed check that is caught costs far more.
 */
const text = z.preprocess(
  (value) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined),
  z.string().optional(),
);

const statusSchema = z.object({
  /** `DD-MM-YYYY HH:mm:ss`, Dutch wall-clock time. */
  TimeStamp: text,
  StatusCode: text,
  StatusDescription: text,
  PhaseCode: text,
  PhaseDescription: text,
});

const eventSchema = z.object({
  Code: text,
  Description: text,
  LocationCode: text,
  RouteName: text,
  TimeStamp: text,
});

const addressSchema = z.object({
  /** `01` receiver, `02` sender, `09` pick-up location (PostNL address types). */
  AddressType: text,
  City: text,
  CompanyName: text,
  CountryCode: text,
  Zipcode: text,
  Street: text,
  HouseNumber: text,
});

const shipmentSchema = z.object({
  Barcode: text,
  MainBarcode: text,
  ProductCode: text,
  ProductDescription: text,
  /** `YYYY-MM-DD`. */
  DeliveryDate: text,
  /** ISO local without an offset (`2022-11-08T14:50:00`); the SDK docs show `11/07/2022 10:00:00`. */
  Expectation: lenient(z.object({ ETAFrom: text, ETATo: text })),
  Address: list(addressSchema),
  Status: lenient(statusSchema),
  Event: list(eventSchema),
});

const envelopeSchema = z.object({ Shipment: lenient(z.preprocess(asArray, z.array(shipmentSchema))) });

/**
 * `200`: `{ CompleteStatus: { Shipment } }` (with `detail=true`) or `{ CurrentStatus: { Shipment } }`; not found is
 * the same 200 with an empty status object and `Warnings: [{ Message: "No shipment found", Code: "2" }]`.
 */
export const postnlStatusResponseSchema = z.object({
  CompleteStatus: lenient(envelopeSchema),
  CurrentStatus: lenient(envelopeSchema),
  Warnings: list(z.object({ Message: text, Code: text })),
});

export type PostnlShipment = z.infer<typeof shipmentSchema>;
export type PostnlEvent = NonNullable<NonNullable<PostnlShipment['Event']>[number]>;
export type PostnlAddress = NonNullable<NonNullable<PostnlShipment['Address']>[number]>;

/** Warnings come as `[{ Message, Code }]` on status calls and as `{ Warning: { Message, Code } }` on signature calls. */
function flattenWarnings(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'Warning' in value)
    return asArray((value as { Warning: unknown }).Warning);
  return asArray(value);
}

/** `GET /shipment/v2/status/signature/{barcode}`: `{ Signature: { Barcode, SignatureDate, SignatureImage } }` or a warning. */
export const postnlSignatureResponseSchema = z.object({
  Signature: lenient(z.object({ Barcode: text, SignatureDate: text, SignatureImage: text })),
  Warnings: lenient(z.preprocess(flattenWarnings, z.array(z.object({ Message: text, Code: text }).nullable().catch(null)))),
});

import { asArray, lenient, lenientList } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per PostNL Shipping Status v2 response (PostNL's ShippingStatus spec and recorded answers), of
 * only the fields this package reads.
 */

/**
 * PostNL's text, trimmed; numbers are read as their digits (codes). Its placeholders for "empty" are absent: `{}` (an
 * object, or the string `"{}"` in its SDK docs) and the spec sample's `"string"`. A preprocess, not a `.catch`: PostNL
 * sends `{}` often, and a failed check that is caught costs far more.
 */
const text = z.preprocess((value) => {
  const trimmed = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  return trimmed && trimmed !== '{}' && trimmed !== 'string' ? trimmed : undefined;
}, z.string().optional());

/** An array whose entries of another shape are dropped; a single object is read as a one-element array. */
function list<Schema extends z.ZodType>(schema: Schema, toArray: (value: unknown) => unknown = asArray) {
  return lenient(z.preprocess(toArray, lenientList(schema)));
}

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
  /** `TimeStamp`: `DD-MM-YYYY HH:mm:ss`, Dutch wall-clock time (events too). */
  Status: lenient(z.object({ TimeStamp: text, StatusCode: text, PhaseCode: text })),
  Event: list(z.object({ Code: text, Description: text, LocationCode: text, TimeStamp: text })),
});

const envelopeSchema = z.object({ Shipment: lenient(z.preprocess(asArray, z.array(shipmentSchema))) });
const warningSchema = z.object({ Message: text, Code: text });

/**
 * `200`: `{ CompleteStatus: { Shipment } }` (with `detail=true`) or `{ CurrentStatus: { Shipment } }`; not found is
 * the same 200 with an empty status object and `Warnings: [{ Message: "No shipment found", Code: "2" }]`.
 */
export const postnlStatusResponseSchema = z.object({
  CompleteStatus: lenient(envelopeSchema),
  CurrentStatus: lenient(envelopeSchema),
  Warnings: list(warningSchema),
});

export type PostnlShipment = z.infer<typeof shipmentSchema>;
export type PostnlWarning = z.infer<typeof warningSchema>;

/** Signature calls send their warnings as `{ Warning: { Message, Code } }`, not a list. */
function unwrapWarning(value: unknown): unknown {
  return asArray(typeof value === 'object' && value !== null && 'Warning' in value ? value.Warning : value);
}

/** `GET /shipment/v2/status/signature/{barcode}`: `{ Signature: { Barcode, SignatureDate, SignatureImage } }` or a warning. */
export const postnlSignatureResponseSchema = z.object({
  Signature: lenient(z.object({ SignatureDate: text, SignatureImage: text })),
  Warnings: list(warningSchema, unwrapWarning),
});

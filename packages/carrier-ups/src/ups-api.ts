import { z } from 'zod';

/*
 * Minimal schemas of the UPS Track API v1 fields this package reads (UPS-API/api-documentation
 * `Tracking.yaml`). Unknown fields never fail validation (the parsed copy leaves them out; the untouched
 * body is what `includeRaw` keeps). Two variants of the same schema:
 * - `upsTrackResponseSchema`: the documented shape, checked first (fast: no per-field fallbacks);
 * - `upsTrackResponseLenientSchema`: used only when the first fails. A field we read that has a surprising
 *   shape is dropped instead of failing the answer, and a single object is accepted where an array is
 *   documented. Only an answer without the `trackResponse.shipment` envelope is a `bad_response`.
 * Activities, the one large array, are read by `readUpsActivity` with plain type checks: it is the hot
 * path, and a malformed activity must become an `unmapped` event, not a failed answer.
 */

export interface UpsMessage {
  code?: string | undefined;
  message?: string | undefined;
}

export interface UpsStatus {
  type?: string | undefined;
  code?: string | undefined;
  statusCode?: string | undefined;
  description?: string | undefined;
  simplifiedTextDescription?: string | undefined;
}

export interface UpsAddress {
  addressLine1?: string | undefined;
  addressLine2?: string | undefined;
  addressLine3?: string | undefined;
  city?: string | undefined;
  stateProvince?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
  countryCode?: string | undefined;
}

export interface UpsPackage {
  trackingNumber?: string | undefined;
  /** Read element by element with `readUpsActivity`. */
  activity?: unknown[] | undefined;
  currentStatus?: UpsStatus | undefined;
  /** SDD scheduled, RDD rescheduled, DEL delivered; `date` is `YYYYMMDD`. */
  deliveryDate?: Array<{ type?: string | undefined; date?: string | undefined }> | undefined;
  /** EOD, CMT, EDW, CDW, IDW, DEL; times `HHMMSS`, local to the destination. */
  deliveryTime?: { type?: string | undefined; startTime?: string | undefined; endTime?: string | undefined } | undefined;
  deliveryInformation?:
    | {
        receivedBy?: string | undefined;
        location?: string | undefined;
        signature?: { image?: string | undefined } | undefined;
        pod?: { content?: string | undefined } | undefined;
        deliveryPhoto?: { photo?: string | undefined } | undefined;
      }
    | undefined;
  /** `type` ORIGIN or DESTINATION. */
  packageAddress?: Array<{ type?: string | undefined; address?: UpsAddress | undefined }> | undefined;
  service?: { code?: string | undefined; description?: string | undefined; levelCode?: string | undefined } | undefined;
  /** `type` e.g. USPS_PIC; untyped numbers are UPS numbers. */
  alternateTrackingNumber?: Array<{ number?: string | undefined; type?: string | undefined }> | undefined;
  statusCode?: string | undefined;
  statusDescription?: string | undefined;
}

export interface UpsShipment {
  inquiryNumber?: string | undefined;
  package?: UpsPackage[] | undefined;
  warnings?: UpsMessage[] | undefined;
}

/** `200`: `{ trackResponse: { shipment: [...] } }`. */
export interface UpsTrackResponse {
  trackResponse: { shipment: UpsShipment[] };
}

/** `400/401/403/404/429/5xx` and the OAuth endpoint: `{ response: { errors: [{ code, message }] } }`. */
export interface UpsErrorResponse {
  response: { errors: UpsMessage[] };
}

function toArray(value: unknown): unknown {
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value : [value];
}

/** Builds the schemas in one of two modes; both produce the interfaces above. */
function upsSchemas(lenient: boolean) {
  /** Optional; in lenient mode a surprising shape is dropped instead of failing. */
  const optional = <Schema extends z.ZodType>(schema: Schema) => (lenient ? schema.optional().catch(undefined) : schema.optional());
  /** An optional array; in lenient mode a single object is accepted as a one-element array. */
  const list = <Schema extends z.ZodType>(schema: Schema) => (lenient ? z.preprocess(toArray, z.array(schema).optional()) : z.array(schema).optional());
  const text = optional(z.string());
  const code = lenient ? z.union([z.string(), z.number()]).transform(String).optional().catch(undefined) : z.string().optional();

  const message = z.object({ code, message: text });
  const status = z.object({ type: text, code: text, statusCode: text, description: text, simplifiedTextDescription: text });
  const address = z.object({
    addressLine1: text,
    addressLine2: text,
    addressLine3: text,
    city: text,
    stateProvince: text,
    postalCode: text,
    country: text,
    countryCode: text,
  });
  const item = z.object({
    trackingNumber: text,
    activity: list(z.unknown()),
    currentStatus: optional(status),
    deliveryDate: optional(list(z.object({ type: text, date: text }))),
    deliveryTime: optional(z.object({ type: text, startTime: text, endTime: text })),
    deliveryInformation: optional(
      z.object({
        receivedBy: text,
        location: text,
        signature: optional(z.object({ image: text })),
        pod: optional(z.object({ content: text })),
        deliveryPhoto: optional(z.object({ photo: text })),
      }),
    ),
    packageAddress: optional(list(z.object({ type: text, address: optional(address) }))),
    service: optional(z.object({ code: text, description: text, levelCode: text })),
    alternateTrackingNumber: optional(list(z.object({ number: text, type: text }))),
    statusCode: text,
    statusDescription: text,
  });
  const shipment = z.object({ inquiryNumber: text, package: list(item), warnings: optional(list(message)) });
  const shipments = lenient ? z.preprocess(toArray, z.array(shipment)) : z.array(shipment);
  return {
    message: message as z.ZodType<UpsMessage>,
    status: status as z.ZodType<UpsStatus>,
    address: address as z.ZodType<UpsAddress>,
    item: item as z.ZodType<UpsPackage>,
    shipment: shipment as z.ZodType<UpsShipment>,
    trackResponse: z.object({ trackResponse: z.object({ shipment: shipments }) }) as z.ZodType<UpsTrackResponse>,
    errorResponse: z.object({ response: z.object({ errors: lenient ? z.preprocess(toArray, z.array(message)) : z.array(message) }) }) as z.ZodType<UpsErrorResponse>,
  };
}

const strictSchemas = upsSchemas(false);
const lenientSchemas = upsSchemas(true);

export const upsMessageSchema = strictSchemas.message;
export const upsStatusSchema = strictSchemas.status;
export const upsAddressSchema = strictSchemas.address;
export const upsPackageSchema = strictSchemas.item;
export const upsShipmentSchema = strictSchemas.shipment;
export const upsTrackResponseSchema = strictSchemas.trackResponse;
export const upsTrackResponseLenientSchema = lenientSchemas.trackResponse;
/** Error bodies are small and rare: read leniently (a numeric code is turned into a string). */
export const upsErrorResponseSchema = lenientSchemas.errorResponse;

/** One `activity[]` element, as far as this package reads it. */
export interface UpsActivity {
  /** `YYYYMMDD`, local to the scan. */
  date?: string;
  /** `HHMMSS`, local to the scan. */
  time?: string;
  /** `YYYYMMDD` in GMT. */
  gmtDate?: string;
  /** GMT time: `74700` (leading zero dropped) and `09:41:00` both occur. */
  gmtTime?: string;
  /** The scan's UTC offset, `-05:00`. */
  gmtOffset?: string;
  location?: { address?: UpsAddress; slic?: string };
  status?: UpsStatus;
}

function stringField(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

function objectField(source: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = source[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

const ADDRESS_KEYS = ['addressLine1', 'addressLine2', 'addressLine3', 'city', 'stateProvince', 'postalCode', 'country', 'countryCode'] as const;
const STATUS_KEYS = ['type', 'code', 'statusCode', 'description', 'simplifiedTextDescription'] as const;

/** The object itself when every key read is a string or absent (the usual case, no copy), else a clean copy. */
function pickStrings<Key extends string>(source: Record<string, unknown>, keys: readonly Key[]): Partial<Record<Key, string>> {
  let clean = true;
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && typeof value !== 'string') {
      clean = false;
      break;
    }
  }
  if (clean) return source as Partial<Record<Key, string>>;
  const result: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

/**
 * Reads one activity with plain type checks (the structural equivalent of a zod schema of the fields
 * above): fields of the wrong type are dropped, and anything that is not an object yields null. Nested
 * objects whose fields are all well typed are returned as they are, not copied; treat them as read-only.
 */
export function readUpsActivity(value: unknown): UpsActivity | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const source = value as Record<string, unknown>;
  const activity: UpsActivity = {};
  const date = stringField(source, 'date');
  if (date !== undefined) activity.date = date;
  const time = stringField(source, 'time');
  if (time !== undefined) activity.time = time;
  const gmtDate = stringField(source, 'gmtDate');
  if (gmtDate !== undefined) activity.gmtDate = gmtDate;
  const gmtTime = stringField(source, 'gmtTime');
  if (gmtTime !== undefined) activity.gmtTime = gmtTime;
  const gmtOffset = stringField(source, 'gmtOffset');
  if (gmtOffset !== undefined) activity.gmtOffset = gmtOffset;
  const location = objectField(source, 'location');
  if (location) {
    const address = objectField(location, 'address');
    const slic = stringField(location, 'slic');
    activity.location = {};
    if (address) activity.location.address = pickStrings(address, ADDRESS_KEYS);
    if (slic !== undefined) activity.location.slic = slic;
  }
  const status = objectField(source, 'status');
  if (status) activity.status = pickStrings(status, STATUS_KEYS);
  return activity;
}

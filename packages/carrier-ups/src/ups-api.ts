import { asArray, lenient, oneOrMany as list } from '@wismo/core/internal';
import { z } from 'zod';

/*
 * One zod schema per UPS Track API v1 response (`Tracking.yaml` of UPS-API/api-documentation), of only the fields read
 * here. A field of a surprising shape is dropped, a single object read as a list, an activity that is not an object left
 * out (it holds nothing to show): only an answer without the `trackResponse.shipment` envelope is a `bad_response`.
 */

const text = lenient(z.string());
/** Codes are strings in the spec; a number is read as its digits. */
const code = lenient(z.union([z.string(), z.number().transform(String)]));

const messageSchema = z.object({ code, message: text });
const statusSchema = z.object({ type: text, code: text, statusCode: text, description: text, simplifiedTextDescription: text });
const addressSchema = z.object({ city: text, stateProvince: text, postalCode: text, country: text, countryCode: text });

/** Local `date` `YYYYMMDD` and `time` `HHMMSS`; `gmtTime` comes as `74700` (leading zero dropped) or `09:41:00`; `gmtOffset` `-05:00`. */
const scanTimeSchema = z.object({ date: text, time: text, gmtDate: text, gmtTime: text, gmtOffset: text });
const activitySchema = scanTimeSchema.extend({
  location: lenient(z.object({ address: lenient(addressSchema) })),
  status: lenient(statusSchema),
});

const packageSchema = z.object({
  trackingNumber: text,
  /** Most recent first. */
  activity: lenient(list(activitySchema.nullable().catch(null))),
  currentStatus: lenient(statusSchema),
  /** SDD scheduled, RDD rescheduled, DEL delivered; `date` is `YYYYMMDD`. */
  deliveryDate: lenient(list(z.object({ type: text, date: text }))),
  /** EOD, CMT, EDW, CDW, IDW, DEL; times `HHMMSS`, local to the destination. */
  deliveryTime: lenient(z.object({ type: text, startTime: text, endTime: text })),
  deliveryInformation: lenient(
    z.object({
      receivedBy: text,
      location: text,
      signature: lenient(z.object({ image: text })),
      pod: lenient(z.object({ content: text })),
      deliveryPhoto: lenient(z.object({ photo: text })),
    }),
  ),
  /** `type` ORIGIN or DESTINATION. */
  packageAddress: lenient(list(z.object({ type: text, address: lenient(addressSchema) }))),
  service: lenient(z.object({ code: text, description: text })),
  /** `type` e.g. USPS_PIC; untyped numbers are UPS numbers. */
  alternateTrackingNumber: lenient(list(z.object({ number: text, type: text }))),
  statusCode: text,
});

const shipmentSchema = z.object({ inquiryNumber: text, package: list(packageSchema), warnings: lenient(list(messageSchema)) });

/** `200`: `{ trackResponse: { shipment: [...] } }`. */
export const upsTrackResponseSchema = z.object({ trackResponse: z.object({ shipment: z.preprocess(asArray, z.array(shipmentSchema)) }) });

/** `400/401/403/404/429/5xx` and the OAuth endpoint: `{ response: { errors: [{ code, message }] } }`. */
export const upsErrorResponseSchema = z.object({ response: z.object({ errors: z.preprocess(asArray, z.array(messageSchema)) }) });

export type UpsPackage = z.infer<typeof packageSchema>;
export type UpsActivity = z.infer<typeof activitySchema>;
export type UpsAddress = z.infer<typeof addressSchema>;
export type UpsScanTime = z.infer<typeof scanTimeSchema>;
export type UpsMessage = z.infer<typeof messageSchema>;

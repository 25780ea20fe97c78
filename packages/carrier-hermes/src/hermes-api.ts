import { z } from 'zod';

/*
 * Hermes "Shipment Info API" (version 2025-12-08, vendored in karrio): only the fields the parse function
 * reads. Leaves are lenient (a wrong type becomes undefined); unknown keys are dropped.
 */
const text = z.string().optional().catch(undefined);

const statusSchema = z.object({
  /** ISO 8601 with offset. */
  timestamp: text,
  /** The 4-digit "2x2" event code. */
  code: text,
  description: text,
  scanningUnit: z.object({ name: text, city: text, countryCode: text }).optional().catch(undefined),
});

const shipmentInfoSchema = z.object({
  shipmentID: text,
  clientReference: text,
  trackingLink: text,
  receiverAddress: z.object({ city: text, zipCode: text, countryCode: text }).optional().catch(undefined),
  deliveryForecast: z
    .object({
      fixed: z.boolean().optional().catch(undefined),
      /** `YYYY-MM-DD`. */
      date: text,
      /** `HH:mm`, German time (CET/CEST). */
      timeSlot: z.object({ from: text, to: text }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  status: z.array(statusSchema).optional().catch(undefined),
  /** Per shipment: `e001` "There is no information for the entered value." */
  result: z.object({ code: text, message: text }).optional().catch(undefined),
});

export const hermesShipmentInfoResponseSchema = z.object({ shipmentinfo: z.array(shipmentInfoSchema) });

/** A request-level error: `{ listOfResultCodes: [{ code: "e902", message }] }`. */
export const hermesErrorResponseSchema = z.object({
  listOfResultCodes: z
    .array(z.object({ code: text, message: text }))
    .optional()
    .catch(undefined),
});

export type HermesShipmentInfo = z.infer<typeof shipmentInfoSchema>;

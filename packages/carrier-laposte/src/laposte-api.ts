import { z } from 'zod';

/*
 * Suivi v2 (La Poste "Swagger SUIVI", server https://api.laposte.fr/suivi/v2): only the fields the parse
 * function reads. Leaves are lenient (a wrong type becomes undefined, not a failed response); unknown keys are
 * dropped (strip), which keeps normalising cheap.
 */
const text = z.string().optional().catch(undefined);
const number = z.number().optional().catch(undefined);

const eventSchema = z.object({ code: text, label: text, date: text });

/** One of the five steps of the timeline La Poste shows on laposte.fr. */
const stepSchema = z.object({
  id: number,
  shortLabel: text,
  /** Is the step reached. */
  status: z.boolean().optional().catch(undefined),
  /** 1 OK, 0 information, -1 KO. */
  type: number,
  date: text,
  country: text,
});

const shipmentSchema = z.object({
  idShip: text,
  /** 1 Courrier, 3 Chronopost, 4 Colissimo. */
  holder: number,
  product: text,
  isFinal: z.boolean().optional().catch(undefined),
  entryDate: text,
  deliveryDate: text,
  estimDate: text,
  estimHourMin: text,
  estimHourMax: text,
  timeline: z.array(stepSchema).optional().catch(undefined),
  /** Newest first ("anti chronological order"). */
  event: z.array(eventSchema).optional().catch(undefined),
  contextData: z
    .object({
      removalPoint: z.object({ name: text, type: text }).optional().catch(undefined),
      originCountry: text,
      arrivalCountry: text,
    })
    .optional()
    .catch(undefined),
  url: text,
});

/**
 * One unitary answer: `returnCode` 200 with a `shipment`, or an error code (`104` not yet available, `400`
 * malformed, ...) with `returnMessage` and the `idShip` asked for.
 */
export const laposteUnitaryResponseSchema = z.object({
  returnCode: z.union([z.number(), z.string()]).optional().catch(undefined),
  returnMessage: text,
  idShip: text,
  shipment: shipmentSchema.optional(),
});

/**
 * The whole body: an array of unitary answers (several ids: HTTP 207; the swagger also types the 200 answer
 * as an array, as karrio's recorded sample is). One id is answered with the unitary object alone: the parse
 * function picks the schema by `Array.isArray` rather than trying both (a union parses an array body twice).
 */
export const laposteTrackResponseSchema = z.array(laposteUnitaryResponseSchema);

export type LaposteUnitaryResponse = z.infer<typeof laposteUnitaryResponseSchema>;
export type LaposteShipment = z.infer<typeof shipmentSchema>;
export type LaposteTimelineStep = z.infer<typeof stepSchema>;

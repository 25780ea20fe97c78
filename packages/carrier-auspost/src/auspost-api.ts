import { z } from 'zod';

const text = z.string().optional().catch(undefined);

/** One `{ code, name, message? }` error, at the top level (`51101`) or per id (`ESB-10001`). */
const errorSchema = z.object({ code: z.coerce.string().optional().catch(undefined), name: text, message: text });
const errorsSchema = z.array(errorSchema).optional().catch(undefined);

const eventSchema = z.object({ location: text, description: text, date: text });

/** An article: `article_id` with its own events and status (`Delivered`, `In transit`, …). */
const articleSchema = z.object({
  article_id: text,
  product_type: text,
  events: z.array(eventSchema).optional().catch(undefined),
  status: text,
});

/**
 * A trackable item is either an article itself or a consignment holding articles (`consignment_id`,
 * `number_of_items`, `items[]`): both shapes appear in one recorded answer.
 */
const trackableItemSchema = articleSchema.extend({
  consignment_id: text,
  items: z.array(articleSchema).optional().catch(undefined),
});

export const ausPostTrackResponseSchema = z.object({
  tracking_results: z
    .array(
      z.object({
        tracking_id: z.string(),
        status: text,
        trackable_items: z.array(trackableItemSchema).optional().catch(undefined),
        errors: errorsSchema,
      }),
    )
    .optional(),
  errors: errorsSchema,
});

export type AusPostTrackResponse = z.infer<typeof ausPostTrackResponseSchema>;
export type AusPostArticle = z.infer<typeof articleSchema>;

/** The error envelope on non-2xx answers (`{ errors: [{ code, name, message }] }`). */
export const ausPostErrorResponseSchema = z.object({ errors: z.array(errorSchema) });

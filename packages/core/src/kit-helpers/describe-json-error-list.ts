import type { z } from 'zod';
import { describeCarrierMessages, readJsonErrorBody } from './request-error';

/** What a carrier's error list holds: `{ code, message }` entries (its own field names mapped by `listOf`). */
type CarrierMessage = { code?: string | null; message?: string | null };

/**
 * For a description's `describeErrorBody`, when the carrier's error body is a list of coded messages (UPS
 * `response.errors`, Hermes `listOfResultCodes`): the text read as JSON with `schema`, its list (`listOf`) as one
 * message and its codes (`describeCarrierMessages`); undefined when the text is not that body or the list is empty.
 */
export function describeJsonErrorList<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  listOf: (body: z.infer<Schema>) => readonly CarrierMessage[] | null | undefined,
): { message: string; codes: string[] } | undefined {
  const body = readJsonErrorBody(text, schema);
  const messages = body === undefined ? [] : (listOf(body) ?? []);
  if (messages.length === 0) return undefined;
  const { detail, codes } = describeCarrierMessages(messages);
  return { message: detail, codes };
}

import type { z } from 'zod';
import type { CarrierParseInput } from '../adapter/define-carrier';
import { failAll, type TrackOutcome } from '../adapter/carrier-adapter';
import { BadResponseError, WismoError } from '../errors';
import { parseWithSchema } from '../transport/http-client';

/** `parseWithSchema` for a parse function that must not throw: the parsed body, or the `bad_response` naming what did not fit. */
export function parseBodyWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  carrier: { id: string; name: string },
  httpStatus: number,
): z.infer<Schema> | BadResponseError {
  try {
    return parseWithSchema(schema, body, carrier.name, carrier.id, httpStatus);
  } catch (error) {
    if (error instanceof BadResponseError) return error;
    throw error;
  }
}

/**
 * A parse function that never throws: a `WismoError` it throws fails every number of the request, anything else (a
 * payload nobody foresaw, a bug) is a `bad_response` for every number, saying what went wrong.
 */
export function neverThrowing(
  carrier: { id: string; name: string },
  parse: (input: CarrierParseInput) => TrackOutcome[],
): (input: CarrierParseInput) => TrackOutcome[] {
  return (input) => {
    try {
      return parse(input);
    } catch (error) {
      if (WismoError.isInstance(error)) return failAll(input.trackingNumbers, error);
      const reason = (error as Error)?.message ?? String(error);
      const options = { carrierId: carrier.id, httpStatus: input.httpStatus, cause: error };
      return failAll(input.trackingNumbers, new BadResponseError(`${carrier.name} response could not be read: ${reason}`, options));
    }
  };
}

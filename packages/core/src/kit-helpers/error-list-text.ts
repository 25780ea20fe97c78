import { z } from 'zod';
import { lenient } from './lenient-schema';
import { describeCarrierMessages, readJsonErrorBody } from './request-error';

/** `{ errors: [{ code, message }], message }`, each part read as far as it goes; any other JSON has neither. */
const errorListBodySchema = z
  .object({
    errors: lenient(z.array(z.object({ code: lenient(z.string()), message: lenient(z.string()) }).catch({}))),
    message: lenient(z.string()),
  })
  .catch({});

export interface ErrorListTextOptions {
  /** Between an error's code and its message. Default ` `. */
  separator?: string;
  /**
   * A body that is not JSON and at most this long is a gateway's plain-text answer, kept as the message (FedEx's 429
   * "Daily transaction quota exceeded …"). Default 0: none is.
   */
  plainTextUpTo?: number;
}

/**
 * For a description's `describeErrorBody`, the error body of a JSON API that answers `{ errors: [{ code, message }] }`
 * (a gateway in front of it may answer `{ message }`): the errors as one message (`CODE message; …`) and their codes,
 * else the `message`. Undefined for an empty body, an HTML page or other JSON: the transport words the error itself.
 */
export function describeErrorListText(
  body: string,
  options: ErrorListTextOptions = {},
): { message?: string; codes?: string[] } | undefined {
  const text = body.trim();
  if (text === '' || text.startsWith('<')) return undefined;
  const parsed = readJsonErrorBody(text, errorListBodySchema);
  if (!parsed) return text.length <= (options.plainTextUpTo ?? 0) ? { message: text } : undefined;
  if (!parsed.errors) return parsed.message === undefined ? undefined : { message: parsed.message };
  const { detail, codes } = describeCarrierMessages(parsed.errors, options.separator);
  return { message: detail || undefined, codes };
}

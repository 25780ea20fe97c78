import { z } from 'zod';
import { lenient } from './lenient-schema';

/*
 * The error bodies of the API gateways in front of JSON carrier APIs, read once here: an Apigee fault (GLS, PostNL and
 * DHL sit behind Apigee), RFC 7807 problem details, an OAuth 2.0 error, a bare `{ message }`.
 */

const text = lenient(z.string());

/** Apigee: `{ fault: { faultstring, detail: { errorcode } } }` (`policies.ratelimit.QuotaViolation`). */
const apigeeFaultSchema = z.object({ fault: z.object({ faultstring: text, detail: lenient(z.object({ errorcode: text })) }) });
/** RFC 7807 problem details: `{ type, title, status, detail, instance }`; only the words are read. */
const problemSchema = z.object({ title: text, detail: text });
/** RFC 6749 §5.2. */
const oauthErrorSchema = z.object({ error: z.string(), error_description: text });
const messageSchema = z.object({ message: z.string() });

export interface GatewayErrorBody {
  form: 'apigee-fault' | 'problem' | 'oauth-error' | 'message';
  /** The gateway's words, trimmed; undefined when it gave none. */
  message: string | undefined;
  /** Its codes as sent, trimmed (`errorCodesOf` keeps only code-like ones: a sentence may echo what was sent). */
  codes: string[];
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;
const listOf = (code: string | undefined) => (code ? [code] : []);

export interface GatewayErrorBodyOptions {
  /** Joins a problem's title and detail. Default `: `. */
  separator?: string;
  /** Also read a bare `{ message }` (PostNL's 401 and 429); off by default, as for most carriers it is not theirs. */
  bareMessage?: boolean;
}

/**
 * The words and codes of a gateway error body, or undefined when it has none of these forms. A problem without a
 * title or detail, or a message that is empty, is not one.
 */
export function readGatewayErrorBody(body: unknown, options: GatewayErrorBodyOptions = {}): GatewayErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fault = apigeeFaultSchema.safeParse(body);
  if (fault.success) {
    const { faultstring, detail } = fault.data.fault;
    return { form: 'apigee-fault', message: trimmed(faultstring), codes: listOf(trimmed(detail?.errorcode)) };
  }
  const problem = problemSchema.safeParse(body);
  const words = problem.success ? [trimmed(problem.data.title), trimmed(problem.data.detail)].filter(Boolean) : [];
  if (words.length > 0) return { form: 'problem', message: words.join(options.separator ?? ': '), codes: [] };
  const oauth = oauthErrorSchema.safeParse(body);
  if (oauth.success)
    return { form: 'oauth-error', message: trimmed(oauth.data.error_description), codes: listOf(trimmed(oauth.data.error)) };
  const message = options.bareMessage ? messageSchema.safeParse(body) : null;
  return message?.success && trimmed(message.data.message)
    ? { form: 'message', message: trimmed(message.data.message), codes: [] }
    : undefined;
}

/** For a description's `describeErrorBody`: the text as JSON read by `readGatewayErrorBody`; undefined when it is not that. */
export function readGatewayErrorText(text: string, options?: GatewayErrorBodyOptions): GatewayErrorBody | undefined {
  try {
    return readGatewayErrorBody(JSON.parse(text), options);
  } catch {
    return undefined;
  }
}

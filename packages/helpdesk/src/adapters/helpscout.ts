import type { Hono } from 'hono';
import { applyBaseHeaders, parseJson, problem, readRawBody } from '../http/request';
import { renderAgentPage } from '../render/html';
import { verifyHelpScoutSignature } from '../security/signatures';
import { guarded, isRecord, localeFor, rateLimited, requestLocale, stringField, viewsForEmails, type AdapterContext } from './shared';

/** The customer's addresses from a dynamic-app request: `customer.email` and `customer.emails[]`. */
export function helpScoutEmails(body: unknown): string[] {
  if (!isRecord(body) || !isRecord(body.customer)) return [];
  const customer = body.customer;
  const emails = [stringField(customer.email), ...(Array.isArray(customer.emails) ? customer.emails.map(stringField) : [])];
  return emails.filter((email): email is string => email !== undefined);
}

/**
 * Help Scout legacy dynamic app (https://developer.helpscout.com/apps/legacy-custom-apps/dynamic/): Help Scout
 * POSTs `{ ticket, customer: { email, emails[] }, user, mailbox }` when a conversation opens, signed in
 * X-HelpScout-Signature; the answer is `{ "html": "…" }`, shown in the sidebar as-is.
 */
export function registerHelpScout(app: Hono, context: AdapterContext, secrets: { secretKey: string }): void {
  app.post('/helpscout', async (c) => {
    const read = await readRawBody(c.req.raw, context.maxRequestBytes.helpScout);
    if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
    const signature = c.req.header('x-helpscout-signature');
    if (!signature) return problem(c, 401, 'missing_signature', 'The X-HelpScout-Signature header is missing.');
    if (!verifyHelpScoutSignature(read.bytes, signature, secrets.secretKey)) {
      return problem(c, 401, 'invalid_signature', 'X-HelpScout-Signature does not match the request body.');
    }
    const limited = rateLimited(c, context, 'helpScout');
    if (limited) return limited;
    const body = parseJson(read.bytes);
    if (!isRecord(body)) return problem(c, 400, 'invalid_json', 'The request body is not a JSON object.');
    const emails = helpScoutEmails(body);
    const serveds =
      emails.length > 0 ? await guarded(c, context, 'helpScout', () => viewsForEmails(context, emails, context.budgets.helpScout)) : [];
    if (serveds instanceof Response) return serveds;
    const locale = localeFor(requestLocale(c), serveds);
    const maxBytes = context.maxResponseBytes.helpScout;
    const html = renderAgentPage(serveds, {
      locale,
      compact: true,
      ...(emails[0] ? { email: emails[0] } : {}),
      ...(context.shopName ? { shopName: context.shopName } : {}),
      maxBytes,
      // What counts is the JSON sent, where quotes and line breaks take more room.
      measure: (output) => Buffer.byteLength(JSON.stringify({ html: output })),
    });
    applyBaseHeaders(c);
    return c.json({ html });
  });
}

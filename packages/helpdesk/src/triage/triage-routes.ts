import type { Context, Hono } from 'hono';
import {
  findTicketOrders,
  triage,
  triageTags,
  trackingNumbersOfView,
  CHANNELS,
  type Channel,
  type Ticket,
  type TicketOrderLookup,
  type TriageResult,
} from '@wismo/triage';
import { zendeskTokenOptions } from '../adapters/zendesk';
import { toGorgiasPayload } from '../adapters/gorgias';
import { toHubSpotCard } from '../adapters/hubspot';
import { intercomOrderCanvas, type CanvasComponent } from '../adapters/intercom';
import {
  candidateUrls,
  guarded,
  isRecord,
  localeFor,
  publicUrl,
  rateLimited,
  requestLocale,
  stringField,
  unauthorized,
  type AdapterContext,
} from '../adapters/shared';
import { applyBaseHeaders, parseJson, problem, rawQuery, readRawBody } from '../http/request';
import type { HelpdeskName } from '../limits';
import { renderAgentPage } from '../render/html';
import { summariseOrder } from '../render/order-summary';
import { constantTimeEqual } from '../security/crypto';
import {
  verifyGladlySignature,
  verifyGorgiasRequest,
  verifyHelpScoutSignature,
  verifyHubSpotSignatureV3,
  verifyIntercomSignature,
  type Verification,
} from '../security/signatures';
import { verifyZendeskToken } from '../security/tokens';
import type { ServedOrderView } from '../service/order-view-service';
import {
  renderTriageHtml,
  toFreshdeskTriage,
  toGladlyTriage,
  toGorgiasTriage,
  toHelpScoutTriage,
  toHubSpotTriage,
  toIntercomTriage,
  toZendeskTriage,
  triageRows,
} from './helpdesk-triage';

/** The most orders one ticket is triaged against. */
const MAX_TRIAGE_ORDERS = 5;

/** What a triage request carries, read from our body shape or the helpdesk's own. */
export interface TriageRequest {
  ticket: Ticket;
  email: string | null;
  orderNumber: string | null;
  /** The ticket's current tags, for helpdesks whose API replaces the whole list (Freshdesk, Help Scout). */
  existingTags: string[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Message bodies from helpdesks are HTML: the words are what triage needs. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_match, name: string) => ENTITIES[name] ?? ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function channelOf(value: unknown, fallback: Channel): Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : fallback;
}

/**
 * The ticket from a request body: `{ ticket: { subject, body, channel }, email, orderNumber, existingTags }`,
 * or an Intercom Canvas Kit body (`conversation.source`, `contact.email`), or a Help Scout dynamic-app
 * (`ticket.subject`, `customer.email`) or webhook body (`subject`, `_embedded.threads[].body`,
 * `primaryCustomer.email`). Null when no text is found.
 */
export function readTriageRequest(body: unknown): TriageRequest | null {
  if (!isRecord(body)) return null;
  const ticket = isRecord(body.ticket) ? body.ticket : null;
  const conversation = isRecord(body.conversation) ? body.conversation : null;
  const source = conversation && isRecord(conversation.source) ? conversation.source : null;
  const threads = isRecord(body._embedded) && Array.isArray(body._embedded.threads) ? body._embedded.threads.filter(isRecord) : [];
  const customer = [body.contact, body.customer, body.primaryCustomer].find(isRecord);

  const subject = stringField(ticket?.subject) ?? stringField(source?.subject) ?? stringField(body.subject) ?? null;
  const rawBody =
    stringField(ticket?.body) ?? stringField(source?.body) ?? stringField(threads[0]?.body) ?? stringField(body.preview) ?? '';
  const text = { subject: subject ? htmlToText(subject) : null, body: htmlToText(rawBody) };
  if (!text.subject && !text.body) return null;
  const fallbackChannel: Channel = source ? 'chat' : 'email';
  return {
    ticket: { ...text, channel: channelOf(ticket?.channel ?? body.channel, fallbackChannel) },
    email:
      stringField(body.email) ??
      stringField(body.requesterEmail) ??
      stringField(ticket?.requesterEmail) ??
      stringField(customer?.email) ??
      null,
    orderNumber: stringField(body.orderNumber) ?? null,
    existingTags: stringList(body.existingTags ?? (ticket ? ticket.tags : undefined) ?? body.tags),
  };
}

function viewLookup(context: AdapterContext, timeBudgetMs: number): TicketOrderLookup<ServedOrderView> {
  return {
    byNumber: (number) => context.service.viewByNumber(number, { timeBudgetMs }),
    byEmail: (email) => context.service.viewsByEmail(email, { timeBudgetMs }),
    idOf: (served) => served.view.order.id,
    numberOf: (served) => served.view.order.number,
    emailOf: (served) => served.view.customer.email,
    trackingNumbersOf: (served) => trackingNumbersOfView(served.view),
  };
}

interface Triaged {
  request: TriageRequest;
  serveds: ServedOrderView[];
  result: TriageResult;
  tags: string[];
  lookup: { matchedBy: string[][]; unmatched: { orderNumbers: string[]; trackingNumbers: string[] }; otherCustomersOrders: string[] };
}

/** Reads, looks the orders up (a failing order source becomes a 503) and triages. */
async function triageRequest(c: Context, context: AdapterContext, helpdesk: HelpdeskName, body: unknown): Promise<Triaged | Response> {
  const request = readTriageRequest(body);
  if (!request)
    return problem(
      c,
      400,
      'missing_ticket_text',
      'Send { "ticket": { "subject": …, "body": … }, "email": … } (or the helpdesk’s own conversation body).',
    );
  const budget = context.budgets[helpdesk];
  const found = await guarded(c, context, helpdesk, async () => {
    if (request.orderNumber) {
      const named = await context.service.viewByNumber(request.orderNumber, { timeBudgetMs: budget });
      const owned = named && (!request.email || named.view.customer.email.trim().toLowerCase() === request.email.trim().toLowerCase());
      if (named && owned)
        return {
          orders: [{ order: named, matchedBy: ['order_number'] }],
          unmatched: { orderNumbers: [], trackingNumbers: [] },
          otherCustomersOrders: [],
        };
    }
    return findTicketOrders(viewLookup(context, budget), { ...request.ticket, requesterEmail: request.email });
  });
  if (found instanceof Response) return found;
  const picked = found.orders.slice(0, MAX_TRIAGE_ORDERS);
  const serveds = picked.map((entry) => entry.order);
  const result = triage(
    request.ticket,
    serveds.map((served) => served.view),
    context.shopName ? { shopName: context.shopName } : {},
  );
  return {
    request,
    serveds,
    result,
    tags: triageTags(result),
    lookup: {
      matchedBy: picked.map((entry) => [...entry.matchedBy]),
      unmatched: found.unmatched,
      otherCustomersOrders: found.otherCustomersOrders,
    },
  };
}

function triageJson(triaged: Triaged) {
  return {
    ...triaged.result,
    tags: triaged.tags,
    orders: triaged.result.orders.map((order, index) => ({ ...order, matchedBy: triaged.lookup.matchedBy[index] ?? [] })),
    unmatched: triaged.lookup.unmatched,
    otherCustomersOrders: triaged.lookup.otherCustomersOrders,
  };
}

function envelope(context: AdapterContext, triaged: Triaged) {
  return {
    version: 1 as const,
    generatedAt: triaged.serveds[0]?.generatedAt ?? context.now().toISOString(),
    stale: triaged.serveds.some((served) => served.stale),
  };
}

function triageComponents(result: TriageResult, tags: readonly string[]): CanvasComponent[] {
  return [
    { type: 'text', text: 'Triage', style: 'header' },
    { type: 'data-table', items: triageRows(result).map((row) => ({ type: 'field-value', field: row.label, value: row.value })) },
    { type: 'text', text: tags.join(' ').replace(/_/g, '\\_'), style: 'muted' },
  ];
}

async function readVerifiedBody(
  c: Context,
  context: AdapterContext,
  helpdesk: HelpdeskName,
  verify: (bytes: Uint8Array) => Verification,
): Promise<unknown | Response> {
  const read = await readRawBody(c.req.raw, context.maxRequestBytes[helpdesk]);
  if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
  const verification = verify(read.bytes);
  if (!verification.ok) return unauthorized(c, verification);
  const limited = rateLimited(c, context, helpdesk);
  if (limited) return limited;
  const body = parseJson(read.bytes);
  if (!isRecord(body)) return problem(c, 400, 'invalid_json', 'The request body is not a JSON object.');
  return body;
}

function signature(valid: boolean, header: string | undefined, name: string): Verification {
  if (!header) return { ok: false, reason: 'missing_signature', detail: `The ${name} header is missing.` };
  return valid ? { ok: true } : { ok: false, reason: 'invalid_signature', detail: `${name} does not match the request body.` };
}

/**
 * `POST /{helpdesk}/triage` for every configured helpdesk, verified as that helpdesk's panel requests are.
 * The answer carries the triage (`triage`, with `tags`), the helpdesk's own update payload (under its name),
 * and where the helpdesk shows JSON or HTML beside the ticket, the panel content with the triage on top.
 */
export function registerTriageRoutes(app: Hono, context: AdapterContext): void {
  const { secrets } = context;
  const shopName = context.shopName ? { shopName: context.shopName } : {};

  if (secrets.gorgias?.apiKey) {
    const apiKey = secrets.gorgias.apiKey;
    app.post('/gorgias/triage', async (c) => {
      const body = await readVerifiedBody(c, context, 'gorgias', () =>
        verifyGorgiasRequest({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-wismo-api-key') }, apiKey),
      );
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'gorgias', body);
      if (triaged instanceof Response) return triaged;
      applyBaseHeaders(c);
      const widget = toGorgiasPayload(triaged.serveds, {
        locale: requestLocale(c) ?? localeFor(undefined, triaged.serveds),
        ...(triaged.request.email ? { email: triaged.request.email } : {}),
        ...shopName,
        maxBytes: context.maxResponseBytes.gorgias,
        generatedAt: context.now().toISOString(),
      });
      return c.json({ ...widget, triage: triageJson(triaged), gorgias: toGorgiasTriage(triaged.result) });
    });
  }

  if (secrets.helpScout?.secretKey) {
    const secretKey = secrets.helpScout.secretKey;
    app.post('/helpscout/triage', async (c) => {
      const header = c.req.header('x-helpscout-signature');
      const body = await readVerifiedBody(c, context, 'helpScout', (bytes) =>
        signature(Boolean(header) && verifyHelpScoutSignature(bytes, header, secretKey), header, 'X-HelpScout-Signature'),
      );
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'helpScout', body);
      if (triaged instanceof Response) return triaged;
      const locale = localeFor(requestLocale(c), triaged.serveds);
      const page = renderAgentPage(triaged.serveds, {
        locale,
        compact: true,
        ...(triaged.request.email ? { email: triaged.request.email } : {}),
        ...shopName,
        maxBytes: context.maxResponseBytes.helpScout - 4_096,
      });
      applyBaseHeaders(c);
      return c.json({
        html: `${renderTriageHtml(triaged.result)}${page}`,
        triage: triageJson(triaged),
        helpScout: toHelpScoutTriage(triaged.result, triaged.request.existingTags),
      });
    });
  }

  if (secrets.intercom?.clientSecret) {
    const clientSecret = secrets.intercom.clientSecret;
    app.post('/intercom/triage', async (c) => {
      const header = c.req.header('x-body-signature');
      const body = await readVerifiedBody(c, context, 'intercom', (bytes) =>
        signature(Boolean(header) && verifyIntercomSignature(bytes, header, clientSecret), header, 'X-Body-Signature'),
      );
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'intercom', body);
      if (triaged instanceof Response) return triaged;
      const locale = localeFor(requestLocale(c), triaged.serveds);
      const head = triageComponents(triaged.result, triaged.tags);
      const first = triaged.serveds[0];
      const order = first
        ? intercomOrderCanvas(summariseOrder(first, { locale, ...shopName }), {
            locale,
            backButton: false,
            maxBytes: context.maxResponseBytes.intercom - 4_096,
          })
        : [];
      applyBaseHeaders(c);
      return c.json({
        canvas: {
          content: { components: [...head, ...(order.length > 0 ? [{ type: 'divider' } as CanvasComponent, ...order] : [])] },
          stored_data: { email: triaged.request.email, orderIds: triaged.serveds.map((served) => served.view.order.id) },
        },
        triage: triageJson(triaged),
        intercom: toIntercomTriage(triaged.result),
      });
    });
  }

  if (secrets.hubspot?.clientSecret) {
    const clientSecret = secrets.hubspot.clientSecret;
    app.post('/hubspot/triage', async (c) => {
      const body = await readVerifiedBody(c, context, 'hubspot', (bytes) => {
        let verification: Verification = {
          ok: false,
          reason: 'missing_signature',
          detail: 'The X-HubSpot-Signature-v3 header is missing.',
        };
        for (const uri of candidateUrls(context, c, '/hubspot/triage', rawQuery(c.req.url))) {
          verification = verifyHubSpotSignatureV3({
            method: c.req.method,
            uri,
            rawBody: bytes,
            signature: c.req.header('x-hubspot-signature-v3'),
            timestamp: c.req.header('x-hubspot-request-timestamp'),
            clientSecret,
            now: context.now(),
          });
          if (verification.ok || verification.reason !== 'invalid_signature') break;
        }
        return verification;
      });
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'hubspot', body);
      if (triaged instanceof Response) return triaged;
      applyBaseHeaders(c);
      const card = toHubSpotCard(triaged.serveds, {
        ...(requestLocale(c) ? { locale: requestLocale(c)! } : {}),
        ...shopName,
        maxBytes: context.maxResponseBytes.hubspot - 8_192,
        generatedAt: context.now().toISOString(),
      });
      return c.json({ ...card, triage: triageJson(triaged), hubspot: toHubSpotTriage(triaged.result) });
    });
  }

  if (secrets.gladly?.signingKey) {
    const gladly = secrets.gladly;
    app.post('/gladly/triage', async (c) => {
      const query = rawQuery(c.req.url);
      const body = await readVerifiedBody(c, context, 'gladly', (bytes) => {
        let verification: Verification = {
          ok: false,
          reason: 'invalid_signature',
          detail: 'The Gladly-Authorization signature does not match the request.',
        };
        for (const url of candidateUrls(context, c, '/gladly/triage', '')) {
          verification = verifyGladlySignature({
            method: c.req.method,
            path: new URL(url).pathname,
            query,
            header: (name) => c.req.header(name),
            rawBody: bytes,
            signingKey: gladly.signingKey,
            now: context.now(),
            ...(gladly.maxClockSkewMs !== undefined ? { maxAgeMs: gladly.maxClockSkewMs } : {}),
          });
          if (verification.ok || verification.reason !== 'invalid_signature') break;
        }
        return verification;
      });
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'gladly', body);
      if (triaged instanceof Response) return triaged;
      applyBaseHeaders(c);
      return c.json({ wismo: envelope(context, triaged), triage: triageJson(triaged), gladly: toGladlyTriage(triaged.result) });
    });
  }

  if (secrets.zendesk && (secrets.zendesk.sharedSecret || secrets.zendesk.publicKey)) {
    const zendesk = secrets.zendesk;
    const appUrl = publicUrl(context, '/zendesk');
    app.post('/zendesk/triage', async (c) => {
      // The ZAF app calls this with client.request({ jwt: … }): a token signed with the app's shared secret.
      const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const body = await readVerifiedBody(c, context, 'zendesk', () => {
        const verification = verifyZendeskToken(token, zendeskTokenOptions(zendesk, appUrl, context.now()));
        return verification.ok ? { ok: true } : { ok: false, reason: 'invalid_credentials', detail: verification.detail };
      });
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'zendesk', body);
      if (triaged instanceof Response) return triaged;
      applyBaseHeaders(c);
      return c.json({ wismo: envelope(context, triaged), triage: triageJson(triaged), zendesk: toZendeskTriage(triaged.result) });
    });
  }

  if (secrets.freshdesk?.sharedSecret) {
    const sharedSecret = secrets.freshdesk.sharedSecret;
    app.post('/freshdesk/triage', async (c) => {
      // Freshworks serverless apps send the secret from secure iparams; it never reaches a browser.
      const key = c.req.header('x-wismo-api-key');
      const body = await readVerifiedBody(c, context, 'freshdesk', () =>
        key
          ? constantTimeEqual(Buffer.from(key), Buffer.from(sharedSecret))
            ? { ok: true }
            : { ok: false, reason: 'invalid_credentials', detail: 'X-Wismo-Api-Key is not the shared secret.' }
          : { ok: false, reason: 'missing_credentials', detail: 'The X-Wismo-Api-Key header is missing.' },
      );
      if (body instanceof Response) return body;
      const triaged = await triageRequest(c, context, 'freshdesk', body);
      if (triaged instanceof Response) return triaged;
      applyBaseHeaders(c);
      return c.json({
        wismo: envelope(context, triaged),
        triage: triageJson(triaged),
        freshdesk: toFreshdeskTriage(triaged.result, triaged.request.existingTags),
      });
    });
  }
}

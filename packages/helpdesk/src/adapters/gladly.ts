import type { Hono } from 'hono';
import { label } from '../i18n/labels';
import { applyBaseHeaders, parseJson, problem, rawQuery, readRawBody } from '../http/request';
import { etaDays } from '../render/format';
import { summariseOrder } from '../render/order-summary';
import { verifyGladlySignature, type Verification } from '../security/signatures';
import type { ServedOrderView } from '../service/order-view-service';
import {
  candidateUrls,
  guarded,
  isRecord,
  localeFor,
  rateLimited,
  requestLocale,
  stringField,
  unauthorized,
  type AdapterContext,
} from './shared';

/**
 * Gladly Lookup Adaptor (https://connect.gladly.com/docs/developer/article/lookup-adapter-requests): Gladly
 * POSTs `{ lookupLevel: "BASIC" | "DETAILED", query: { emails, phones, name, externalCustomerId, … },
 * uniqueMatchRequired }`, signed with the adaptor's signing key (Gladly-Authorization, Gladly-Time). The
 * answer is `{ results: [customer…] }`; a DETAILED lookup expects exactly one result, with ORDER transaction
 * cards (https://connect.gladly.com/docs/developer-tutorials/article/transaction-cards/).
 *
 * Customers are keyed by email (OrderSource looks orders up by email): `externalCustomerId` is the newest
 * order's customer id, and the email is echoed in the `wismoEmail` custom attribute so a detailed lookup
 * can find the orders even when Gladly's query carries no email.
 */

export interface GladlyCustomer {
  externalCustomerId: string;
  name?: string;
  emails: Array<{ original: string }>;
  phones?: Array<{ original: string }>;
  customAttributes: Record<string, string>;
  transactions?: GladlyOrderTransaction[];
}

export interface GladlyOrderTransaction {
  type: 'ORDER';
  orderNumber: string;
  orderStatus: string;
  createdAt: string;
  note: string;
  itemCount: string;
  orderLink?: string;
  customerOrderUrl?: string;
  products: Array<{ id: string; name: string; quantity: string; status: string }>;
  fulfillments: Array<{
    trackingNumber?: string;
    trackingUrl?: string;
    status: string;
    estimatedDeliveryDate?: string;
    productIds: string[];
  }>;
}

function toTransaction(served: ServedOrderView, locale: string, shopName: string | undefined): GladlyOrderTransaction {
  const { view } = served;
  const summary = summariseOrder(served, { locale, ...(shopName ? { shopName } : {}) });
  const products: GladlyOrderTransaction['products'] = [];
  for (const [index, parcel] of view.parcels.entries()) {
    for (const item of parcel.items)
      products.push({
        id: item.itemId,
        name: item.name,
        quantity: String(item.quantity),
        status: summary.parcels[index]?.statusLabel ?? '',
      });
  }
  for (const item of view.unshippedItems)
    products.push({ id: item.itemId, name: item.name, quantity: String(item.quantity), status: label(locale, 'unshipped') });
  const note = [
    `${summary.actorLabel}: ${summary.nextStep}`,
    ...summary.delays,
    ...(summary.staleNotice ? [`⚠ ${summary.staleNotice.title}. ${summary.staleNotice.lines.join(' ')}`] : []),
    '',
    summary.suggestedReply,
  ].join('\n');
  return {
    type: 'ORDER',
    orderNumber: view.order.number,
    orderStatus: summary.stageLabel,
    createdAt: view.order.placedAt,
    note,
    itemCount: String(view.order.itemCount),
    ...(view.customer.accountUrl ? { orderLink: view.customer.accountUrl, customerOrderUrl: view.customer.accountUrl } : {}),
    products,
    fulfillments: view.parcels.map((parcel, index) => {
      const parcelSummary = summary.parcels[index]!;
      const days = parcel.eta ? etaDays(parcel.eta, view.customer.timeZone) : null;
      return {
        ...(parcel.trackingNumber ? { trackingNumber: parcel.trackingNumber } : {}),
        ...(parcelSummary.trackingUrl ? { trackingUrl: parcelSummary.trackingUrl } : {}),
        status: `${parcelSummary.carrierName} · ${parcelSummary.statusLine}`,
        // Midday UTC keeps the estimated day the same day in every agent's time zone from UTC−11 to UTC+11.
        ...(days ? { estimatedDeliveryDate: `${days.to}T12:00:00.000Z` } : {}),
        productIds: parcel.items.map((item) => item.itemId),
      };
    }),
  };
}

/** One Gladly customer per email, its orders as ORDER transactions (newest first) when `detailed`. */
export function toGladlyCustomers(
  serveds: readonly ServedOrderView[],
  options: { detailed: boolean; locale?: string; shopName?: string },
): GladlyCustomer[] {
  const byEmail = new Map<string, ServedOrderView[]>();
  for (const served of serveds) {
    const email = served.view.customer.email.trim().toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), served]);
  }
  return [...byEmail.entries()].map(([email, orders]) => {
    const newest = orders[0]!;
    const locale = localeFor(options.locale, orders);
    const latest = summariseOrder(newest, { locale });
    return {
      externalCustomerId: newest.view.customer.id,
      name: newest.view.customer.name,
      emails: [{ original: newest.view.customer.email }],
      ...(newest.view.customer.phone ? { phones: [{ original: newest.view.customer.phone }] } : {}),
      customAttributes: {
        wismoEmail: email,
        latestOrder: latest.number,
        latestOrderStage: latest.stageLabel,
        whoMustAct: latest.actorLabel,
        nextStep: latest.nextStep,
        carrierDataStale: String(orders.some((order) => order.stale)),
      },
      ...(options.detailed ? { transactions: orders.map((order) => toTransaction(order, locale, options.shopName)) } : {}),
    };
  });
}

function lookupEmails(query: Record<string, unknown>): string[] {
  const emails: string[] = [];
  if (Array.isArray(query.emails)) for (const email of query.emails) if (typeof email === 'string') emails.push(email);
  for (const key of ['email', 'wismoEmail']) {
    const value = stringField(query[key]);
    if (value) emails.push(value);
  }
  return [...new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email.includes('@')))].slice(0, 5);
}

export function registerGladly(app: Hono, context: AdapterContext, secrets: { signingKey: string; maxClockSkewMs?: number | null }): void {
  app.post('/gladly/lookup', async (c) => {
    const read = await readRawBody(c.req.raw, context.maxRequestBytes.gladly);
    if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
    const query = rawQuery(c.req.url);
    let verification: Verification = {
      ok: false,
      reason: 'invalid_signature',
      detail: 'The Gladly-Authorization signature does not match the request.',
    };
    // The path Gladly signs is the one configured in Gladly: this route's public path (or the path as mounted).
    for (const url of candidateUrls(context, c, '/gladly/lookup', '')) {
      verification = verifyGladlySignature({
        method: c.req.method,
        path: new URL(url).pathname,
        query,
        header: (name) => c.req.header(name),
        rawBody: read.bytes,
        signingKey: secrets.signingKey,
        now: context.now(),
        ...(secrets.maxClockSkewMs !== undefined ? { maxAgeMs: secrets.maxClockSkewMs } : {}),
      });
      if (verification.ok || verification.reason !== 'invalid_signature') break;
    }
    if (!verification.ok) return unauthorized(c, verification);
    const limited = rateLimited(c, context, 'gladly');
    if (limited) return limited;
    const body = parseJson(read.bytes);
    if (!isRecord(body) || !isRecord(body.query))
      return problem(c, 400, 'invalid_lookup', 'Expected { lookupLevel, query, uniqueMatchRequired }.');
    const detailed = String(body.lookupLevel).toUpperCase() === 'DETAILED';
    const uniqueMatchRequired = body.uniqueMatchRequired === true;
    const emails = lookupEmails(body.query);
    const externalCustomerId = stringField(body.query.externalCustomerId);
    // BASIC lookups only need who the customer is: carriers get no wait (their lookups still warm the data for the DETAILED one).
    const budget = detailed ? context.budgets.gladly : 0;
    const serveds = await guarded(c, context, 'gladly', async () => {
      const lists = await Promise.all(emails.map((email) => context.service.viewsByEmail(email, { timeBudgetMs: budget })));
      return lists.flat();
    });
    if (serveds instanceof Response) return serveds;
    let results = toGladlyCustomers(serveds, {
      detailed,
      locale: requestLocale(c),
      ...(context.shopName ? { shopName: context.shopName } : {}),
    });
    if (externalCustomerId && results.length > 1) {
      const matching = results.filter((result) => result.externalCustomerId === externalCustomerId);
      if (matching.length > 0) results = matching;
    }
    if (uniqueMatchRequired && results.length !== 1) results = [];
    // Keep the answer small: the largest lookups drop their oldest orders first.
    const maxBytes = context.maxResponseBytes.gladly;
    while (Buffer.byteLength(JSON.stringify({ results })) > maxBytes && results.some((result) => (result.transactions?.length ?? 0) > 1)) {
      results = results.map((result) =>
        result.transactions && result.transactions.length > 1 ? { ...result, transactions: result.transactions.slice(0, -1) } : result,
      );
    }
    applyBaseHeaders(c);
    return c.json({ results });
  });
}

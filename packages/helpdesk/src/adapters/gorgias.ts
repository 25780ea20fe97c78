import type { Hono } from 'hono';
import { applyBaseHeaders, parseJson, problem, readRawBody } from '../http/request';
import { summariseOrder, type OrderSummary } from '../render/order-summary';
import { verifyGorgiasRequest } from '../security/signatures';
import type { ServedOrderView } from '../service/order-view-service';
import { guarded, isRecord, localeFor, rateLimited, requestLocale, stringField, unauthorized, type AdapterContext } from './shared';

/**
 * Gorgias HTTP integration (https://developers.gorgias.com/reference/the-integration-object): Gorgias calls
 * `GET {base}/gorgias?email={{ticket.customer.email}}` on ticket events and shows the JSON beside the
 * ticket through a widget template that maps JSON paths to cards and fields
 * (https://developers.gorgias.com/reference/widgets). Values are display-ready strings.
 */
export interface GorgiasParcel {
  heading: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: string;
  statusLine: string;
  eta: string | null;
  lastScan: string | null;
  delivered: string | null;
  delays: string | null;
  journey: string | null;
  carrierPhone: string | null;
  carrierUrl: string | null;
}

export interface GorgiasOrder {
  id: string;
  number: string;
  title: string;
  stage: string;
  stageLabel: string;
  placed: string;
  promised: string | null;
  whoMustAct: string;
  nextStep: string;
  delays: string | null;
  stale: boolean;
  staleNotice: string | null;
  parcelCount: number;
  parcels: GorgiasParcel[];
  unshipped: string | null;
  suggestedReply: string;
  updated: string;
}

export interface GorgiasPayload {
  wismo: { version: 1; generatedAt: string; stale: boolean };
  customer: { email: string | null; name: string | null };
  latestOrder: GorgiasOrder | null;
  orders: GorgiasOrder[];
}

function toGorgiasOrder(summary: OrderSummary): GorgiasOrder {
  return {
    id: summary.id,
    number: summary.number,
    title: summary.title,
    stage: summary.stage,
    stageLabel: summary.stageLabel,
    placed: summary.placedOn,
    promised: summary.promisedOn,
    whoMustAct: summary.actorLabel,
    nextStep: summary.nextStep,
    delays: summary.delays.length > 0 ? summary.delays.join(' ') : null,
    stale: summary.stale,
    staleNotice: summary.staleNotice ? [summary.staleNotice.title, ...summary.staleNotice.lines].join(' — ') : null,
    parcelCount: summary.parcels.length,
    parcels: summary.parcels.map((parcel) => ({
      heading: parcel.heading,
      carrier: parcel.carrierName,
      trackingNumber: parcel.trackingNumber,
      trackingUrl: parcel.trackingUrl,
      status: parcel.statusLabel,
      statusLine: parcel.statusLine,
      eta: parcel.eta,
      lastScan: parcel.lastScan
        ? [parcel.lastScan.description, parcel.lastScan.place, parcel.lastScan.when, parcel.lastScan.age].filter(Boolean).join(' · ')
        : null,
      delivered: parcel.delivered,
      delays: parcel.delays.length > 0 ? parcel.delays.join(' ') : null,
      journey:
        parcel.legs.length > 1
          ? parcel.legs.map((leg) => [leg.carrierName, leg.trackingNumber].filter(Boolean).join(' ')).join(' → ')
          : null,
      carrierPhone: parcel.contact.phone,
      carrierUrl: parcel.contact.url,
    })),
    unshipped: summary.unshipped,
    suggestedReply: summary.suggestedReply,
    updated: summary.updated,
  };
}

/** The widget JSON for a customer's orders (newest first), trimmed to `maxBytes` by dropping the oldest orders. */
export function toGorgiasPayload(
  serveds: readonly ServedOrderView[],
  options: { locale?: string; email?: string; shopName?: string; maxBytes?: number; generatedAt: string },
): GorgiasPayload {
  const locale = localeFor(options.locale, serveds);
  let orders = serveds.map((served) =>
    toGorgiasOrder(summariseOrder(served, { locale, ...(options.shopName ? { shopName: options.shopName } : {}) })),
  );
  const build = (): GorgiasPayload => ({
    wismo: { version: 1, generatedAt: serveds[0]?.generatedAt ?? options.generatedAt, stale: orders.some((order) => order.stale) },
    customer: { email: serveds[0]?.view.customer.email ?? options.email ?? null, name: serveds[0]?.view.customer.name ?? null },
    latestOrder: orders[0] ?? null,
    orders,
  });
  let payload = build();
  while (options.maxBytes !== undefined && orders.length > 1 && Buffer.byteLength(JSON.stringify(payload)) > options.maxBytes) {
    orders = orders.slice(0, -1);
    payload = build();
  }
  return payload;
}

export function registerGorgias(app: Hono, context: AdapterContext, secrets: { apiKey: string }): void {
  app.on(['GET', 'POST'], '/gorgias', async (c) => {
    const verification = verifyGorgiasRequest(
      { authorization: c.req.header('authorization'), apiKey: c.req.header('x-wismo-api-key') },
      secrets.apiKey,
    );
    if (!verification.ok) return unauthorized(c, verification);
    const limited = rateLimited(c, context, 'gorgias');
    if (limited) return limited;
    let bodyEmail: string | undefined;
    let bodyOrder: string | undefined;
    if (c.req.method === 'POST') {
      const read = await readRawBody(c.req.raw, context.maxRequestBytes.gorgias);
      if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
      const body = read.bytes.byteLength > 0 ? parseJson(read.bytes) : undefined;
      if (isRecord(body)) {
        bodyEmail = stringField(body.email);
        bodyOrder = stringField(body.orderNumber) ?? stringField(body.order);
      }
    }
    const email = stringField(c.req.query('email')) ?? bodyEmail;
    const orderNumber = stringField(c.req.query('order')) ?? stringField(c.req.query('orderNumber')) ?? bodyOrder;
    if (!email && !orderNumber)
      return problem(c, 400, 'missing_lookup_key', 'Pass ?email={{ticket.customer.email}} (or ?order=<order number>).');
    const budget = context.budgets.gorgias;
    const serveds = await guarded(c, context, 'gorgias', async () => {
      if (orderNumber) {
        const served = await context.service.viewByNumber(orderNumber, { timeBudgetMs: budget });
        return served ? [served] : [];
      }
      return context.service.viewsByEmail(email!, { timeBudgetMs: budget });
    });
    if (serveds instanceof Response) return serveds;
    applyBaseHeaders(c);
    return c.json(
      toGorgiasPayload(serveds, {
        locale: requestLocale(c),
        ...(email ? { email } : {}),
        ...(context.shopName ? { shopName: context.shopName } : {}),
        maxBytes: context.maxResponseBytes.gorgias,
        generatedAt: context.now().toISOString(),
      }),
    );
  });
}

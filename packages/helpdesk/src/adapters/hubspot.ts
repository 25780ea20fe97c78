import type { Hono } from 'hono';
import { label } from '../i18n/labels';
import { applyBaseHeaders, parseJson, problem, rawQuery, readRawBody } from '../http/request';
import { summariseOrder, type OrderSummary, type Tone } from '../render/order-summary';
import { verifyHubSpotSignatureV3, type Verification } from '../security/signatures';
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
 * HubSpot UI extension card (https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/overview):
 * the card's React code calls `hubspot.fetch('{base}/hubspot/card', { method: 'POST', body: { email, locale } })`
 * (https://developers.hubspot.com/docs/guides/crm/public-apps/fetching-data). HubSpot signs the request
 * (X-HubSpot-Signature-v3 over method, full URL, body and X-HubSpot-Request-Timestamp). Limits: 15 s,
 * 1 MB in and out. The JSON below is shaped for HubSpot's UI components (`StatusTag` variants, `DescriptionList`,
 * `Link`, `Text`); texts are localised.
 */

/** HubSpot `StatusTag` variants. */
export type HubSpotTagVariant = 'default' | 'success' | 'warning' | 'danger' | 'info';

const VARIANTS: Readonly<Record<Tone, HubSpotTagVariant>> = {
  success: 'success',
  info: 'info',
  warning: 'warning',
  danger: 'danger',
  neutral: 'default',
};

export interface HubSpotOrderCard {
  id: string;
  number: string;
  title: string;
  stage: { id: string; label: string; variant: HubSpotTagVariant };
  stale: boolean;
  staleNotice: { title: string; lines: string[] } | null;
  /** Label/value pairs for a `DescriptionList`. */
  facts: Array<{ label: string; value: string }>;
  whoMustAct: { id: string; label: string };
  nextStep: string;
  delays: string[];
  parcels: Array<{
    id: string;
    title: string;
    status: { id: string; label: string; variant: HubSpotTagVariant };
    statusLine: string;
    facts: Array<{ label: string; value: string }>;
    delays: string[];
    trackingUrl: string | null;
    carrierContact: { phone: string | null; url: string | null };
    legs: Array<{ carrierName: string; trackingNumber: string | null; trackingUrl: string | null; current: boolean }>;
  }>;
  timeline: Array<{ when: string; text: string; source: string | null; place: string | null }>;
  timelineTotal: number;
  suggestedReply: { text: string; language: string };
  updated: string;
}

export interface HubSpotCardResponse {
  wismo: { version: 1 };
  locale: string;
  stale: boolean;
  generatedAt: string;
  orders: HubSpotOrderCard[];
}

function toCard(summary: OrderSummary, locale: string, timelineLimit: number): HubSpotOrderCard {
  const facts = (rows: Array<[string, string | null]>) =>
    rows.filter((row): row is [string, string] => Boolean(row[1])).map(([labelText, value]) => ({ label: labelText, value }));
  return {
    id: summary.id,
    number: summary.number,
    title: summary.title,
    stage: { id: summary.stage, label: summary.stageLabel, variant: VARIANTS[summary.tone] },
    stale: summary.stale,
    staleNotice: summary.staleNotice,
    facts: facts([
      [label(locale, 'whoMustAct'), summary.actorLabel],
      [label(locale, 'nextStep'), summary.nextStep],
      [label(locale, 'placed'), summary.placedOn],
      [label(locale, 'promised'), summary.promisedOn],
      [label(locale, 'unshipped'), summary.unshipped],
    ]),
    whoMustAct: { id: summary.actor, label: summary.actorLabel },
    nextStep: summary.nextStep,
    delays: summary.delays,
    parcels: summary.parcels.map((parcel) => ({
      id: parcel.id,
      title: `${parcel.heading} · ${parcel.carrierName}`,
      status: { id: parcel.status, label: parcel.statusLabel, variant: VARIANTS[parcel.tone] },
      statusLine: parcel.statusLine,
      facts: facts([
        [label(locale, 'trackingNumber'), parcel.trackingNumber],
        [label(locale, 'eta'), parcel.eta ?? label(locale, 'noEta')],
        [
          label(locale, 'lastScan'),
          parcel.lastScan
            ? [parcel.lastScan.description, parcel.lastScan.place, parcel.lastScan.when, parcel.lastScan.age].filter(Boolean).join(' · ')
            : null,
        ],
        [label(locale, 'delivered'), parcel.delivered],
        [label(locale, 'items'), parcel.items],
      ]),
      delays: parcel.delays,
      trackingUrl: parcel.trackingUrl,
      carrierContact: parcel.contact,
      legs: parcel.legs.map((leg) => ({
        carrierName: leg.carrierName,
        trackingNumber: leg.trackingNumber,
        trackingUrl: leg.trackingUrl,
        current: leg.current,
      })),
    })),
    timeline: summary.timeline.slice(0, timelineLimit).map((line) => ({
      when: line.note ? `${line.when} (${line.note})` : line.when,
      text: line.text,
      source: line.source,
      place: line.place,
    })),
    timelineTotal: summary.timeline.length,
    suggestedReply: { text: summary.suggestedReply, language: summary.customerLanguage },
    updated: summary.updated,
  };
}

/** The card JSON; timelines are shortened until it fits `maxBytes` (HubSpot: 1 MB). */
export function toHubSpotCard(
  serveds: readonly ServedOrderView[],
  options: { locale?: string; shopName?: string; maxBytes: number; generatedAt: string },
): HubSpotCardResponse {
  const locale = localeFor(options.locale, serveds);
  const summaries = serveds.map((served) =>
    summariseOrder(served, { locale, ...(options.shopName ? { shopName: options.shopName } : {}) }),
  );
  const build = (timelineLimit: number, orderCount: number): HubSpotCardResponse => ({
    wismo: { version: 1 },
    locale,
    stale: serveds.some((served) => served.stale),
    generatedAt: serveds[0]?.generatedAt ?? options.generatedAt,
    orders: summaries.slice(0, orderCount).map((summary) => toCard(summary, locale, timelineLimit)),
  });
  let timelineLimit = 20;
  let orderCount = summaries.length;
  let response = build(timelineLimit, orderCount);
  while (Buffer.byteLength(JSON.stringify(response)) > options.maxBytes && (timelineLimit > 0 || orderCount > 1)) {
    if (timelineLimit > 0) timelineLimit = Math.floor(timelineLimit / 2);
    else orderCount -= 1;
    response = build(timelineLimit, orderCount);
  }
  return response;
}

export function registerHubSpot(app: Hono, context: AdapterContext, secrets: { clientSecret: string }): void {
  app.on(['GET', 'POST'], '/hubspot/card', async (c) => {
    const read = await readRawBody(c.req.raw, context.maxRequestBytes.hubspot);
    if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
    let verification: Verification = { ok: false, reason: 'missing_signature', detail: 'The X-HubSpot-Signature-v3 header is missing.' };
    for (const uri of candidateUrls(context, c, '/hubspot/card', rawQuery(c.req.url))) {
      verification = verifyHubSpotSignatureV3({
        method: c.req.method,
        uri,
        rawBody: read.bytes,
        signature: c.req.header('x-hubspot-signature-v3'),
        timestamp: c.req.header('x-hubspot-request-timestamp'),
        clientSecret: secrets.clientSecret,
        now: context.now(),
      });
      if (verification.ok || verification.reason !== 'invalid_signature') break;
    }
    if (!verification.ok) return unauthorized(c, verification);
    // hubspot.fetch adds the portal to the (signed) URL: one bucket per HubSpot account.
    const limited = rateLimited(c, context, 'hubspot', c.req.query('portalId') ?? '');
    if (limited) return limited;
    const body = read.bytes.byteLength > 0 ? parseJson(read.bytes) : {};
    if (!isRecord(body)) return problem(c, 400, 'invalid_json', 'The request body is not a JSON object.');
    // `userEmail` (appended by hubspot.fetch) is the agent; the customer comes from the card's own fields.
    // The customer's email is taken from the body only: in the URL it would sit in HubSpot's and proxies' logs.
    const email = stringField(body.email);
    const orderNumber = stringField(body.orderNumber) ?? stringField(c.req.query('orderNumber'));
    const orderId = stringField(body.orderId) ?? stringField(c.req.query('orderId'));
    if (!email && !orderNumber && !orderId)
      return problem(c, 400, 'missing_lookup_key', 'Send { "email": … } (or orderNumber / orderId) in the body.');
    const budget = context.budgets.hubspot;
    const serveds = await guarded(c, context, 'hubspot', async () => {
      if (orderId || orderNumber) {
        const served = orderId
          ? await context.service.viewById(orderId, { timeBudgetMs: budget })
          : await context.service.viewByNumber(orderNumber!, { timeBudgetMs: budget });
        return served ? [served] : [];
      }
      return context.service.viewsByEmail(email!, { timeBudgetMs: budget });
    });
    if (serveds instanceof Response) return serveds;
    applyBaseHeaders(c);
    return c.json(
      toHubSpotCard(serveds, {
        locale: requestLocale(c, stringField(body.locale)),
        ...(context.shopName ? { shopName: context.shopName } : {}),
        maxBytes: context.maxResponseBytes.hubspot,
        generatedAt: context.now().toISOString(),
      }),
    );
  });
}

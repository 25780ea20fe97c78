import type { Hono } from 'hono';
import { label } from '../i18n/labels';
import { applyBaseHeaders, parseJson, problem, readRawBody } from '../http/request';
import { summariseOrder, type OrderSummary } from '../render/order-summary';
import { verifyIntercomSignature } from '../security/signatures';
import type { ServedOrderView } from '../service/order-view-service';
import { guarded, isRecord, localeFor, rateLimited, requestLocale, stringField, type AdapterContext } from './shared';

/**
 * Intercom Canvas Kit, Inbox "conversation details" location (https://developers.intercom.com/docs/canvas-kit):
 * Intercom POSTs to the initialize URL when the app is shown and to the submit URL when a list item or
 * button is clicked, both signed in X-Body-Signature. The answer is a canvas: `{ canvas: { content:
 * { components }, stored_data } }`, content and stored_data ≤ 64 KB each. First the customer's orders
 * (a list), then one order's parcels (data tables, tracking links, suggested reply).
 */

export type CanvasComponent =
  | { type: 'text'; text: string; style?: 'header' | 'paragraph' | 'muted' | 'error'; align?: 'left' | 'center' | 'right' }
  | { type: 'data-table'; items: Array<{ type: 'field-value'; field: string; value: string }> }
  | { type: 'divider' }
  | { type: 'spacer'; size?: 'xs' | 's' | 'm' | 'l' | 'xl' }
  | {
      type: 'button';
      id: string;
      label: string;
      style?: 'primary' | 'secondary' | 'link';
      action: { type: 'submit' } | { type: 'url'; url: string };
    }
  | {
      type: 'list';
      items: Array<{ type: 'item'; id: string; title: string; subtitle?: string; tertiary_text?: string; action?: { type: 'submit' } }>;
    };

export interface IntercomStoredData {
  email: string | null;
  orderIds: string[];
}

export interface IntercomCanvasResponse {
  canvas: { content: { components: CanvasComponent[] }; stored_data: IntercomStoredData };
}

/** Canvas text is rendered as Markdown: carrier and shop text must not turn into links or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()#<>|~])/g, '\\$1');
}

function text(value: string, style: 'header' | 'paragraph' | 'muted' | 'error' = 'paragraph'): CanvasComponent {
  return { type: 'text', text: escapeMarkdown(value), style };
}

function table(rows: Array<[string, string | null]>): CanvasComponent {
  return {
    type: 'data-table',
    items: rows
      .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
      .map(([field, value]) => ({ type: 'field-value', field, value })),
  };
}

function staleComponents(summary: OrderSummary): CanvasComponent[] {
  return summary.staleNotice
    ? [text(`⚠ ${summary.staleNotice.title}`, 'error'), ...summary.staleNotice.lines.map((line) => text(line, 'muted'))]
    : [];
}

function contentBytes(components: readonly CanvasComponent[]): number {
  return Buffer.byteLength(JSON.stringify({ components }));
}

export function intercomListCanvas(
  summaries: readonly OrderSummary[],
  options: { locale: string; email: string | null },
): CanvasComponent[] {
  const { locale } = options;
  if (summaries.length === 0)
    return [text(options.email ? label(locale, 'noOrders', { email: options.email }) : label(locale, 'orderNotFound'), 'muted')];
  return [
    text(options.email ? label(locale, 'ordersOf', { email: options.email }) : label(locale, 'orders'), 'header'),
    ...(summaries.some((summary) => summary.stale) ? [text(`⚠ ${label(locale, 'staleTitle')}`, 'muted')] : []),
    {
      type: 'list',
      items: summaries.map((summary) => ({
        type: 'item',
        id: `order:${summary.id}`,
        title: summary.title,
        subtitle: `${summary.stageLabel}${summary.delays.length > 0 ? ' ⚠' : ''}`,
        tertiary_text: summary.placedOn,
        action: { type: 'submit' },
      })),
    },
  ];
}

export function intercomOrderCanvas(
  summary: OrderSummary,
  options: { locale: string; backButton: boolean; maxBytes: number },
): CanvasComponent[] {
  const { locale } = options;
  const head: CanvasComponent[] = [
    text(`${summary.title} · ${summary.stageLabel}`, 'header'),
    ...staleComponents(summary),
    table([
      [label(locale, 'stage'), summary.stageLabel],
      [label(locale, 'whoMustAct'), summary.actorLabel],
      [label(locale, 'nextStep'), summary.nextStep],
      [label(locale, 'placed'), summary.placedOn],
      [label(locale, 'promised'), summary.promisedOn],
    ]),
    ...summary.delays.map((delay) => text(`⚠ ${delay}`, 'paragraph')),
  ];
  const parcelBlocks = summary.parcels.map<CanvasComponent[]>((parcel, index) => [
    { type: 'divider' },
    text(`${parcel.heading} · ${parcel.carrierName}`, 'header'),
    table([
      [label(locale, 'status'), parcel.statusLabel],
      [label(locale, 'trackingNumber'), parcel.trackingNumber],
      [label(locale, 'eta'), parcel.eta ?? label(locale, 'noEta')],
      [
        label(locale, 'lastScan'),
        parcel.lastScan
          ? [parcel.lastScan.description, parcel.lastScan.place, parcel.lastScan.when, parcel.lastScan.age].filter(Boolean).join(' · ')
          : null,
      ],
      [label(locale, 'delivered'), parcel.delivered],
      [
        label(locale, 'journey'),
        parcel.legs.length > 1
          ? parcel.legs
              .map(
                (leg) =>
                  `${[leg.carrierName, leg.trackingNumber].filter(Boolean).join(' ')}${leg.current ? ` (${label(locale, 'currentLeg')})` : ''}`,
              )
              .join(' → ')
          : null,
      ],
      [label(locale, 'contact'), [parcel.contact.phone, parcel.contact.url].filter(Boolean).join(' · ') || null],
    ]),
    ...parcel.delays.map((delay) => text(`⚠ ${delay}`, 'paragraph')),
    ...(parcel.trackingUrl
      ? [
          {
            type: 'button',
            id: `track:${index}`,
            label: label(locale, 'track', { carrier: parcel.carrierName }),
            style: 'link',
            action: { type: 'url', url: parcel.trackingUrl },
          } satisfies CanvasComponent,
        ]
      : []),
  ]);
  const tail: CanvasComponent[] = [
    { type: 'divider' },
    text(label(locale, 'suggestedReply'), 'header'),
    text(label(locale, 'suggestedReplyNote', { language: summary.customerLanguage }), 'muted'),
    ...summary.suggestedReply.split(/\n{2,}/).map((paragraph) => text(paragraph, 'paragraph')),
    text(summary.updated, 'muted'),
    ...(options.backButton
      ? [
          {
            type: 'button',
            id: 'back',
            label: label(locale, 'allOrders'),
            style: 'secondary',
            action: { type: 'submit' },
          } satisfies CanvasComponent,
        ]
      : []),
  ];
  // Content may be at most 64 KB: parcels are dropped from the end (and counted) until it fits.
  let shown = parcelBlocks.length;
  const assemble = () => [
    ...head,
    ...parcelBlocks.slice(0, shown).flat(),
    ...(shown < parcelBlocks.length ? [text(label(locale, 'moreParcels', { count: parcelBlocks.length - shown }), 'muted')] : []),
    ...tail,
  ];
  let components = assemble();
  while (shown > 0 && contentBytes(components) > options.maxBytes) {
    shown -= 1;
    components = assemble();
  }
  return components;
}

function contactEmail(body: Record<string, unknown>): string | null {
  for (const key of ['contact', 'customer', 'user']) {
    const value = body[key];
    if (isRecord(value)) {
      const email = stringField(value.email);
      if (email) return email;
    }
  }
  return null;
}

function storedData(body: Record<string, unknown>): IntercomStoredData | null {
  const canvas = isRecord(body.current_canvas) ? body.current_canvas : null;
  const candidates = [
    canvas?.stored_data,
    isRecord(canvas?.current_canvas) ? canvas.current_canvas.stored_data : undefined,
    body.stored_data,
  ];
  for (const candidate of candidates) {
    if (isRecord(candidate) && Array.isArray(candidate.orderIds)) {
      return {
        email: stringField(candidate.email) ?? null,
        orderIds: candidate.orderIds.filter((id): id is string => typeof id === 'string'),
      };
    }
  }
  return null;
}

export function registerIntercom(app: Hono, context: AdapterContext, secrets: { clientSecret: string }): void {
  const handle = (kind: 'initialize' | 'submit') =>
    app.post(`/intercom/${kind}`, async (c) => {
      const read = await readRawBody(c.req.raw, context.maxRequestBytes.intercom);
      if (!read.ok) return problem(c, 413, 'body_too_large', read.detail);
      const signature = c.req.header('x-body-signature');
      if (!signature) return problem(c, 401, 'missing_signature', 'The X-Body-Signature header is missing.');
      if (!verifyIntercomSignature(read.bytes, signature, secrets.clientSecret))
        return problem(c, 401, 'invalid_signature', 'X-Body-Signature does not match the request body.');
      const body = parseJson(read.bytes);
      if (!isRecord(body)) return problem(c, 400, 'invalid_json', 'The request body is not a JSON object.');
      // An app may be installed in several workspaces: each has its own bucket.
      const limited = rateLimited(c, context, 'intercom', stringField(body.workspace_id) ?? '');
      if (limited) return limited;

      const stored = kind === 'submit' ? storedData(body) : null;
      const email = contactEmail(body) ?? stored?.email ?? null;
      const componentId = kind === 'submit' ? (stringField(body.component_id) ?? '') : '';
      const budget = context.budgets.intercom;
      const requestedLocale = requestLocale(c, isRecord(body.context) ? stringField(body.context.locale) : undefined);
      const maxBytes = context.maxResponseBytes.intercom;
      const respond = (components: CanvasComponent[], data: IntercomStoredData): Response => {
        applyBaseHeaders(c);
        const response: IntercomCanvasResponse = { canvas: { content: { components }, stored_data: data } };
        return c.json(response);
      };
      const summarise = (served: ServedOrderView, locale: string) =>
        summariseOrder(served, { locale, ...(context.shopName ? { shopName: context.shopName } : {}) });

      const selectedId = componentId.startsWith('order:') ? componentId.slice('order:'.length) : null;
      if (selectedId !== null) {
        // Only orders this canvas listed (stored_data is part of the signed body) can be opened.
        if (!stored?.orderIds.includes(selectedId))
          return respond([text(label(requestedLocale ?? 'en', 'orderNotFound'), 'error')], stored ?? { email, orderIds: [] });
        const served = await guarded(c, context, 'intercom', () => context.service.viewById(selectedId, { timeBudgetMs: budget }));
        if (served instanceof Response) return served;
        const locale = localeFor(requestedLocale, served ? [served] : []);
        if (!served) return respond([text(label(locale, 'orderNotFound'), 'error')], stored);
        return respond(
          intercomOrderCanvas(summarise(served, locale), { locale, backButton: stored.orderIds.length > 1, maxBytes }),
          stored,
        );
      }

      const serveds = email
        ? await guarded(c, context, 'intercom', () => context.service.viewsByEmail(email, { timeBudgetMs: budget }))
        : [];
      if (serveds instanceof Response) return serveds;
      const locale = localeFor(requestedLocale, serveds);
      const data: IntercomStoredData = { email, orderIds: serveds.map((served) => served.view.order.id) };
      // One order: straight to its parcels. Several: the list first ("back" comes here too).
      if (serveds.length === 1)
        return respond(intercomOrderCanvas(summarise(serveds[0]!, locale), { locale, backButton: false, maxBytes }), data);
      return respond(
        intercomListCanvas(
          serveds.map((served) => summarise(served, locale)),
          { locale, email },
        ),
        data,
      );
    });
  handle('initialize');
  handle('submit');
}

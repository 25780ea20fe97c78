import { negotiateLanguage } from '@wismo/order-view';
import { label } from '../i18n/labels';
import type { ServedOrderView } from '../service/order-view-service';
import { telHref } from './format';
import { summariseOrder, type OrderSummary, type ParcelSummary, type Tone } from './order-summary';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export interface AgentPanelOptions {
  /** The agent's locale for headings and texts; the suggested reply is in the customer's language. */
  locale: string;
  /** A fragment for embedding (Help Scout) instead of a whole document, with a shorter timeline. */
  compact?: boolean;
  /** Size budget in bytes: the timeline is shortened (and says so) until the panel fits. */
  maxBytes?: number;
  /** Most timeline entries shown. Default 50, compact 8. */
  timelineLimit?: number;
  agentName?: string;
  shopName?: string;
}

const SYMBOLS: Readonly<Record<Tone, string>> = { success: '✓', info: '➜', warning: '⚠', danger: '✕', neutral: '•' };

// Colours only reinforce: every badge carries its text and a symbol, and borders keep contrast in forced-colours mode.
const TONE_STYLES: Readonly<Record<Tone, string>> = {
  success: 'background:#e6f4ea;color:#0d5223;border:1px solid #0d5223',
  info: 'background:#e8f0fe;color:#123f8c;border:1px solid #123f8c',
  warning: 'background:#fef3d6;color:#6b4500;border:1px solid #6b4500',
  danger: 'background:#fce8e6;color:#8c1d18;border:1px solid #8c1d18',
  neutral: 'background:#f1f3f4;color:#303335;border:1px solid #303335',
};

const STYLESHEET = `
.wismo-panel{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#202124;margin:0;padding:12px;max-width:640px}
.wismo-panel h1,.wismo-panel h2{font-size:16px;margin:0 0 6px}
.wismo-panel h3{font-size:14px;margin:14px 0 6px}
.wismo-panel h4{font-size:14px;margin:0 0 6px}
.wismo-panel h5{font-size:13px;margin:8px 0 4px}
.wismo-panel dl{margin:6px 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}
.wismo-panel dt{font-weight:600}
.wismo-panel dd{margin:0;overflow-wrap:anywhere}
.wismo-panel ul,.wismo-panel ol{margin:4px 0;padding-left:20px}
.wismo-panel a{color:#0b57d0}
.wismo-panel a:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
.wismo-badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;margin:2px 0}
.wismo-notice{border:2px solid #6b4500;background:#fef3d6;color:#3d2800;padding:8px;margin:8px 0;border-radius:4px}
.wismo-parcel{border:1px solid #c4c7c5;border-radius:6px;padding:8px;margin:8px 0}
.wismo-muted{color:#4d5156;font-size:12px}
.wismo-reply{white-space:pre-wrap;font:inherit;background:#f8f9fa;border:1px solid #c4c7c5;border-radius:4px;padding:8px;margin:4px 0}
.wismo-orders li{margin:2px 0}
.wismo-inline{display:inline;margin:0}
.wismo-link{background:none;border:0;padding:0;font:inherit;color:#0b57d0;text-decoration:underline;cursor:pointer}
.wismo-link:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
.wismo-timeline li{margin:2px 0}
.wismo-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (forced-colors:active){.wismo-badge,.wismo-notice{forced-color-adjust:auto}}
`.trim();

interface RenderContext {
  locale: string;
  compact: boolean;
  timelineLimit: number;
  idPrefix: string;
}

function badge(tone: Tone, text: string, labelText?: string): string {
  const prefix = labelText ? `<span class="wismo-sr">${escapeHtml(labelText)}: </span>` : '';
  return `<span class="wismo-badge wismo-${tone}" style="${TONE_STYLES[tone]}">${prefix}<span aria-hidden="true">${SYMBOLS[tone]}</span> ${escapeHtml(text)}</span>`;
}

/** An external link (new tab, no referrer); `tel:` links open in place. */
function link(href: string | null, text: string): string {
  if (!href) return escapeHtml(text);
  const target = href.startsWith('tel:') ? '' : ' target="_blank" rel="noopener noreferrer"';
  return `<a href="${escapeHtml(href)}"${target}>${escapeHtml(text)}</a>`;
}

function fact(term: string, valueHtml: string | null): string {
  return valueHtml ? `<dt>${escapeHtml(term)}</dt><dd>${valueHtml}</dd>` : '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function renderParcel(parcel: ParcelSummary, context: RenderContext, index: number): string {
  const { locale } = context;
  const headingId = `${context.idPrefix}-p${index}`;
  const contact = [
    parcel.contact.phone ? link(telHref(parcel.contact.phone), parcel.contact.phone) : null,
    parcel.contact.url ? link(parcel.contact.url, hostOf(parcel.contact.url)) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const scan = parcel.lastScan
    ? escapeHtml(
        [parcel.lastScan.description, parcel.lastScan.place, parcel.lastScan.when].filter(Boolean).join(' · ') +
          (parcel.lastScan.age ? ` (${parcel.lastScan.age})` : ''),
      )
    : null;
  const tracking = parcel.trackingNumber ? link(parcel.trackingUrl, parcel.trackingNumber) : escapeHtml(label(locale, 'none'));
  const parts = [
    `<article class="wismo-parcel" aria-labelledby="${headingId}">`,
    `<h4 id="${headingId}">${escapeHtml(`${parcel.heading} · ${parcel.carrierName}`)}</h4>`,
    `<p>${badge(parcel.tone, parcel.statusLabel, label(locale, 'status'))}</p>`,
    `<p>${escapeHtml(parcel.statusLine)}</p>`,
    '<dl>',
    fact(label(locale, 'trackingNumber'), tracking),
    fact(label(locale, 'eta'), escapeHtml(parcel.eta ?? label(locale, 'noEta'))),
    fact(label(locale, 'lastScan'), scan),
    fact(label(locale, 'delivered'), parcel.delivered ? escapeHtml(parcel.delivered) : null),
    fact(label(locale, 'contact'), contact || null),
    context.compact ? '' : fact(label(locale, 'items'), parcel.items ? escapeHtml(parcel.items) : null),
    '</dl>',
  ];
  if (parcel.delays.length > 0) {
    parts.push(
      `<h5>${escapeHtml(label(locale, 'delays'))}</h5><ul>${parcel.delays.map((delay) => `<li>${escapeHtml(delay)}</li>`).join('')}</ul>`,
    );
  }
  if (parcel.legs.length > 1) {
    parts.push(
      `<h5>${escapeHtml(label(locale, 'journey'))}</h5><ol>${parcel.legs
        .map((leg) => {
          const text = [leg.carrierName, leg.trackingNumber].filter(Boolean).join(' ');
          const status = leg.statusLabel ? ` — ${escapeHtml(leg.statusLabel)}` : '';
          const current = leg.current ? ` <strong>(${escapeHtml(label(locale, 'currentLeg'))})</strong>` : '';
          return `<li${leg.current ? ' aria-current="step"' : ''}>${link(leg.trackingUrl, text)}${status}${current}</li>`;
        })
        .join('')}</ol>`,
    );
  }
  if (parcel.trackingUrl && !context.compact)
    parts.push(`<p>${link(parcel.trackingUrl, label(locale, 'track', { carrier: parcel.carrierName }))}</p>`);
  parts.push('</article>');
  return parts.join('');
}

function renderStale(summary: OrderSummary): string {
  if (!summary.staleNotice) return '';
  return `<div class="wismo-notice" role="status" style="border:2px solid #6b4500;background:#fef3d6;color:#3d2800;padding:8px;margin:8px 0"><strong><span aria-hidden="true">⚠</span> ${escapeHtml(summary.staleNotice.title)}</strong><ul>${summary.staleNotice.lines
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul></div>`;
}

function renderTimeline(summary: OrderSummary, context: RenderContext): string {
  const total = summary.timeline.length;
  if (total === 0) return '';
  const shown = Math.min(total, Math.max(0, context.timelineLimit));
  const items = summary.timeline
    .slice(0, shown)
    .map((line) => {
      const when = `<span class="wismo-muted">${escapeHtml(line.when)}${line.note ? ` (${escapeHtml(line.note)})` : ''}</span>`;
      const text = [line.source, line.text, line.place].filter(Boolean).join(' · ');
      return `<li>${when}<br>${escapeHtml(text)}</li>`;
    })
    .join('');
  const note =
    shown < total ? `<p class="wismo-muted">${escapeHtml(label(context.locale, 'timelineTruncated', { shown, total }))}</p>` : '';
  return `<h3>${escapeHtml(label(context.locale, 'timeline'))}</h3>${items ? `<ol class="wismo-timeline">${items}</ol>` : ''}${note}`;
}

function renderOrder(summary: OrderSummary, context: RenderContext, customerLanguage: string): string {
  const { locale } = context;
  const headingId = `${context.idPrefix}-title`;
  const headingTag = context.compact ? 'h3' : 'h2';
  const parts = [
    `<section class="wismo-order" aria-labelledby="${headingId}">`,
    `<${headingTag} id="${headingId}">${escapeHtml(summary.title)}</${headingTag}>`,
    `<p>${badge(summary.tone, summary.stageLabel, label(locale, 'stage'))}</p>`,
    renderStale(summary),
    '<dl>',
    fact(label(locale, 'whoMustAct'), escapeHtml(summary.actorLabel)),
    fact(label(locale, 'nextStep'), escapeHtml(summary.nextStep)),
    fact(label(locale, 'placed'), escapeHtml(summary.placedOn)),
    fact(label(locale, 'promised'), summary.promisedOn ? escapeHtml(summary.promisedOn) : null),
    '</dl>',
  ];
  if (summary.delays.length > 0) {
    parts.push(
      `<h3>${escapeHtml(label(locale, 'delays'))}</h3><ul>${summary.delays.map((delay) => `<li>${escapeHtml(delay)}</li>`).join('')}</ul>`,
    );
  }
  if (summary.parcels.length > 0) {
    parts.push(`<h3>${escapeHtml(label(locale, 'parcels'))}</h3>`);
    summary.parcels.forEach((parcel, index) => parts.push(renderParcel(parcel, context, index)));
  }
  if (summary.unshipped) parts.push(`<h3>${escapeHtml(label(locale, 'unshipped'))}</h3><p>${escapeHtml(summary.unshipped)}</p>`);
  parts.push(renderTimeline(summary, context));
  parts.push(
    `<h3>${escapeHtml(label(locale, 'suggestedReply'))}</h3>`,
    `<p class="wismo-muted">${escapeHtml(label(locale, 'suggestedReplyNote', { language: summary.customerLanguage }))}</p>`,
    `<pre class="wismo-reply" lang="${escapeHtml(customerLanguage)}" style="white-space:pre-wrap">${escapeHtml(summary.suggestedReply)}</pre>`,
    `<p class="wismo-muted">${escapeHtml(summary.updated)}</p>`,
    '</section>',
  );
  return parts.join('');
}

function htmlDocument(title: string, locale: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(negotiateLanguage(locale))}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(
    title,
  )}</title><style>${STYLESHEET}.wismo-sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}</style></head><body><main class="wismo-panel"><h1 class="wismo-sr-only">${escapeHtml(
    title,
  )}</h1>${body}</main></body></html>`;
}

function fragment(locale: string, body: string): string {
  return `<div class="wismo-panel" lang="${escapeHtml(negotiateLanguage(locale))}">${body}</div>`;
}

function idPrefixFor(orderId: string): string {
  return `wismo-${orderId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`;
}

/**
 * Renders `render(limit)` with the timeline limited to `limit` entries, halving it until `measure` fits
 * within `maxBytes`. The panel says how many entries it left out.
 */
export function fitTimeline(
  render: (timelineLimit: number) => string,
  initialLimit: number,
  maxBytes: number | undefined,
  measure: (output: string) => number = (output) => Buffer.byteLength(output, 'utf8'),
): string {
  let limit = initialLimit;
  let output = render(limit);
  while (maxBytes !== undefined && measure(output) > maxBytes && limit > 0) {
    limit = Math.floor(limit / 2);
    output = render(limit);
  }
  return output;
}

/**
 * Server-rendered HTML of one order view for an agent side panel: stage, parcels (carrier, status, ETA,
 * last scan and its age, delays with reasons, legs, carrier contact, tracking link), who must act, next
 * step, timeline, suggested reply, and a notice when carrier data is stale. Self-contained (inline CSS,
 * no scripts), every text escaped, status never shown by colour alone.
 */
export function renderAgentPanel(served: ServedOrderView, options: AgentPanelOptions): string {
  const compact = options.compact ?? false;
  const summary = summariseOrder(served, options);
  const render = (timelineLimit: number) => {
    const body = renderOrder(
      summary,
      { locale: options.locale, compact, timelineLimit, idPrefix: idPrefixFor(summary.id) },
      served.view.customer.language,
    );
    return compact ? fragment(options.locale, body) : htmlDocument(summary.title, options.locale, body);
  };
  return fitTimeline(render, options.timelineLimit ?? (compact ? 8 : 50), options.maxBytes);
}

export interface AgentPageOptions extends AgentPanelOptions {
  /** The email the orders were looked up by, for the heading and the empty state. */
  email?: string;
  /** The order shown in full; default the newest. */
  selectedOrderId?: string;
  /** Links to the other orders; without it (or `orderForm`) they are listed as text. */
  hrefForOrder?: (orderId: string) => string;
  /**
   * The other orders as buttons that POST `order` plus these hidden fields to `action` (iframe panels: a
   * session token or an email never goes into a URL). Wins over `hrefForOrder`.
   */
  orderForm?: { action: string; fields: Readonly<Record<string, string>> };
  /** Measures the output against `maxBytes` (e.g. as JSON for Help Scout). Default: UTF-8 bytes. */
  measure?: (output: string) => number;
}

function orderButton(form: NonNullable<AgentPageOptions['orderForm']>, orderId: string, title: string): string {
  const hidden = Object.entries(form.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<form class="wismo-inline" method="post" action="${escapeHtml(form.action)}">${hidden}<button class="wismo-link" type="submit" name="order" value="${escapeHtml(orderId)}">${escapeHtml(title)}</button></form>`;
}

/** A customer's orders: the selected (else newest) in full, the others listed. Empty state when there are none. */
export function renderAgentPage(serveds: readonly ServedOrderView[], options: AgentPageOptions): string {
  const { locale } = options;
  const compact = options.compact ?? false;
  const wrap = (title: string, body: string) => (compact ? fragment(locale, body) : htmlDocument(title, locale, body));
  if (serveds.length === 0) {
    const text = options.email ? label(locale, 'noOrders', { email: options.email }) : label(locale, 'orderNotFound');
    return wrap(label(locale, 'orders'), `<p>${escapeHtml(text)}</p>`);
  }
  const selected = serveds.find((served) => served.view.order.id === options.selectedOrderId) ?? serveds[0]!;
  const summary = summariseOrder(selected, options);
  const others = serveds.filter((served) => served !== selected);
  const listHtml =
    others.length > 0
      ? `<nav aria-label="${escapeHtml(label(locale, 'otherOrders'))}"><h3>${escapeHtml(label(locale, 'otherOrders'))}</h3><ul class="wismo-orders">${others
          .map((served) => {
            const other = summariseOrder(served, options);
            const title = options.orderForm
              ? orderButton(options.orderForm, other.id, other.title)
              : options.hrefForOrder
                ? `<a href="${escapeHtml(options.hrefForOrder(other.id))}">${escapeHtml(other.title)}</a>`
                : escapeHtml(other.title);
            return `<li>${title} — ${badge(other.tone, other.stageLabel, label(locale, 'stage'))} <span class="wismo-muted">${escapeHtml(other.placedOn)}</span></li>`;
          })
          .join('')}</ul></nav>`
      : '';
  const render = (timelineLimit: number) =>
    wrap(
      summary.title,
      renderOrder(summary, { locale, compact, timelineLimit, idPrefix: idPrefixFor(summary.id) }, selected.view.customer.language) +
        listHtml,
    );
  return fitTimeline(render, options.timelineLimit ?? (compact ? 8 : 50), options.maxBytes, options.measure);
}

/** A small self-contained page for errors inside an iframe panel (expired session, order source down). */
export function renderMessagePage(locale: string, text: string): string {
  return htmlDocument(text, locale, `<p role="alert">${escapeHtml(text)}</p>`);
}

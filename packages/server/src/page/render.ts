import { html, raw } from 'hono/html';
import {
  answerWhereIsMyOrder,
  formatTimeline,
  type CustomerTime,
  type Delay,
  type Language,
  type OrderView,
  type ParcelView,
} from '@wismo/order-view';
import { safeUrl, type ResolvedBrand, type UpsellContext } from './brand';
import {
  formatCalendarDay,
  formatClock,
  formatEta,
  formatInstantDay,
  timeZoneLabel,
  datetimeAttribute,
  type FormatContext,
} from './format';
import { pageShell, type Html, type PageLinks } from './layout';
import { parcelSteps, orderSteps, scanStatusesOf, type Step } from './milestones';
import { catalogueWord, say, type PageWordKey } from './words';

export interface RenderContext {
  brand: ResolvedBrand;
  css: string;
  language: Language;
  /** `Intl` locale of the page. */
  locale: string;
  links: PageLinks;
  /** This page in another language (same path and query). */
  languageHref: (language: Language) => string;
  /** Configured carriers, for the form's carrier list. */
  carriers: readonly { id: string; name: string }[];
  now: Date;
}

function t(context: RenderContext, key: PageWordKey, values?: Record<string, string | number>): string {
  return say(context.language, key, values);
}

function page(context: RenderContext, title: string, body: Html): Html {
  return pageShell({
    brand: context.brand,
    css: context.css,
    language: context.language,
    title,
    languageHref: context.languageHref,
    homeHref: context.links.to('/track'),
    body,
  });
}

// ---------------------------------------------------------------- the forms

export interface FormState {
  trackingNumber?: string;
  carrier?: string;
  orderNumber?: string;
  email?: string;
  postcode?: string;
  /** Field id → message. */
  trackErrors?: Partial<Record<'trackingNumber', string>>;
  orderErrors?: Partial<Record<'orderNumber' | 'emailOrPostcode' | 'form', string>>;
  /** A notice above the order form (e.g. the access expired). */
  orderNotice?: string;
  /** Which form to show first. */
  focus?: 'track' | 'order';
}

function errorSummary(context: RenderContext, errors: readonly { href: string; text: string }[]): Html | '' {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t(context, 'form.error.heading')}</h2>
${errors.length === 1 ? html`<p><a href="${errors[0]!.href}">${errors[0]!.text}</a></p>` : html`<ul>${errors.map((error) => html`<li><a href="${error.href}">${error.text}</a></li>`)}</ul>`}
</div>`;
}

function trackForm(context: RenderContext, state: FormState, headingLevel: 'h1' | 'h2'): Html {
  const error = state.trackErrors?.trackingNumber;
  const describedBy = ['tracking-number-hint', error ? 'tracking-number-error' : null].filter(Boolean).join(' ');
  const heading =
    headingLevel === 'h1'
      ? html`<h1 id="track-heading">${t(context, 'form.track.heading')}</h1>`
      : html`<h2 id="track-heading">${t(context, 'form.track.heading')}</h2>`;
  return html`<section aria-labelledby="track-heading">
${heading}
<p>${t(context, 'form.track.intro')}</p>
${errorSummary(context, error ? [{ href: '#tracking-number', text: error }] : [])}
<form method="get" action="${context.links.to('/track')}" novalidate>
<div class="field">
<label for="tracking-number">${t(context, 'form.trackingNumber')}</label>
<span class="hint" id="tracking-number-hint">${t(context, 'form.trackingNumber.hint')}</span>
${error ? html`<span class="field-error" id="tracking-number-error">${error}</span>` : ''}
<input id="tracking-number" name="number" type="text" inputmode="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" required value="${state.trackingNumber ?? ''}" aria-describedby="${describedBy}"${error ? raw(' aria-invalid="true"') : ''}>
</div>
${
  context.carriers.length > 1
    ? html`<div class="field">
<label for="carrier">${t(context, 'form.carrier')}</label>
<select id="carrier" name="carrier">
<option value="">${t(context, 'form.carrier.auto')}</option>
${context.carriers.map((carrier) => html`<option value="${carrier.id}"${carrier.id === state.carrier ? raw(' selected') : ''}>${carrier.name}</option>`)}
</select>
</div>`
    : ''
}
<button type="submit">${t(context, 'form.track.submit')}</button>
</form>
</section>`;
}

function orderForm(context: RenderContext, state: FormState, headingLevel: 'h1' | 'h2'): Html {
  const errors = state.orderErrors ?? {};
  const summary: { href: string; text: string }[] = [];
  if (errors.form) summary.push({ href: '#order-number', text: errors.form });
  if (errors.orderNumber) summary.push({ href: '#order-number', text: errors.orderNumber });
  if (errors.emailOrPostcode) summary.push({ href: '#order-email', text: errors.emailOrPostcode });
  const heading =
    headingLevel === 'h1'
      ? html`<h1 id="order-heading">${t(context, 'form.order.heading')}</h1>`
      : html`<h2 id="order-heading">${t(context, 'form.order.heading')}</h2>`;
  const contactError = errors.emailOrPostcode;
  return html`<section aria-labelledby="order-heading">
${heading}
<p>${t(context, 'form.order.intro')}</p>
${state.orderNotice ? html`<div class="banner" role="status"><span class="banner-icon" aria-hidden="true">i</span><p>${state.orderNotice}</p></div>` : ''}
${errorSummary(context, summary)}
<form method="post" action="${context.links.to('/orders/lookup')}" novalidate>
<div class="field">
<label for="order-number">${t(context, 'form.orderNumber')}</label>
${errors.orderNumber ? html`<span class="field-error" id="order-number-error">${errors.orderNumber}</span>` : ''}
<input id="order-number" name="orderNumber" type="text" autocomplete="off" spellcheck="false" maxlength="64" required value="${state.orderNumber ?? ''}"${errors.orderNumber ? raw(' aria-invalid="true" aria-describedby="order-number-error"') : ''}>
</div>
<fieldset${contactError ? raw(' aria-describedby="order-contact-error"') : ''}>
<legend>${t(context, 'form.emailOrPostcode')}</legend>
${contactError ? html`<span class="field-error" id="order-contact-error">${contactError}</span>` : ''}
<div class="field">
<label for="order-email">${t(context, 'form.email')}</label>
<input id="order-email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="254" value="${state.email ?? ''}"${contactError ? raw(' aria-invalid="true"') : ''}>
</div>
<div class="field">
<label for="order-postcode">${t(context, 'form.postcode')}</label>
<input id="order-postcode" name="postcode" type="text" autocomplete="postal-code" spellcheck="false" maxlength="16" value="${state.postcode ?? ''}"${contactError ? raw(' aria-invalid="true"') : ''}>
</div>
</fieldset>
<button type="submit">${t(context, 'form.order.submit')}</button>
</form>
</section>`;
}

/** `/track`: the tracking-number form, and the order form beside it. */
export function renderTrackFormPage(context: RenderContext, state: FormState = {}): Html {
  const orderFirst = state.focus === 'order';
  const body = orderFirst
    ? html`<h1 class="visually-hidden">${t(context, 'page.title')}</h1><div class="two-up">${orderForm(context, state, 'h2')}${trackForm(context, state, 'h2')}</div>`
    : html`<h1 class="visually-hidden">${t(context, 'page.title')}</h1><div class="two-up">${trackForm(context, state, 'h2')}${orderForm(context, state, 'h2')}</div>`;
  return page(context, t(context, 'page.title'), body);
}

/** `/orders/lookup`: the order form on its own. */
export function renderOrderFormPage(context: RenderContext, state: FormState = {}): Html {
  return page(
    context,
    t(context, 'form.order.heading'),
    html`${orderForm(context, state, 'h1')}<p><a href="${context.links.to('/track')}">${t(context, 'page.backToTracking')}</a></p>`,
  );
}

/** A page with a heading and a sentence: not found, unavailable, too many requests. */
export function renderMessagePage(
  context: RenderContext,
  title: string,
  text: string,
  options: { withTrackForm?: boolean; trackState?: FormState } = {},
): Html {
  return page(
    context,
    title,
    html`<h1>${title}</h1>
<p>${text}</p>
${options.withTrackForm ? trackForm(context, options.trackState ?? {}, 'h2') : html`<p><a href="${context.links.to('/track')}">${t(context, 'page.backToTracking')}</a></p>`}`,
  );
}

// ---------------------------------------------------------------- shared pieces

const STATUS_ICONS: Record<string, string> = {
  delivered: '✓',
  exception: '!',
  attempt_failed: '!',
  returning: '↩',
  returned: '↩',
  cancelled: '×',
  available_for_pickup: '⌂',
  out_for_delivery: '→',
  in_transit: '→',
};

/** A parcel's status in words (customers see "Needs attention" for an exception, "In transit" for an unmapped code). */
function parcelStatusText(context: RenderContext, parcel: ParcelView): string {
  if (parcel.tracking !== 'tracked') return catalogueWord(context.language, `status.${parcel.tracking}`);
  if (parcel.status === 'exception') return catalogueWord(context.language, 'stage.exception');
  if (parcel.status === 'unknown') return catalogueWord(context.language, 'status.in_transit');
  return catalogueWord(context.language, `status.${parcel.status}`);
}

function statusLine(context: RenderContext, text: string, iconKey: string, id: string): Html {
  return html`<p class="status-line" id="${id}"><span class="status-icon" aria-hidden="true">${STATUS_ICONS[iconKey] ?? '•'}</span><span>${text}</span></p>`;
}

function stepList(context: RenderContext, steps: readonly Step[], label: string): Html {
  return html`<ol class="steps" aria-label="${label}">${steps.map((step, index) => {
    const stateText = t(
      context,
      step.state === 'done' ? 'stepState.done' : step.state === 'current' ? 'stepState.current' : 'stepState.upcoming',
    );
    const marker = step.state === 'done' ? '✓' : String(index + 1);
    return html`<li class="${step.state}"${step.state === 'current' ? raw(' aria-current="step"') : ''}><span class="marker" aria-hidden="true">${marker}</span><span class="step-label">${t(context, `step.${step.id}` as PageWordKey)}</span><span class="step-state">${stateText}</span></li>`;
  })}</ol>`;
}

function formatContext(context: RenderContext, view: OrderView): FormatContext {
  return { locale: context.locale, timeZone: view.customer.timeZone, today: view.today };
}

function customerTimeText(context: RenderContext, time: CustomerTime, format: FormatContext): string {
  if (!time.date) return '';
  const day = formatCalendarDay(time.date, format);
  if (!time.time) return day;
  const clock = formatClock(time.time, format);
  return time.shownAs === 'carrier_local_time'
    ? `${day}, ${clock} (${catalogueWord(context.language, 'time.localTimeNote')})`
    : `${day}, ${clock}`;
}

function etaSection(context: RenderContext, view: OrderView, parcel: ParcelView, headingId: string, level: 'h2' | 'h3'): Html | '' {
  const format = formatContext(context, view);
  const heading =
    level === 'h2'
      ? html`<h2 id="${headingId}">${t(context, 'eta.heading')}</h2>`
      : html`<h3 id="${headingId}">${t(context, 'eta.heading')}</h3>`;
  if (parcel.delivered) {
    return html`<section aria-labelledby="${headingId}">${heading}<p class="eta-day">${t(context, 'eta.delivered')}: ${customerTimeText(context, parcel.delivered.customerTime, format)}</p>${parcel.delivered.place ? html`<p class="muted">${parcel.delivered.place}</p>` : ''}</section>`;
  }
  if (parcel.direction === 'return' || ['returning', 'returned', 'cancelled'].includes(parcel.status)) return '';
  const eta = parcel.eta ? formatEta(parcel.eta, format) : null;
  if (!parcel.eta || !eta) return html`<section aria-labelledby="${headingId}">${heading}<p>${t(context, 'eta.none')}</p></section>`;
  const day = eta.window ? t(context, 'eta.window', { day: eta.day, from: eta.window.from, to: eta.window.to }) : eta.day;
  const source = parcel.eta.source === 'carrier' ? t(context, 'eta.carrier', { carrier: parcel.carrierName }) : t(context, 'eta.predicted');
  return html`<section aria-labelledby="${headingId}">${heading}<p class="eta-day">${day}${eta.carrierLocalTime ? html` <span class="muted">(${t(context, 'eta.localTime')})</span>` : ''}</p><p class="muted">${source}</p></section>`;
}

function contactSection(context: RenderContext, parcel: ParcelView, headingId: string, level: 'h2' | 'h3'): Html | '' {
  const phone = parcel.contact?.phone ?? null;
  const website = safeUrl(parcel.contact?.url);
  const trackingUrl = safeUrl(parcel.trackingUrl);
  if (!phone && !website && !trackingUrl) return '';
  const heading =
    level === 'h2'
      ? html`<h2 id="${headingId}">${t(context, 'contact.heading')}</h2>`
      : html`<h3 id="${headingId}">${t(context, 'contact.heading')}</h3>`;
  const tel = phone ? phone.replace(/[^\d+]/g, '') : '';
  return html`<section aria-labelledby="${headingId}">${heading}
<p>${t(context, 'contact.text', { carrier: parcel.carrierName })}</p>
<dl class="contact">
${phone ? html`<dt>${t(context, 'contact.phone')}</dt><dd><a href="tel:${tel}">${phone}</a></dd>` : ''}
${website ? html`<dt>${t(context, 'contact.website')}</dt><dd><a href="${website}" rel="noopener noreferrer">${parcel.carrierName}<span class="visually-hidden"> ${t(context, 'contact.newWindow')}</span></a></dd>` : ''}
</dl>
${trackingUrl ? html`<p><a href="${trackingUrl}" rel="noopener noreferrer">${t(context, 'contact.trackOnCarrier', { carrier: parcel.carrierName })}</a></p>` : ''}
</section>`;
}

function delaySentence(context: RenderContext, view: OrderView, delay: Delay): string | null {
  const parcel = delay.parcelId ? view.parcels.find((candidate) => candidate.id === delay.parcelId) : undefined;
  const carrier = parcel?.carrierName ?? '';
  const format = formatContext(context, view);
  switch (delay.kind) {
    case 'stalled':
      return t(context, 'delay.stalled', { carrier });
    case 'never_scanned':
      return t(context, 'delay.never_scanned', { carrier });
    case 'late':
      if (delay.parcelId === null) return t(context, 'delay.late.order', { date: formatCalendarDay(delay.dueDate, format) });
      return t(context, delay.reason === 'past_promised_date' ? 'delay.late.past_promised_date' : 'delay.late.past_carrier_estimate', {
        carrier,
        date: formatCalendarDay(delay.dueDate, format),
      });
    case 'carrier_exception':
      return t(context, 'delay.carrier_exception', { reason: catalogueWord(context.language, `reason.${delay.reason}`, 'reason.other') });
    case 'carrier_delay':
      return t(context, 'delay.carrier_delay', {
        carrier,
        reason: catalogueWord(context.language, `reason.${delay.reason}`, 'reason.other'),
      });
    case 'not_received_reported':
      return t(context, 'delay.not_received_reported', { carrier });
  }
}

/**
 * The delay banner: a problem (carrier exception) is an alert, a delay a status message. The heading and
 * the icon say it in words and shape, not in colour alone.
 */
function delayBanner(
  context: RenderContext,
  view: OrderView,
  delays: readonly Delay[],
  prefixFor?: (delay: Delay) => string | null,
): Html | '' {
  const sentences = [
    ...new Set(
      delays
        .map((delay) => {
          const sentence = delaySentence(context, view, delay);
          const prefix = prefixFor?.(delay);
          return sentence && prefix ? `${prefix}: ${sentence}` : sentence;
        })
        .filter((sentence): sentence is string => Boolean(sentence)),
    ),
  ];
  if (sentences.length === 0) return '';
  const problem = delays.some((delay) => delay.kind === 'carrier_exception');
  return html`<div class="banner${problem ? ' problem' : ''}" role="${problem ? 'alert' : 'status'}" aria-labelledby="delay-banner-title">
<span class="banner-icon" aria-hidden="true">!</span>
<div><strong id="delay-banner-title">${t(context, 'delay.heading')}</strong>${sentences.length === 1 ? html`<p>${sentences[0]}</p>` : html`<ul>${sentences.map((sentence) => html`<li>${sentence}</li>`)}</ul>`}</div>
</div>`;
}

function timelineSection(context: RenderContext, view: OrderView, options: { scansOnly: boolean; withSource: boolean }): Html {
  const lines = formatTimeline(view, context.locale);
  const entries = view.timeline
    .map((entry, index) => ({ entry, line: lines[index]! }))
    .filter(({ entry }) => !options.scansOnly || entry.kind === 'scan');
  const anyLocal = entries.some(({ entry }) => entry.customerTime.shownAs === 'carrier_local_time');
  return html`<section aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${t(context, 'timeline.heading')}</h2>
<p class="muted">${t(context, 'timeline.timesIn', { zone: timeZoneLabel(view.customer.timeZone, context.locale, context.now) })}${anyLocal ? html` ${t(context, 'timeline.localTimes')}` : ''}</p>
${
  entries.length === 0
    ? html`<p>${t(context, 'timeline.empty')}</p>`
    : html`<ol class="timeline">${entries.map(({ entry, line }) => {
        const datetime = datetimeAttribute(entry.time);
        const when = datetime ? html`<time datetime="${datetime}">${line.when}</time>` : line.when;
        return html`<li><span class="when">${when}${line.note ? html` <span class="note">(${line.note})</span>` : ''}</span><span class="what">${options.withSource && line.source ? `${line.source}: ` : ''}${line.text}</span>${line.place ? html`<span class="where">${line.place}</span>` : ''}</li>`;
      })}</ol>`
}
</section>`;
}

function upsellSlot(context: RenderContext, upsell: UpsellContext): Html | '' {
  const render = context.brand.upsell;
  if (!render) return '';
  let markup: string | null;
  try {
    markup = render(upsell);
  } catch {
    // A broken upsell never breaks the tracking page.
    markup = null;
  }
  if (!markup) return '';
  return html`<aside class="upsell" aria-label="${t(context, 'upsell.label')}">${raw(markup)}</aside>`;
}

/** Plain text with its http(s) URLs as links (the text is escaped; only web URLs become links). */
function linkify(text: string): Html[] {
  const parts: Html[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g)) {
    const url = safeUrl(match[0]);
    if (!url) continue;
    parts.push(html`${text.slice(last, match.index)}<a href="${url}" rel="noopener noreferrer">${match[0]}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return parts;
}

// ---------------------------------------------------------------- the parcel tier

/**
 * Tracking number only: the parcel's status, milestones, ETA, carrier contact and scans. Nothing about the
 * order or the customer, even when the number belongs to one.
 */
export function renderParcelPage(context: RenderContext, view: OrderView): Html {
  const parcel = view.parcels[0]!;
  const statusText = parcelStatusText(context, parcel);
  const steps = parcelSteps(parcel, scanStatusesOf(view, parcel.id));
  const subtitle = t(context, 'parcel.subtitle', { carrier: parcel.carrierName, number: parcel.trackingNumber ?? '' });
  const body = html`<h1>${t(context, 'parcel.heading')}</h1>
<p class="subtitle">${subtitle}</p>
${delayBanner(context, view, parcel.delays)}
<section aria-labelledby="status-heading">
<h2 id="status-heading">${t(context, 'parcel.status')}</h2>
${statusLine(context, statusText, parcel.tracking === 'tracked' ? parcel.status : 'none', 'parcel-status')}
${stepList(context, steps, t(context, 'parcel.progress'))}
</section>
${etaSection(context, view, parcel, 'eta-heading', 'h2')}
${contactSection(context, parcel, 'contact-heading', 'h2')}
${timelineSection(context, view, { scansOnly: true, withSource: false })}
${upsellSlot(context, { tier: 'parcel', language: context.language, locale: context.locale, status: parcel.status, stage: null, carrier: parcel.carrier, orderNumber: null, items: [] })}
<section aria-labelledby="order-hint-heading" class="card">
<h2 id="order-hint-heading">${t(context, 'parcel.orderHint.heading')}</h2>
<p>${t(context, 'parcel.orderHint.text')}</p>
<p><a href="${context.links.to('/orders/lookup')}">${t(context, 'parcel.orderHint.link')}</a></p>
</section>`;
  return page(context, `${statusText} · ${parcel.trackingNumber ?? ''}`, body);
}

// ---------------------------------------------------------------- the order tier

function parcelCard(context: RenderContext, view: OrderView, parcel: ParcelView, title: string, index: number): Html {
  const headingId = `parcel-${index}-heading`;
  const steps = parcelSteps(parcel, scanStatusesOf(view, parcel.id));
  const statusText = parcelStatusText(context, parcel);
  const number = parcel.trackingNumber ? `${parcel.carrierName} ${parcel.trackingNumber}` : parcel.carrierName;
  return html`<article class="card" aria-labelledby="${headingId}">
<h3 id="${headingId}">${title}</h3>
<p class="subtitle">${number}</p>
${statusLine(context, statusText, parcel.tracking === 'tracked' ? parcel.status : 'none', `parcel-${index}-status`)}
${stepList(context, steps, `${title}: ${t(context, 'parcel.progress')}`)}
${parcel.items.length > 0 ? html`<p><strong>${t(context, 'order.parcelItems')}:</strong></p><ul class="items">${parcel.items.map((item) => html`<li>${item.quantity > 1 ? `${item.quantity} × ` : ''}${item.name}</li>`)}</ul>` : ''}
${etaSection(context, view, parcel, `parcel-${index}-eta`, 'h3')}
${contactSection(context, parcel, `parcel-${index}-contact`, 'h3')}
</article>`;
}

export interface OrderPageInput {
  view: OrderView;
  stale: boolean;
  /** The order's items, from the order source (the view names items per parcel only). */
  items: readonly { id: string; name: string; quantity: number }[];
}

/** Order number + email or postcode: the order's stage, items, every parcel and the answer to "where is my order?". */
export function renderOrderPage(context: RenderContext, input: OrderPageInput): Html {
  const { view } = input;
  const format = formatContext(context, view);
  const stageText = catalogueWord(context.language, `stage.${view.stage}`);
  const outbound = view.parcels.filter((parcel) => parcel.direction === 'outbound');
  const returns = view.parcels.filter((parcel) => parcel.direction === 'return');
  const titleOf = (parcel: ParcelView): string => {
    if (parcel.direction === 'return') return t(context, 'order.returnParcel');
    return outbound.length === 1
      ? t(context, 'parcel.heading')
      : t(context, 'order.parcelOf', { index: outbound.indexOf(parcel) + 1, count: outbound.length });
  };
  const prefixFor = (delay: Delay): string | null => {
    if (view.parcels.length <= 1 || delay.parcelId === null) return null;
    const parcel = view.parcels.find((candidate) => candidate.id === delay.parcelId);
    return parcel ? titleOf(parcel) : null;
  };
  const firstParcel = outbound[0] ?? view.parcels[0];
  const body = html`<h1>${t(context, 'order.heading', { number: view.order.number })}</h1>
<p class="subtitle">${t(context, 'order.placedOn', { date: formatInstantDay(view.order.placedAt, format) })}</p>
${input.stale ? html`<div class="banner" role="status"><span class="banner-icon" aria-hidden="true">i</span><p>${t(context, 'order.stale')}</p></div>` : ''}
${delayBanner(context, view, view.delays, prefixFor)}
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${t(context, 'order.summary')}</h2>
<p>${t(context, 'order.greeting', { name: view.customer.givenName })}</p>
<p id="order-answer">${linkify(answerWhereIsMyOrder(view, context.locale))}</p>
</section>
<section aria-labelledby="order-stage-heading">
<h2 id="order-stage-heading">${t(context, 'order.stage')}</h2>
${statusLine(context, stageText, view.stage === 'exception' ? 'exception' : view.stage, 'order-stage')}
${stepList(context, orderSteps(view), t(context, 'order.progress'))}
</section>
<section aria-labelledby="parcels-heading">
<h2 id="parcels-heading">${t(context, 'order.parcels')}</h2>
${view.parcels.length === 0 ? html`<p>${t(context, 'order.noParcels')}</p>` : [...outbound, ...returns].map((parcel, index) => parcelCard(context, view, parcel, titleOf(parcel), index))}
</section>
<section aria-labelledby="items-heading">
<h2 id="items-heading">${t(context, 'order.items')}</h2>
<ul class="items">${input.items.map((item) => html`<li>${item.quantity > 1 ? `${item.quantity} × ` : ''}${item.name}</li>`)}</ul>
${view.unshippedItems.length > 0 && view.parcels.some((parcel) => parcel.tracking !== 'no_tracking_number') ? html`<p><strong>${t(context, 'order.unshipped')}:</strong> ${view.unshippedItems.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)).join(', ')}</p>` : ''}
</section>
${timelineSection(context, view, { scansOnly: false, withSource: true })}
${upsellSlot(context, {
  tier: 'order',
  language: context.language,
  locale: context.locale,
  status: firstParcel?.status ?? null,
  stage: view.stage,
  carrier: firstParcel?.carrier ?? null,
  orderNumber: view.order.number,
  items: input.items,
})}
<p><a href="${context.links.to('/orders/lookup')}">${t(context, 'order.lookupAnother')}</a></p>`;
  return page(context, `${t(context, 'order.heading', { number: view.order.number })} · ${stageText}`, body);
}

export type { Html };

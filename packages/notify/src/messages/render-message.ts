import { MESSAGE_CATALOGUES, negotiateLanguage, type Language, type MessageKey } from '@wismo/order-view';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Brand, ExceptionReason, MessageLinks, MilestoneFacts, PlannedMessage, RenderedMessage } from '../notification-types';
import { NOTIFY_CATALOGUES, type NotifyMessageKey } from './catalogues';

export interface RenderOptions {
  brand: Brand;
  links: MessageLinks;
}

export class NotifyRenderError extends Error {
  readonly code = 'invalid_message_input';
  constructor(message: string) {
    super(message);
    this.name = 'NotifyRenderError';
  }
}

type Values = Record<string, string | number>;

// Compiling an ICU message is the costly part: each (language, key) is compiled once.
const compiled = new Map<string, IntlMessageFormat>();

function say(language: Language, key: NotifyMessageKey, values: Values = {}): string {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(NOTIFY_CATALOGUES[language][key], language);
    compiled.set(cacheKey, format);
  }
  const result = format.format(values);
  return typeof result === 'string' ? result : (result as unknown[]).join('');
}

// The order view's words where they already say it (exception reasons).
const ORDER_VIEW_REASONS: Record<Exclude<ExceptionReason, 'other'>, MessageKey> = {
  customs: 'reason.customs_held',
  address_problem: 'reason.address_problem',
  damaged: 'reason.damaged',
  lost: 'reason.lost',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

const formattingLocales = new Map<string, string>();

/** The customer's own locale when it belongs to the catalogue language (`de-AT`), else the bare language. */
function formattingLocale(locale: string, language: Language): string {
  const key = `${locale}|${language}`;
  let resolved = formattingLocales.get(key);
  if (resolved === undefined) {
    try {
      const parsed = new Intl.Locale(locale);
      resolved = parsed.language === language ? parsed.baseName : language;
    } catch {
      resolved = language;
    }
    if (formattingLocales.size > 1_000) formattingLocales.clear();
    formattingLocales.set(key, resolved);
  }
  return resolved;
}

/** A calendar date (`YYYY-MM-DD`, already the customer's day) as the customer reads it. */
function formatDate(date: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    // The date is already in the customer's zone: format it as a UTC calendar day so nothing shifts.
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return format.format(Date.UTC(year, month - 1, day));
}

function whenOf(range: { from: string; to: string } | null, language: Language, locale: string): string {
  if (!range) return '';
  if (range.from === range.to) return say(language, 'when.single', { date: formatDate(range.from, locale) });
  return say(language, 'when.range', { from: formatDate(range.from, locale), to: formatDate(range.to, locale) });
}

// Locale-aware upper-casing goes through ICU and is slow; a message starts with few distinct letters.
const upperFirstLetters = new Map<string, string>();

function upperFirst(text: string, language: Language): string {
  if (text.length === 0) return text;
  const first = text.charAt(0);
  const key = `${language}\u0000${first}`;
  let upper = upperFirstLetters.get(key);
  if (upper === undefined) {
    upper = first.toLocaleUpperCase(language);
    if (upperFirstLetters.size > 1_000) upperFirstLetters.clear();
    upperFirstLetters.set(key, upper);
  }
  return upper + text.slice(1);
}

/** Parcels of a split order at this milestone: as the view counted them, else those this message covers. */
function reachedOf(facts: MilestoneFacts, milestone: PlannedMessage['milestone']): number {
  const count = facts.parcelCount;
  if (!count) return 1;
  if (milestone === 'delivered') return count.delivered;
  return Math.max(count.reached ?? 0, count.covered);
}

function digestOf(facts: MilestoneFacts, milestone: PlannedMessage['milestone']): 'all' | 'some' | 'other' {
  const count = facts.parcelCount;
  if (!count || count.total <= 1) return 'other';
  return reachedOf(facts, milestone) >= count.total ? 'all' : 'some';
}

function checkedUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotifyRenderError(`The ${what} link is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new NotifyRenderError(`The ${what} link must be http(s)`);
  return parsed.href;
}

/** Everything a catalogue message may use, from the facts. */
function valuesOf(message: PlannedMessage, brand: Brand, frame: MessageFrame, language: Language, locale: string, link: string): Values {
  const { facts } = message;
  const carrier = facts.carrierName ?? frame.carrierUnknown;
  const reason = facts.reason ?? 'other';
  const exceptionReason = (['customs', 'address_problem', 'damaged', 'lost'] as const).includes(reason as never)
    ? (reason as keyof typeof ORDER_VIEW_REASONS)
    : null;
  const count = facts.parcelCount;
  const expected = facts.expectedDate;
  return {
    shop: brand.name,
    name: message.recipient.name ?? '',
    orderNumber: facts.orderNumber,
    carrier,
    trackingNumber: facts.trackingNumber ?? '',
    previousTrackingNumber: facts.previousTrackingNumber ?? '',
    when: whenOf(expected, language, locale),
    hasWhen: expected ? 'yes' : 'no',
    previousWhen: whenOf(facts.previousExpectedDate, language, locale),
    hasPrevious: facts.previousExpectedDate ? 'yes' : 'no',
    later: expected && facts.previousExpectedDate && expected.to > facts.previousExpectedDate.to ? 'yes' : 'no',
    place: facts.place ?? '',
    hasPlace: facts.place ? 'yes' : 'no',
    deadline: facts.deadline ? formatDate(facts.deadline, locale) : '',
    hasDeadline: facts.deadline ? 'yes' : 'no',
    signedBy: facts.signedBy ?? '',
    hasSigner: facts.signedBy ? 'yes' : 'no',
    reason,
    reasonText: exceptionReason ? MESSAGE_CATALOGUES[language][ORDER_VIEW_REASONS[exceptionReason]] : frame.reasonOther,
    actor: facts.actor ?? 'other',
    mustAct: facts.actor === 'customer' ? 'yes' : 'no',
    digest: digestOf(facts, message.milestone),
    all: count && reachedOf(facts, message.milestone) >= count.total ? 'yes' : 'no',
    count: reachedOf(facts, message.milestone),
    delivered: count?.delivered ?? 0,
    total: count?.total ?? 1,
    link,
  };
}

/** The carrier's contact line: a request when the customer must act, else information where it helps. */
function contactLine(message: PlannedMessage, values: Values, language: Language): string | null {
  const contact = message.facts.carrierContact;
  if (!contact || !message.facts.carrierName) return null;
  const text =
    contact.phone && contact.url
      ? say(language, 'contact.or', { phone: contact.phone, url: contact.url })
      : (contact.phone ?? contact.url ?? '');
  if (message.facts.actor === 'customer' || message.milestone === 'delivery_attempt_failed') {
    return say(language, 'contact.must_act', { carrier: values.carrier as string, contact: text });
  }
  if (message.milestone === 'exception' || message.milestone === 'delayed')
    return say(language, 'contact.info', { carrier: values.carrier as string, contact: text });
  return null;
}

// Where the expected date is news; after a failed attempt or an exception it would mislead.
const SHOWS_EXPECTED_DATE: ReadonlySet<PlannedMessage['milestone']> = new Set([
  'shipped',
  'in_transit',
  'expected_date_changed',
  'delayed',
  'tracking_number_changed',
]);

const DIGEST_KEYS: Partial<Record<PlannedMessage['milestone'], NotifyMessageKey>> = {
  shipped: 'digest.shipped',
  in_transit: 'digest.in_transit',
  out_for_delivery: 'digest.out_for_delivery',
  delivered: 'digest.delivered',
};

/** Renders a planned message for its channel: email subject, HTML and text; SMS/WhatsApp a short text. */
export function renderMessage(message: PlannedMessage, { brand, links }: RenderOptions): RenderedMessage {
  const language = negotiateLanguage(message.recipient.locale);
  const locale = formattingLocale(message.recipient.locale, language);
  const trackingPage = checkedUrl(links.trackingPage, 'tracking page');
  const unsubscribe = checkedUrl(links.unsubscribe, 'unsubscribe');
  const frame = messageFrame(language, brand);
  const values = valuesOf(message, brand, frame, language, locale, trackingPage);
  const { milestone, recipient } = message;
  const base = {
    channel: recipient.channel,
    recipient,
    language,
    dedupeKey: message.dedupeKey,
    sendAfter: message.sendAfter,
    unsubscribeUrl: unsubscribe,
  };

  if (recipient.channel !== 'email') {
    const text = `${say(language, `sms.${milestone}`, values)} ${say(language, 'sms.stop', { url: unsubscribe })}`;
    return { ...base, subject: null, html: null, text };
  }

  const subject = upperFirst(say(language, `subject.${milestone}`, values), language);
  const heading = upperFirst(say(language, `heading.${milestone}`, values), language);
  const greeting = values.name ? say(language, 'greeting', values) : null;
  const body = upperFirst(say(language, `body.${milestone}`, values), language);
  const digestKey = DIGEST_KEYS[milestone];
  const digest = digestKey && values.digest !== 'other' ? say(language, digestKey, values) : null;
  const contact = contactLine(message, values, language);
  const details: Array<[string, string]> = [[frame.orderLabel, message.facts.orderNumber]];
  if (message.facts.trackingNumber) {
    const carrier = message.facts.carrierName ? ` (${message.facts.carrierName})` : '';
    details.push([frame.trackingLabel, `${message.facts.trackingNumber}${carrier}`]);
  }
  if (message.facts.expectedDate && SHOWS_EXPECTED_DATE.has(milestone)) {
    const { from, to } = message.facts.expectedDate;
    details.push([frame.expectedLabel, from === to ? formatDate(from, locale) : `${formatDate(from, locale)} – ${formatDate(to, locale)}`]);
  }

  const text = [
    heading,
    greeting,
    [body, digest].filter(Boolean).join(' '),
    details.map(([label, value]) => `${label}: ${value}`).join('\n'),
    contact,
    `${frame.cta}: ${trackingPage}`,
    frame.signoff,
    `--\n${frame.why}\n${frame.unsubscribe}: ${unsubscribe}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
  const html = emailHtml(
    emailFrame(frame, language, brand),
    { subject, heading, greeting, body, digest, contact, details },
    trackingPage,
    unsubscribe,
  );
  return { ...base, subject, html, text };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_ESCAPING = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most words and links have nothing to escape: they are returned as they are, without a new string.
  return NEEDS_ESCAPING.test(text) ? text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string) : text;
}

function luminance(hex: string): number {
  const channel = (index: number): number => {
    const value = parseInt(hex.slice(index, index + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const INK = '#111827';
const PAPER = '#ffffff';

const buttons = new Map<string, { background: string; text: string }>();

/** The brand colour if valid, and the text colour that reads best on it (WCAG AA holds for one of the two). */
function buttonColours(colour: string): { background: string; text: string } {
  let button = buttons.get(colour);
  if (!button) {
    const background = /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : '#1f4b99';
    button = { background, text: contrastRatio(background, PAPER) >= contrastRatio(background, INK) ? PAPER : INK };
    if (buttons.size > 1_000) buttons.clear();
    buttons.set(colour, button);
  }
  return button;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;${FONT}font-size:16px;line-height:1.5;color:#1f2937;">${escapeHtml(text)}</p>`;
}

/**
 * What a message's words and HTML share with every other message in its language for its shop: the words
 * that need at most the shop's name (`{shop}`), and the HTML around the message's own words, escaped once.
 * Pure in (language, brand), so it is made once per pair instead of once per message.
 */
interface MessageFrame {
  carrierUnknown: string;
  reasonOther: string;
  orderLabel: string;
  trackingLabel: string;
  expectedLabel: string;
  cta: string;
  signoff: string;
  why: string;
  unsubscribe: string;
  /** Made at the first email (an SMS never checks the logo's URL). */
  html?: {
    /** `<!DOCTYPE html>` … `<title>`; the subject follows. */
    head: string;
    /** `</title>` … the cell that holds the heading. */
    top: string;
    /** The button's table up to its link; the link follows. */
    buttonStart: string;
    /** The rest of the button, the sign-off and the footer up to the unsubscribe link; the link follows. */
    footerStart: string;
    /** The rest of the footer. */
    end: string;
  };
}

const frames = new Map<string, MessageFrame>();

function messageFrame(language: Language, brand: Brand): MessageFrame {
  const key = `${language}\u0000${brand.name}\u0000${brand.colour}\u0000${brand.logoUrl ?? ''}`;
  let frame = frames.get(key);
  if (frame) return frame;
  // These catalogue entries use no slot but `{shop}` (the catalogue tests render every one of them).
  const shop = { shop: brand.name };
  frame = {
    carrierUnknown: say(language, 'carrier.unknown'),
    reasonOther: say(language, 'reason.other'),
    orderLabel: say(language, 'label.order'),
    trackingLabel: say(language, 'label.tracking'),
    expectedLabel: say(language, 'label.expected'),
    cta: say(language, 'cta.track'),
    signoff: say(language, 'signoff', shop),
    why: say(language, 'footer.why', shop),
    unsubscribe: say(language, 'footer.unsubscribe'),
  };
  if (frames.size > 1_000) frames.clear();
  frames.set(key, frame);
  return frame;
}

function emailFrame(frame: MessageFrame, language: Language, brand: Brand): NonNullable<MessageFrame['html']> {
  if (frame.html) return frame.html;
  const button = buttonColours(brand.colour);
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(checkedUrl(brand.logoUrl, 'logo'))}" alt="${escapeHtml(brand.name)}" height="40" style="display:block;height:40px;width:auto;border:0;">`
    : `<span style="${FONT}font-size:20px;font-weight:bold;color:${INK};">${escapeHtml(brand.name)}</span>`;
  frame.html = {
    head: [
      '<!DOCTYPE html>',
      `<html lang="${language}" dir="ltr">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">',
      '<title>',
    ].join(''),
    top: [
      '</title></head>',
      // One `main` landmark around everything: the whole email is the content (axe: landmark-one-main, region).
      `<body style="margin:0;padding:0;background-color:#f3f4f6;"><div role="main">`,
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">`,
      `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:${PAPER};border-top:6px solid ${button.background};">`,
      `<tr><td style="padding:24px 32px 8px;">${logo}</td></tr>`,
      `<tr><td style="padding:16px 32px 8px;">`,
    ].join(''),
    buttonStart: [
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr><td style="background-color:${button.background};border-radius:6px;">`,
      `<a href="`,
    ].join(''),
    footerStart: [
      `" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;font-weight:bold;color:${button.text};text-decoration:none;">${escapeHtml(frame.cta)}</a>`,
      `</td></tr></table>`,
      paragraph(frame.signoff),
      `</td></tr>`,
      `<tr><td style="padding:16px 32px 24px;border-top:1px solid #e5e7eb;">`,
      `<p style="margin:0 0 8px;${FONT}font-size:13px;line-height:1.5;color:#4b5563;">${escapeHtml(frame.why)}</p>`,
      `<p style="margin:0;${FONT}font-size:13px;line-height:1.5;"><a href="`,
    ].join(''),
    end: [
      `" style="color:#1f2937;text-decoration:underline;">${escapeHtml(frame.unsubscribe)}</a></p>`,
      `</td></tr></table>`,
      `</td></tr></table></div></body></html>`,
    ].join(''),
  };
  return frame.html;
}

function emailHtml(
  html: NonNullable<MessageFrame['html']>,
  parts: {
    subject: string;
    heading: string;
    greeting: string | null;
    body: string;
    digest: string | null;
    contact: string | null;
    details: Array<[string, string]>;
  },
  trackingPage: string,
  unsubscribe: string,
): string {
  const details = parts.details
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 16px 4px 0;${FONT}font-size:14px;color:#4b5563;">${escapeHtml(label)}</td><td style="padding:4px 0;${FONT}font-size:14px;color:${INK};font-weight:bold;">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return [
    html.head,
    escapeHtml(parts.subject),
    html.top,
    `<h1 style="margin:0 0 16px;${FONT}font-size:24px;line-height:1.3;color:${INK};">${escapeHtml(parts.heading)}</h1>`,
    parts.greeting ? paragraph(parts.greeting) : '',
    paragraph(parts.body),
    parts.digest ? paragraph(parts.digest) : '',
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">${details}</table>`,
    parts.contact ? paragraph(parts.contact) : '',
    html.buttonStart,
    escapeHtml(trackingPage),
    html.footerStart,
    escapeHtml(unsubscribe),
    html.end,
  ].join('');
}

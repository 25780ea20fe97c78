import type { ShipmentStatus } from '@wismo/core';
import {
  MESSAGE_CATALOGUES,
  describeActor,
  describeDelay,
  describeNextAction,
  describeStage,
  formatTimeline,
  negotiateLanguage,
  statusLine,
  suggestAgentReply,
  type OrderActor,
  type OrderStage,
  type ParcelView,
  type TimelineLine,
} from '@wismo/order-view';
import { label } from '../i18n/labels';
import type { ServedOrderView } from '../service/order-view-service';
import {
  formatAge,
  formatCustomerTime,
  formatDay,
  formatEta,
  formatInstant,
  formatItems,
  formatPlace,
  languageName,
  safeUrl,
} from './format';

/** How a status reads at a glance. Always shown together with its text, never by colour alone. */
export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface LegSummary {
  carrierName: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  current: boolean;
  statusLabel: string | null;
}

export interface ParcelSummary {
  id: string;
  direction: 'outbound' | 'return';
  /** "Parcel 1 of 2", "Return parcel". */
  heading: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: ShipmentStatus | 'no_tracking_number' | 'no_tracking_result';
  statusLabel: string;
  tone: Tone;
  /** order-view's one-line summary: carrier and number, status, last scan, ETA, delay labels. */
  statusLine: string;
  eta: string | null;
  etaSource: 'carrier' | 'predicted' | 'none';
  lastScan: { description: string; place: string | null; when: string; age: string | null } | null;
  /** "Tue, 31 Mar, 14:12 · signed for by K. Weber · Front door". */
  delivered: string | null;
  delays: string[];
  legs: LegSummary[];
  contact: { phone: string | null; url: string | null };
  items: string | null;
}

export interface OrderSummary {
  id: string;
  number: string;
  /** "Order 1003". */
  title: string;
  stage: OrderStage;
  stageLabel: string;
  tone: Tone;
  placedOn: string;
  promisedOn: string | null;
  actor: OrderActor;
  actorLabel: string;
  nextStep: string;
  delays: string[];
  parcels: ParcelSummary[];
  unshipped: string | null;
  timeline: TimelineLine[];
  /** Ready to send, in the customer's language. */
  suggestedReply: string;
  customerLanguage: string;
  customer: { name: string; email: string; phone: string | null };
  stale: boolean;
  staleNotice: { title: string; lines: string[] } | null;
  generatedAt: string;
  updated: string;
}

export interface SummaryOptions {
  /** The agent's locale: headings, status texts, next step. The suggested reply is in the customer's language. */
  locale: string;
  agentName?: string;
  shopName?: string;
}

const DANGER: ReadonlySet<string> = new Set(['exception', 'attempt_failed', 'returning', 'cancelled']);
const INFO: ReadonlySet<string> = new Set(['in_transit', 'out_for_delivery', 'available_for_pickup']);

function parcelTone(parcel: ParcelView): Tone {
  const status = parcel.tracking === 'tracked' ? parcel.status : 'pending';
  let tone: Tone = 'neutral';
  if (status === 'delivered') tone = 'success';
  else if (status === 'returned') tone = parcel.direction === 'return' ? 'success' : 'danger';
  else if (DANGER.has(status)) tone = 'danger';
  else if (INFO.has(status)) tone = 'info';
  return parcel.delays.length > 0 && (tone === 'info' || tone === 'neutral' || tone === 'success') ? 'warning' : tone;
}

function stageTone(stage: OrderStage, hasDelays: boolean): Tone {
  if (stage === 'exception') return 'danger';
  if (hasDelays) return 'warning';
  if (stage === 'delivered' || stage === 'returned') return 'success';
  if (stage === 'cancelled') return 'neutral';
  return stage === 'placed' || stage === 'confirmed' || stage === 'packed' ? 'neutral' : 'info';
}

/**
 * Everything an agent panel shows about one served order view, as localised text: the shared source of the
 * HTML panel, the Intercom canvas, the HubSpot card, the Gladly cards and the Gorgias widget JSON.
 */
export function summariseOrder(served: ServedOrderView, options: SummaryOptions): OrderSummary {
  const { view } = served;
  const locale = options.locale;
  const language = negotiateLanguage(locale);
  const timeZone = view.customer.timeZone;
  const outboundCount = view.parcels.filter((parcel) => parcel.direction === 'outbound').length;
  let outboundIndex = 0;
  const carrierNames = new Map<string, string>();
  for (const parcel of view.parcels) {
    carrierNames.set(parcel.carrier, parcel.carrierName);
    for (const leg of parcel.legs) carrierNames.set(leg.carrier, leg.carrierName);
  }

  const parcels = view.parcels.map<ParcelSummary>((parcel) => {
    if (parcel.direction === 'outbound') outboundIndex += 1;
    const status = parcel.tracking === 'tracked' ? parcel.status : parcel.tracking;
    const scan = parcel.lastScan;
    const delivered = parcel.delivered
      ? [
          formatCustomerTime(parcel.delivered.customerTime, locale, view.today),
          parcel.delivered.signedBy ? label(locale, 'signedBy', { name: parcel.delivered.signedBy }) : null,
          parcel.delivered.place,
        ]
          .filter((part): part is string => Boolean(part))
          .join(' · ')
      : null;
    return {
      id: parcel.id,
      direction: parcel.direction,
      heading:
        parcel.direction === 'return'
          ? label(locale, 'returnParcel')
          : label(locale, 'parcelOf', { index: outboundIndex, count: outboundCount }),
      carrier: parcel.carrier,
      carrierName: parcel.carrierName,
      trackingNumber: parcel.trackingNumber,
      trackingUrl: safeUrl(parcel.trackingUrl),
      status,
      statusLabel: MESSAGE_CATALOGUES[language][`status.${status}`],
      tone: parcelTone(parcel),
      statusLine: statusLine(view, parcel.id, locale),
      eta: formatEta(parcel.eta, locale, timeZone),
      etaSource: parcel.etaSource,
      lastScan: scan
        ? {
            description: scan.description,
            place: formatPlace(scan.location, locale, view.customer.countryCode),
            when: formatCustomerTime(scan.customerTime, locale, view.today),
            age: scan.age ? formatAge(scan.age, locale) : null,
          }
        : null,
      delivered: delivered || null,
      delays: parcel.delays.map((delay) => describeDelay(view, delay, locale)),
      legs:
        parcel.legs.length > 1
          ? parcel.legs.map((leg) => ({
              carrierName: leg.carrierName,
              trackingNumber: leg.trackingNumber,
              trackingUrl: safeUrl(leg.trackingUrl),
              current: leg.current,
              statusLabel: leg.status ? MESSAGE_CATALOGUES[language][`status.${leg.status}`] : null,
            }))
          : [],
      contact: { phone: parcel.contact?.phone ?? null, url: safeUrl(parcel.contact?.url) },
      items: formatItems(parcel.items, locale),
    };
  });

  const staleLines = (served.staleShipments ?? []).map((item) => {
    const carrier = carrierNames.get(item.carrier) ?? item.carrier;
    return item.lastFetchedAt
      ? label(locale, 'staleFetched', {
          carrier,
          trackingNumber: item.trackingNumber,
          when: formatInstant(item.lastFetchedAt, locale, timeZone),
        })
      : label(locale, 'staleNoData', { carrier, trackingNumber: item.trackingNumber });
  });
  const lateCarriers = [...new Set((served.staleShipments ?? []).map((item) => carrierNames.get(item.carrier) ?? item.carrier))];

  return {
    id: view.order.id,
    number: view.order.number,
    title: label(locale, 'order', { number: view.order.number }),
    stage: view.stage,
    stageLabel: describeStage(view.stage, locale),
    tone: stageTone(view.stage, view.delays.length > 0),
    placedOn: formatInstant(view.order.placedAt, locale, timeZone),
    promisedOn: view.order.promisedDeliveryDate ? formatDay(view.order.promisedDeliveryDate, locale, view.today) : null,
    actor: view.actor,
    actorLabel: describeActor(view.actor, locale),
    nextStep: describeNextAction(view, locale),
    delays: view.delays.map((delay) => describeDelay(view, delay, locale)),
    parcels,
    unshipped: formatItems(view.unshippedItems, locale),
    timeline: formatTimeline(view, locale),
    suggestedReply: suggestAgentReply(view, {
      ...(options.agentName ? { agentName: options.agentName } : {}),
      ...(options.shopName ? { shopName: options.shopName } : {}),
    }),
    customerLanguage: languageName(view.customer.language, locale),
    customer: { name: view.customer.name, email: view.customer.email, phone: view.customer.phone },
    stale: served.stale,
    staleNotice: served.stale
      ? {
          title: label(locale, 'staleTitle'),
          lines: [...(lateCarriers.length > 0 ? [label(locale, 'staleLate', { carriers: lateCarriers.join(', ') })] : []), ...staleLines],
        }
      : null,
    generatedAt: served.generatedAt,
    updated: label(locale, 'updated', { when: formatInstant(served.generatedAt, locale, timeZone) }),
  };
}

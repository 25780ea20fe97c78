import { createHash } from 'node:crypto';
import {
  constantTimeEqual,
  createEvent,
  createLocation,
  PUSH_ACCEPTED,
  pushBodyRejected,
  pushHeader,
  pushRejected,
  type CarrierTime,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushVerification,
} from '@wismo/core';
import { z } from 'zod';
import {
  aggregatorReceiver,
  bridgeEstimatedDelivery,
  bridgeTime,
  bridgeTrackingNumber,
  bridgeUpdate,
  knownWismoCarrier,
  looseArray,
  looseText,
  malformedItem,
  mapTwoLevel,
  readJsonObject,
  singleTrackingResult,
  unsupportedItem,
  wismoCarrierOfCourier,
  type BridgedTracking,
} from './bridge-common';
import { SEVENTEEN_TRACK_STATUS_TABLE, SEVENTEEN_TRACK_SUB_STATUS_TABLE } from './seventeen-track-status-tables';

/*
 * 17TRACK Tracking API v2.x webhooks: `{ event: "TRACKING_UPDATED" | "TRACKING_STOPPED", data: <track item> }`, the
 * item carrying the whole `track_info` (every provider's events, newest first), so each update is complete. The
 * header `sign` is the hex SHA-256 of the raw body, a `/`, and the account's API key (read from integrations of the
 * v2.2–v2.4 API; 17TRACK's own page is not public). No timestamp is signed: replays dedupe on the body's digest.
 * `time_raw` keeps what the carrier wrote; its `timezone` null means the zone is unknown and the time stays local.
 */

export const SEVENTEEN_TRACK_SIGNATURE_HEADER = 'sign';

const eventSchema = z.object({
  time_iso: looseText,
  time_utc: looseText,
  time_raw: z.object({ date: looseText, time: looseText, timezone: looseText }).partial().nullish().catch(undefined),
  description: looseText,
  location: looseText,
  stage: looseText,
  sub_status: looseText,
  address: z.object({ country: looseText, state: looseText, city: looseText, postal_code: looseText }).partial().nullish().catch(undefined),
});

const trackItemSchema = z.object({
  number: looseText,
  carrier: looseText,
  track_info: z
    .object({
      latest_status: z.object({ status: looseText, sub_status: looseText }).partial().nullish().catch(undefined),
      time_metrics: z
        .object({ estimated_delivery_date: z.object({ from: looseText, to: looseText }).partial().nullish().catch(undefined) })
        .partial()
        .nullish()
        .catch(undefined),
      tracking: z.object({ providers: looseArray }).partial().nullish().catch(undefined),
    })
    .partial()
    .nullish()
    .catch(undefined),
});
export type SeventeenTrackItem = z.infer<typeof trackItemSchema>;

const providerSchema = z.object({ provider: z.object({ key: looseText }).partial().nullish().catch(undefined), events: looseArray });
const envelopeSchema = z.object({ event: looseText, data: z.unknown().optional() });

/** An event's time: the carrier's own wall clock when 17TRACK says it does not know the zone, else `time_iso`. */
function eventTime(event: z.infer<typeof eventSchema>): CarrierTime | null {
  const raw = event.time_raw;
  if (raw?.date && !raw.timezone) return bridgeTime(raw.time ? `${raw.date}T${raw.time}` : raw.date);
  return bridgeTime(event.time_iso) ?? bridgeTime(event.time_utc);
}

/** One 17TRACK track item as a complete update. */
export function normaliseSeventeenTrackItem(item: SeventeenTrackItem, receivedAt: Date): BridgedTracking {
  const number = item.number ? bridgeTrackingNumber(item.number) : '';
  if (!number) return { update: null, rejects: [malformedItem(0, null, 'A 17TRACK item without number.')] };
  if (!item.carrier) return { update: null, rejects: [malformedItem(0, number, 'A 17TRACK item without carrier.')] };
  const rejects: PushItemReject[] = [];
  const info = item.track_info ?? {};
  const events = (info.tracking?.providers ?? []).flatMap((providerItem, providerIndex) => {
    const provider = providerSchema.safeParse(providerItem);
    if (!provider.success) {
      rejects.push(malformedItem(0, number, `17TRACK providers[${providerIndex}] is not an object.`));
      return [];
    }
    return (provider.data.events ?? []).flatMap((eventItem, eventIndex) => {
      const parsed = eventSchema.safeParse(eventItem);
      if (!parsed.success) {
        rejects.push(malformedItem(0, number, `17TRACK providers[${providerIndex}].events[${eventIndex}] is not an object.`));
        return [];
      }
      const event = parsed.data;
      const mapping = mapTwoLevel(SEVENTEEN_TRACK_SUB_STATUS_TABLE, event.sub_status, SEVENTEEN_TRACK_STATUS_TABLE, event.stage);
      const address = event.address ?? {};
      return [
        createEvent({
          time: eventTime(event),
          description: event.description,
          code: mapping.rawCode,
          codes: { stage: event.stage, sub_status: event.sub_status },
          location: createLocation({
            city: address.city,
            region: address.state,
            postalCode: address.postal_code,
            countryCode: address.country,
            raw: event.location,
          }),
          mapped: mapping.entry,
        }),
      ];
    });
  });
  const latest = info.latest_status ?? {};
  const current = mapTwoLevel(SEVENTEEN_TRACK_SUB_STATUS_TABLE, latest.sub_status, SEVENTEEN_TRACK_STATUS_TABLE, latest.status);
  const estimate = info.time_metrics?.estimated_delivery_date;
  // A postal item often changes hands (China Post → USPS): when 17TRACK's carrier has no wismo adapter, a provider
  // that has one names the carrier, so the store can poll it too.
  const providerKeys = (info.tracking?.providers ?? []).map((provider) => providerSchema.safeParse(provider).data?.provider?.key);
  const carrier =
    knownWismoCarrier(item.carrier) ??
    providerKeys.map((key) => (key ? knownWismoCarrier(key) : null)).find((known) => known !== null) ??
    wismoCarrierOfCourier(item.carrier);
  return {
    update: bridgeUpdate({
      carrier,
      trackingNumber: number,
      complete: true,
      events,
      eventsNewestFirst: true,
      currentStatus: current.entry,
      estimatedDelivery: bridgeEstimatedDelivery(estimate?.from, estimate?.to),
      receivedAt,
    }),
    rejects,
  };
}

/** Pure: a 17TRACK webhook body → updates and rejects. `TRACKING_STOPPED` is reported: it carries no parcel state. */
export function parseSeventeenTrackWebhook(body: string, context: { receivedAt: Date }): PushParseResult {
  const object = readJsonObject(body);
  if (!object) return pushBodyRejected('The 17TRACK webhook body is not a JSON object.');
  const envelope = envelopeSchema.safeParse(object).data ?? envelopeSchema.parse({});
  const item = trackItemSchema.safeParse(envelope.data);
  const number = item.success && item.data.number ? bridgeTrackingNumber(item.data.number) : null;
  if (envelope.event !== 'TRACKING_UPDATED')
    return { updates: [], rejects: [unsupportedItem(0, number, `17TRACK ${envelope.event ?? '(no event)'}: nothing to apply.`)] };
  if (!item.success) return pushBodyRejected('The 17TRACK TRACKING_UPDATED has no track item in data.');
  return singleTrackingResult(normaliseSeventeenTrackItem(item.data, context.receivedAt));
}

export interface SeventeenTrackBridgeSettings {
  /** The 17TRACK API key (`17token`), which also signs the webhooks. */
  apiKey: string;
}

export function verifySeventeenTrackWebhook(request: PushRequest, settings: SeventeenTrackBridgeSettings): PushVerification {
  const sign = pushHeader(request, SEVENTEEN_TRACK_SIGNATURE_HEADER);
  if (sign === undefined || sign === '') return pushRejected('missing_signature', 'The sign header is missing.');
  const expected = createHash('sha256').update(request.body).update(`/${settings.apiKey}`).digest('hex');
  return constantTimeEqual(sign.toLowerCase(), expected)
    ? PUSH_ACCEPTED
    : pushRejected('bad_signature', 'The sign header does not match the body.');
}

/** The 17TRACK bridge, mounted at `POST /webhooks/aggregators/17track`. */
export function createSeventeenTrackReceiver(settings: SeventeenTrackBridgeSettings): PushReceiver {
  if (!settings.apiKey) throw new TypeError('createSeventeenTrackReceiver needs the 17TRACK API key.');
  return aggregatorReceiver('17track', settings, verifySeventeenTrackWebhook, parseSeventeenTrackWebhook);
}

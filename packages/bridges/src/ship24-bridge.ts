import {
  createEvent,
  createLocation,
  pushBodyRejected,
  pushBodyText,
  pushHeader,
  pushRejected,
  verifyStaticToken,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushUpdate,
  type PushVerification,
} from '@wismo/core';
import { z } from 'zod';
import {
  aggregatorReceiver,
  bridgeEstimatedDelivery,
  bridgeTime,
  bridgeTrackingNumber,
  bridgeUpdate,
  looseArray,
  looseText,
  malformedItem,
  mapTwoLevel,
  readJsonObject,
  wismoCarrierOfCourier,
  type BridgedTracking,
} from './bridge-common';
import { SHIP24_MILESTONE_TABLE, SHIP24_STATUS_CODE_TABLE } from './ship24-status-tables';

/*
 * Ship24 webhooks (docs.ship24.com/webhooks): `{ trackings: [{ metadata: { generatedAt, messageId, topic }, tracker,
 * shipment, events, statistics }] }`, one or several trackings per message; `events` holds only the events new since
 * the last push, so each update is partial. Authentication: `Authorization: Bearer <webhook secret>`, a static
 * secret compared in constant time; no timestamp is signed, so replays are caught by `messageId` in the store.
 * `occurrenceDatetime` is the event's local time, with an offset only when the courier gave one.
 */

const eventSchema = z.object({
  trackingNumber: looseText,
  status: looseText,
  occurrenceDatetime: looseText,
  location: looseText,
  courierCode: looseText,
  statusCode: looseText,
  statusCategory: looseText,
  statusMilestone: looseText,
});

const trackingSchema = z.object({
  metadata: z.object({ messageId: looseText, topic: looseText }).partial().nullish().catch(undefined),
  tracker: z
    .object({ trackingNumber: looseText, courierCode: z.array(z.string()).nullish().catch(undefined) })
    .partial()
    .nullish()
    .catch(undefined),
  shipment: z
    .object({
      statusCode: looseText,
      statusMilestone: looseText,
      destinationCountryCode: looseText,
      originCountryCode: looseText,
      delivery: z
        .object({ estimatedDeliveryDate: looseText, signedBy: looseText, service: looseText })
        .partial()
        .nullish()
        .catch(undefined),
    })
    .partial()
    .nullish()
    .catch(undefined),
  events: looseArray,
});
export type Ship24Tracking = z.infer<typeof trackingSchema>;

const envelopeSchema = z.object({ trackings: looseArray });

/** One item of `trackings` as a partial update: the new events, the current milestone and the estimate. */
export function normaliseShip24Tracking(tracking: Ship24Tracking, index: number, receivedAt: Date): BridgedTracking {
  const number = tracking.tracker?.trackingNumber ? bridgeTrackingNumber(tracking.tracker.trackingNumber) : '';
  if (!number) return { update: null, rejects: [malformedItem(index, null, `Ship24 trackings[${index}] has no tracker.trackingNumber.`)] };
  const rejects: PushItemReject[] = [];
  const parsedEvents = (tracking.events ?? []).flatMap((item, eventIndex) => {
    const parsed = eventSchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    rejects.push(malformedItem(index, number, `Ship24 trackings[${index}].events[${eventIndex}] is not an object.`));
    return [];
  });
  const courier = parsedEvents.find((event) => event.courierCode)?.courierCode ?? tracking.tracker?.courierCode?.[0]?.trim();
  if (!courier)
    return {
      update: null,
      rejects: [...rejects, malformedItem(index, number, `Ship24 trackings[${index}] names no courier (courierCode), so no carrier.`)],
    };
  const events = parsedEvents.map((event) => {
    const mapping = mapTwoLevel(SHIP24_STATUS_CODE_TABLE, event.statusCode, SHIP24_MILESTONE_TABLE, event.statusMilestone);
    return createEvent({
      time: bridgeTime(event.occurrenceDatetime),
      description: event.status,
      code: mapping.rawCode,
      codes: { statusCode: event.statusCode, statusCategory: event.statusCategory, statusMilestone: event.statusMilestone },
      location: createLocation({ raw: event.location }),
      mapped: mapping.entry,
    });
  });
  const shipment = tracking.shipment ?? {};
  const current = mapTwoLevel(SHIP24_STATUS_CODE_TABLE, shipment.statusCode, SHIP24_MILESTONE_TABLE, shipment.statusMilestone);
  const carrier = wismoCarrierOfCourier(courier);
  const estimate = shipment.delivery?.estimatedDeliveryDate;
  return {
    update: bridgeUpdate({
      carrier,
      trackingNumber: number,
      complete: false,
      events,
      // Ship24 lists events newest first.
      eventsNewestFirst: true,
      currentStatus: current.entry,
      estimatedDelivery: bridgeEstimatedDelivery(estimate, estimate),
      signedBy: shipment.delivery?.signedBy ?? null,
      service: shipment.delivery?.service ? { code: null, name: shipment.delivery.service } : null,
      origin: createLocation({ countryCode: shipment.originCountryCode }),
      destination: createLocation({ countryCode: shipment.destinationCountryCode }),
      receivedAt,
    }),
    rejects,
  };
}

/** Pure: a Ship24 webhook body → one update per readable item of `trackings`, a reject for each other. */
export function parseShip24Webhook(body: string, context: { receivedAt: Date }): PushParseResult {
  const object = readJsonObject(body);
  if (!object) return pushBodyRejected('The Ship24 webhook body is not a JSON object.');
  const trackings = envelopeSchema.safeParse(object).data?.trackings;
  if (!trackings) return pushBodyRejected('The Ship24 webhook body has no trackings array.');
  const updates: PushUpdate[] = [];
  const rejects: PushItemReject[] = [];
  trackings.forEach((item, index) => {
    const parsed = trackingSchema.safeParse(item);
    if (!parsed.success) {
      rejects.push(malformedItem(index, null, `Ship24 trackings[${index}] is not an object.`));
      return;
    }
    const result = normaliseShip24Tracking(parsed.data, index, context.receivedAt);
    if (result.update) updates.push(result.update);
    rejects.push(...result.rejects);
  });
  return { updates, rejects };
}

export interface Ship24BridgeSettings {
  /** The webhook secret shown in the Ship24 dashboard (sent as `Authorization: Bearer <secret>`). */
  webhookSecret: string;
}

/** Ship24's message ids, joined: a resent message finds its first receipt. */
function deliveryIdOf(request: PushRequest): string | null {
  const object = readJsonObject(pushBodyText(request));
  const trackings = (object && envelopeSchema.safeParse(object).data?.trackings) || [];
  const ids = trackings.map((item) => trackingSchema.safeParse(item).data?.metadata?.messageId);
  if (ids.length === 0 || ids.some((id) => !id)) return null;
  return `ship24:${[...ids].sort().join(',')}`;
}

export function verifyShip24Webhook(request: PushRequest, settings: Ship24BridgeSettings): PushVerification {
  const authorization = pushHeader(request, 'authorization');
  if (authorization === undefined || authorization === '') return pushRejected('missing_signature', 'The Authorization header is missing.');
  const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
  if (!token) return pushRejected('bad_signature', 'The Authorization header is not a Bearer secret.');
  const verified = verifyStaticToken('Authorization', token, settings.webhookSecret);
  return verified.ok ? { ok: true, deliveryId: deliveryIdOf(request), sentAt: null } : verified;
}

/** The Ship24 bridge, mounted at `POST /webhooks/aggregators/ship24`. */
export function createShip24Receiver(settings: Ship24BridgeSettings): PushReceiver {
  if (!settings.webhookSecret) throw new TypeError('createShip24Receiver needs the Ship24 webhook secret.');
  return aggregatorReceiver('ship24', settings, verifyShip24Webhook, parseShip24Webhook);
}

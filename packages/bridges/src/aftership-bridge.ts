import {
  createEvent,
  createLocation,
  pushBodyRejected,
  pushBodyText,
  pushHeader,
  verifyHmacSha256,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushVerification,
} from '@wismo/core';
import { z } from 'zod';
import { AFTERSHIP_SUBTAG_TABLE, AFTERSHIP_TAG_TABLE } from './aftership-status-tables';
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
  singleTrackingResult,
  wismoCarrierOfCourier,
  type BridgedTracking,
} from './bridge-common';

/*
 * AfterShip Tracking webhooks (aftership.com/docs/tracking/webhook): `{ ts, event, event_id, is_tracking_first_tag,
 * msg: <Tracking> }`, events `tracking_update`, `edd_revise`, `tracking_pending_time`. The header
 * `aftership-hmac-sha256` is the Base64 HMAC-SHA256 of the raw body with the account's webhook secret. Nothing outside
 * the body is signed, so replays are caught by `event_id` (the store keeps one receipt per id), not by a clock.
 */

export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256';

const checkpointSchema = z.object({
  checkpoint_time: looseText,
  message: looseText,
  tag: looseText,
  subtag: looseText,
  subtag_message: looseText,
  location: looseText,
  city: looseText,
  state: looseText,
  zip: looseText,
  country_region: looseText,
  country_iso3: looseText,
  raw_tag: looseText,
});

const trackingSchema = z.object({
  tracking_number: looseText,
  slug: looseText,
  tag: looseText,
  subtag: looseText,
  subtag_message: looseText,
  signed_by: looseText,
  courier_tracking_link: looseText,
  courier_estimated_delivery_date: z
    .object({ estimated_delivery_date: looseText, estimated_delivery_date_min: looseText, estimated_delivery_date_max: looseText })
    .partial()
    .nullish()
    .catch(undefined),
  expected_delivery: looseText,
  checkpoints: looseArray,
});
export type AftershipTracking = z.infer<typeof trackingSchema>;

const envelopeSchema = z.object({
  event: looseText,
  event_id: looseText,
  ts: z.number().nullish().catch(undefined),
  msg: z.unknown().optional(),
});

/**
 * One AfterShip tracking (the webhook's `msg`, or a row of the API) as a complete update: AfterShip sends every
 * checkpoint each time. Checkpoint times are the checkpoint's local time; without an offset they stay local.
 */
export function normaliseAftershipTracking(tracking: AftershipTracking, receivedAt: Date): BridgedTracking {
  const number = tracking.tracking_number ? bridgeTrackingNumber(tracking.tracking_number) : '';
  if (!number) return { update: null, rejects: [malformedItem(0, null, 'An AfterShip tracking without tracking_number.')] };
  if (!tracking.slug) return { update: null, rejects: [malformedItem(0, number, 'An AfterShip tracking without slug (courier).')] };
  const rejects: PushItemReject[] = [];
  const events = (tracking.checkpoints ?? []).flatMap((item, index) => {
    const parsed = checkpointSchema.safeParse(item);
    if (!parsed.success) {
      rejects.push(malformedItem(index, number, `AfterShip checkpoint ${index} is not an object.`));
      return [];
    }
    const checkpoint = parsed.data;
    const mapping = mapTwoLevel(AFTERSHIP_SUBTAG_TABLE, checkpoint.subtag, AFTERSHIP_TAG_TABLE, checkpoint.tag);
    return [
      createEvent({
        time: bridgeTime(checkpoint.checkpoint_time),
        description: checkpoint.message ?? checkpoint.subtag_message,
        code: mapping.rawCode,
        codes: { tag: checkpoint.tag, subtag: checkpoint.subtag, raw_tag: checkpoint.raw_tag },
        location: createLocation({
          city: checkpoint.city,
          region: checkpoint.state,
          postalCode: checkpoint.zip,
          countryCode: checkpoint.country_region ?? checkpoint.country_iso3,
          raw: checkpoint.location,
        }),
        mapped: mapping.entry,
      }),
    ];
  });
  const current = mapTwoLevel(AFTERSHIP_SUBTAG_TABLE, tracking.subtag, AFTERSHIP_TAG_TABLE, tracking.tag);
  const estimate = tracking.courier_estimated_delivery_date;
  const carrier = wismoCarrierOfCourier(tracking.slug);
  return {
    update: bridgeUpdate({
      carrier,
      trackingNumber: number,
      complete: true,
      events,
      // AfterShip lists checkpoints oldest first.
      eventsNewestFirst: false,
      currentStatus: current.entry,
      estimatedDelivery: estimate?.estimated_delivery_date
        ? bridgeEstimatedDelivery(
            estimate.estimated_delivery_date_min ?? estimate.estimated_delivery_date,
            estimate.estimated_delivery_date_max ?? estimate.estimated_delivery_date,
          )
        : bridgeEstimatedDelivery(tracking.expected_delivery, tracking.expected_delivery),
      signedBy: tracking.signed_by ?? null,
      trackingUrl: tracking.courier_tracking_link ?? null,
      receivedAt,
    }),
    rejects,
  };
}

/** Pure: an AfterShip webhook body → updates and rejects. Never throws. */
export function parseAftershipWebhook(body: string, context: { receivedAt: Date }): PushParseResult {
  const object = readJsonObject(body);
  if (!object) return pushBodyRejected('The AfterShip webhook body is not a JSON object.');
  const envelope = envelopeSchema.safeParse(object).data ?? envelopeSchema.parse({});
  const tracking = trackingSchema.safeParse(envelope.msg);
  if (!tracking.success) return pushBodyRejected(`The AfterShip ${envelope.event ?? 'webhook'} has no tracking in msg.`);
  return singleTrackingResult(normaliseAftershipTracking(tracking.data, context.receivedAt));
}

export interface AftershipBridgeSettings {
  /** Settings › Webhooks › webhook secret in AfterShip. */
  webhookSecret: string;
}

export function verifyAftershipWebhook(request: PushRequest, settings: AftershipBridgeSettings): PushVerification {
  const verified = verifyHmacSha256({
    header: AFTERSHIP_SIGNATURE_HEADER,
    signature: pushHeader(request, AFTERSHIP_SIGNATURE_HEADER),
    secret: settings.webhookSecret,
    signed: [request.body],
    encoding: 'base64',
  });
  if (!verified.ok) return verified;
  // The body is authentic now: its event id and timestamp identify this delivery.
  const envelope = envelopeSchema.safeParse(readJsonObject(pushBodyText(request)) ?? {});
  const eventId = envelope.success ? envelope.data.event_id : undefined;
  const ts = envelope.success ? envelope.data.ts : undefined;
  return {
    ok: true,
    deliveryId: eventId ? `aftership:${eventId}` : null,
    sentAt: typeof ts === 'number' && Number.isFinite(ts) ? new Date(ts * 1000) : null,
  };
}

/** The AfterShip bridge, mounted at `POST /webhooks/aggregators/aftership`. */
export function createAftershipReceiver(settings: AftershipBridgeSettings): PushReceiver {
  if (!settings.webhookSecret) throw new TypeError('createAftershipReceiver needs the AfterShip webhook secret.');
  return aggregatorReceiver('aftership', settings, verifyAftershipWebhook, parseAftershipWebhook);
}

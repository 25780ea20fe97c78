import {
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  pushBodyRejected,
  pushHeader,
  pushResultFromOutcomes,
  readPushJson,
  verifyHmacSha256,
  withUnnamedItemsRejected,
  type PushParseResult,
  type PushReceiver,
} from '@wismo/core';
import { FEDEX_CARRIER_ID } from './fedex-constants';
import { parseFedexTrackResponse } from './parse-fedex-response';

/*
 * FedEx Advanced Integrated Visibility / Tracking Webhook (developer.fedex.com … shipment-visibility-webhook):
 * subscriptions are made in the Developer Portal (by account) or by the Tracking Number Subscription API; each
 * delivery carries `fdx-signature` = Base64(HMAC-SHA256(security token, raw body)). Deliveries may arrive out of
 * order ("look at the scan event time stamp"): the store's never-regress rule makes order irrelevant.
 */

export interface FedexPushSettings {
  /** The security token given to FedEx when the webhook project was set up. */
  securityToken: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The push body as a Track API answer. FedEx documents the payload as the Track API's results (not confirmed against
 * a recorded delivery), so the full answer, its `output`, or one track result are all accepted.
 */
function asTrackAnswer(body: unknown): { answer: unknown; numbers: string[] } | null {
  if (!isRecord(body)) return null;
  const output = isRecord(body.output) ? body.output : Array.isArray(body.completeTrackResults) ? body : null;
  const results: unknown[] | null = output && Array.isArray(output.completeTrackResults) ? output.completeTrackResults : null;
  if (results) {
    const numbers = results.map((result) =>
      isRecord(result) && typeof result.trackingNumber === 'string' ? result.trackingNumber.trim() : '',
    );
    return { answer: { output: { completeTrackResults: results } }, numbers };
  }
  const info = isRecord(body.trackingNumberInfo) ? body.trackingNumberInfo : null;
  const number = info && typeof info.trackingNumber === 'string' ? info.trackingNumber.trim() : '';
  if (!number) return null;
  return { answer: { output: { completeTrackResults: [{ trackingNumber: number, trackResults: [body] }] } }, numbers: [number] };
}

/**
 * Pure: a FedEx push body → updates (complete: the Track API's results carry every scan) and rejects. Reuses the
 * poll parser, so statuses, out-of-order scans and times follow the same rules. Never throws.
 */
export function parseFedexPush(body: string, context: { receivedAt: Date }): PushParseResult {
  const json = readPushJson(body);
  if (!json.ok) return pushBodyRejected('The FedEx push body is not JSON.');
  const shaped = asTrackAnswer(json.value);
  if (!shaped) return pushBodyRejected('The FedEx push body has neither completeTrackResults nor a trackingNumberInfo.');
  const named = shaped.numbers.filter(Boolean);
  const result = pushResultFromOutcomes(
    parseFedexTrackResponse({ httpStatus: 200, body: shaped.answer, trackingNumbers: named, fetchedAt: context.receivedAt }),
    { complete: true },
  );
  return withUnnamedItemsRejected(result, shaped.numbers, 'A FedEx track result without a trackingNumber.');
}

/** The receiver for `POST /webhooks/carriers/fedex`. */
export function createFedexPushReceiver(settings: FedexPushSettings): PushReceiver {
  return {
    specificationVersion: PUSH_RECEIVER_SPECIFICATION_VERSION,
    source: FEDEX_CARRIER_ID,
    kind: 'carrier',
    verify(request) {
      return verifyHmacSha256({
        header: 'fdx-signature',
        signature: pushHeader(request, 'fdx-signature'),
        secret: settings.securityToken,
        signed: [request.body],
        encoding: 'base64',
      });
    },
    parse: parseFedexPush,
  };
}

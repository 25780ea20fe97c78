import {
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  pushBodyRejected,
  pushHeader,
  pushResultFromOutcomes,
  pushSubscriptionRefused,
  readPushJson,
  verifyStaticToken,
  WismoError,
  withUnnamedItemsRejected,
  type PushParseResult,
  type PushReceiver,
} from '@wismo/core';
import { z } from 'zod';
import { DHL_CARRIER_ID, DHL_PRODUCTION_BASE_URL } from './dhl-carrier';
import { parseDhlTrackResponse } from './parse-dhl-response';

/*
 * DHL Shipment Tracking – Unified – Push v1.2.5 (developer.dhl.com/api-reference/shipment-tracking-unified-push, its
 * Bruno/Postman collections and the "Push API 101" PDF): `POST /tracking/push/v1/subscription` with `DHL-API-Key`;
 * DHL authenticates each delivery with a static token in a header we name (`ApiKeyAuthentication`). DHL warns the
 * payload "does not provide a unified structure": the Unified Tracking answer shape (`shipments[]`) is read here.
 */

export const DHL_PUSH_SUBSCRIPTION_PATH = '/tracking/push/v1/subscription';
export const DHL_PUSH_EVENTS = ['Pre-Transit', 'Transit', 'Delivered', 'Failure', 'Unknown'] as const;

export interface DhlPushSettings {
  /** The header DHL sends the token in (our choice at subscription time), e.g. `x-wismo-dhl-token`. */
  header: string;
  token: string;
}

function numbersOf(body: unknown): string[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const shipments = (body as { shipments?: unknown }).shipments;
  if (!Array.isArray(shipments)) return null;
  return shipments.map((shipment) =>
    typeof shipment === 'object' && shipment !== null && typeof (shipment as { id?: unknown }).id === 'string'
      ? (shipment as { id: string }).id.trim()
      : '',
  );
}

/**
 * Pure: a DHL push (Unified Tracking shape, `{ shipments: [...] }`, or one shipment) → partial updates, read by the poll
 * parser. Partial, because DHL does not promise the whole history in a push: the store merges and polls soon after.
 */
export function parseDhlPush(body: string, context: { receivedAt: Date }): PushParseResult {
  const json = readPushJson(body);
  if (!json.ok) return pushBodyRejected('The DHL push body is not JSON.');
  const answer = numbersOf(json.value) ? json.value : { shipments: [json.value] };
  const numbers = numbersOf(answer) ?? [];
  const named = numbers.filter(Boolean);
  const result =
    named.length > 0
      ? pushResultFromOutcomes(
          parseDhlTrackResponse({ httpStatus: 200, body: answer, trackingNumbers: named, fetchedAt: context.receivedAt }),
          {
            complete: false,
          },
        )
      : { updates: [], rejects: [] };
  return withUnnamedItemsRejected(result, numbers, 'A DHL push shipment without an id.');
}

/** The receiver for `POST /webhooks/carriers/dhl`: the static token in the configured header, compared in constant time. */
export function createDhlPushReceiver(settings: DhlPushSettings): PushReceiver {
  return {
    specificationVersion: PUSH_RECEIVER_SPECIFICATION_VERSION,
    source: DHL_CARRIER_ID,
    kind: 'carrier',
    verify: (request) => verifyStaticToken(settings.header, pushHeader(request, settings.header), settings.token),
    parse: parseDhlPush,
  };
}

export interface DhlPushSubscribeOptions {
  apiKey: string;
  /** Our webhook URL (`…/webhooks/carriers/dhl`). */
  uri: string;
  /** The header and token DHL will send back (the `createDhlPushReceiver` settings). */
  authentication: DhlPushSettings;
  /** Account subscriptions: every parcel of the account. */
  accountId: string;
  /** e.g. `ecommerce-europe`, `parcel-de`, `express`. */
  service: string;
  events?: ReadonlyArray<(typeof DHL_PUSH_EVENTS)[number]>;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

const subscriptionAnswerSchema = z.object({ id: z.string().optional(), subscriptionId: z.string().optional() }).passthrough();

/** `POST /tracking/push/v1/subscription` for an account (the documented body); returns DHL's subscription id when given. */
export async function subscribeDhlPush(options: DhlPushSubscribeOptions): Promise<{ subscriptionId: string | null }> {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const url = `${(options.baseUrl ?? DHL_PRODUCTION_BASE_URL).replace(/\/+$/, '')}${DHL_PUSH_SUBSCRIPTION_PATH}`;
  let response: Response;
  try {
    response = await fetchFunction(url, {
      method: 'POST',
      headers: { 'DHL-API-Key': options.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        hook: {
          uri: options.uri,
          authentication: { type: 'ApiKeyAuthentication', header: options.authentication.header, token: options.authentication.token },
        },
        format: 'Default',
        type: 'Account',
        service: options.service,
        events: [...(options.events ?? DHL_PUSH_EVENTS)],
        accountID: options.accountId,
      }),
    });
  } catch (error) {
    throw new WismoError('carrier_unavailable', 'DHL Push did not answer the subscription request', {
      carrierId: DHL_CARRIER_ID,
      retryable: true,
      cause: error,
    });
  }
  if (!response.ok) {
    throw pushSubscriptionRefused(`DHL Push refused the subscription (HTTP ${response.status})`, {
      carrierId: DHL_CARRIER_ID,
      httpStatus: response.status,
    });
  }
  const json = readPushJson(await response.text());
  const parsed = json.ok ? subscriptionAnswerSchema.safeParse(json.value) : null;
  return { subscriptionId: parsed?.success ? (parsed.data.id ?? parsed.data.subscriptionId ?? null) : null };
}

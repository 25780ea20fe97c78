import { createHmac } from 'node:crypto';
import { dhlSandbox } from './dhl-sandbox';
import { fedexSandbox } from './fedex-sandbox';
import { buildJourney, type Journey } from './journeys';
import type { SandboxCarrier, SandboxRequest } from './sandbox-carrier';
import type { SandboxClock } from './sandbox-clock';
import { decodeSandboxNumber } from './sandbox-numbers';
import { createSeededRandom } from './seeded-random';
import { upsSandbox } from './ups-sandbox';
import { uspsSandbox } from './usps-sandbox';

/*
 * Sandbox carriers that push: subscriptions to a registered URL, deliveries signed the carrier's way (UPS Track Alert
 * v1 `credential`, FedEx `fdx-signature`, USPS `X-HMAC` over timestamp + payload, DHL's named header) for every scan
 * their journeys make as the sandbox clock moves, UPS's 14-day expiry, and faults: bad signatures, duplicates, out of
 * order, bursts. Bodies come from the same sandbox modules that answer polls, so push and poll tell one story.
 */

export type SandboxPushCarrier = 'ups' | 'fedex' | 'usps' | 'dhl';

export interface SandboxPushFaults {
  /** Share of deliveries signed with a wrong secret (the receiver must answer 401). */
  badSignatureRate?: number;
  /** Share of deliveries sent twice (carriers deliver at least once). */
  duplicateRate?: number;
  /** Each flush sends its deliveries newest first (FedEx: "updates may arrive out of order"). */
  outOfOrder?: boolean;
  /** Each flush sends its deliveries all at once instead of one after the other. */
  burst?: boolean;
}

export interface SandboxPushOptions {
  carrier: SandboxPushCarrier;
  clock: SandboxClock;
  /** As given to `startSandboxCarriers` (when `advancing` parcels got their label). */
  advancingStart: Date;
  /** UPS v1 credential, FedEx security token, USPS subscription secret, or DHL token. */
  secret: string;
  /** DHL: the header we named at subscription. Default `x-wismo-dhl-token`. */
  dhlHeader?: string;
  /** How long a subscription lasts. Default: UPS 14 days, the others until unsubscribed. */
  subscriptionMs?: number | null;
  faults?: SandboxPushFaults;
  /** UPS v2: where pushes go (set in the UPS portal, not in the subscription call). */
  v2Url?: string;
  /** Seed of the fault draws. Default 1. */
  seed?: number;
  fetch?: typeof globalThis.fetch;
}

export interface SandboxPushDelivery {
  url: string;
  trackingNumber: string;
  /** The receiver's HTTP status (0: it could not be reached: the carrier drops the push, as UPS does). */
  status: number;
  fault: 'bad_signature' | 'duplicate' | null;
  /** When the scan happened (sandbox clock, epoch ms). */
  scannedAt: number;
  /** Wall-clock ms from the start of the flush (the scan exists) to the receiver's answer: includes waiting behind the round's earlier deliveries. */
  elapsedMs: number;
  /** Wall-clock ms of this delivery's own request, from sending to the receiver's answer. */
  requestMs: number;
}

export interface SignedPush {
  headers: Record<string, string>;
  body: string;
}

export interface SandboxPusher {
  readonly carrier: SandboxPushCarrier;
  /** Registers `url` for the numbers (UPS: at most 100 a call, like Track Alert). Scans before now are not pushed. */
  subscribe(url: string, trackingNumbers: readonly string[]): { subscribed: string[]; expiresAt: string | null };
  unsubscribe(trackingNumbers: readonly string[]): void;
  /** Pushes every scan made (by the sandbox clock) since the last flush to each live subscription. */
  flush(): Promise<SandboxPushDelivery[]>;
  /**
   * The carrier's subscription API as a `fetch` (pass it to `subscribeUpsTrackAlert`, `subscribeUspsTracking`,
   * `recoverUspsSubscription`): UPS `POST /api/track/{v1|v2}/subscription/{type}/package` (at most 100 numbers,
   * VSS220); USPS `POST/GET/DELETE /subscriptions-tracking/v3/subscriptions[/{id}]`. A USPS listener that cannot be
   * reached suspends its subscription (`SUSPENDED`), as USPS does; nothing is pushed to it until it is created again.
   */
  readonly subscriptionApi: typeof globalThis.fetch;
  /** The carrier's signed delivery for one number as of now (for tests that post by hand). */
  signedPush(trackingNumber: string, options?: { wrongSecret?: boolean }): SignedPush | null;
  deliveries(): readonly SandboxPushDelivery[];
}

const UPS_SUBSCRIPTION_MS = 14 * 24 * 3_600_000;

interface Subscription {
  url: string;
  expiresAtMs: number | null;
  /** Scans at or before this instant were pushed already (or happened before subscribing). */
  pushedUntilMs: number;
  /** The secret given with this subscription (UPS v1 `credential`, USPS `secret`); else the pusher's. */
  secret?: string | undefined;
  /** USPS: the subscription the number belongs to. */
  subscriptionId?: string;
}

interface UspsSandboxSubscription {
  listenerURL: string;
  secret: string;
  numbers: string[];
  status: 'ACTIVE' | 'SUSPENDED';
}

function sandboxRequest(query = ''): SandboxRequest {
  return { method: 'GET', url: new URL(`http://sandbox.invalid/push${query}`), headers: {}, body: '' };
}

function answerBody(carrier: SandboxCarrier, trackingNumber: string, journey: Journey, query = ''): unknown {
  return carrier.trackAnswer(sandboxRequest(query), [{ trackingNumber, journey }]).body;
}

function hmacBase64(secret: string, ...parts: string[]): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest('base64');
}

const compact = (value: unknown) => (typeof value === 'string' ? value.replaceAll(/[-:]/g, '') : '');

/** One UPS Track Alert message from the sandbox's Track API activity of the same scan. */
function upsTrackAlertMessage(trackingNumber: string, journey: Journey, index: number): Record<string, unknown> {
  const body = answerBody(upsSandbox, trackingNumber, journey) as {
    trackResponse: { shipment: Array<{ package: Array<Record<string, unknown>> }> };
  };
  const item = body.trackResponse.shipment[0]!.package[0]!;
  const activity = (item.activity as Array<Record<string, unknown>>)[index]!;
  const status = (activity.status ?? {}) as Record<string, string>;
  const address = ((activity.location as { address?: Record<string, string> } | undefined)?.address ?? {}) as Record<string, string>;
  const dates = (item.deliveryDate as Array<{ type: string; date: string }> | undefined) ?? [];
  const delivered = journey.events[index]!.milestone === 'delivered';
  return {
    trackingNumber,
    localActivityDate: compact(activity.date),
    localActivityTime: compact(activity.time).padStart(6, '0'),
    gmtActivityDate: compact(activity.gmtDate),
    gmtActivityTime: compact(activity.gmtTime).padStart(6, '0'),
    activityLocation: {
      city: address.city ?? '',
      stateProvince: address.stateProvince ?? '',
      postalCode: address.postalCode ?? '',
      country: address.countryCode ?? address.country ?? '',
    },
    activityStatus: {
      type: status.type ?? '',
      code: status.code ?? '',
      description: status.description ?? '',
      descriptionCode: status.statusCode ?? '',
    },
    scheduledDeliveryDate: dates.find((date) => date.type === 'RDD' || date.type === 'SDD')?.date ?? '',
    actualDeliveryDate: delivered ? compact(activity.date) : '',
    actualDeliveryTime: delivered ? compact(activity.time).padStart(6, '0') : '',
    deliveryStartTime: '',
    deliveryEndTime: '',
    deliveryTimeDescription: '',
  };
}

export function createSandboxPusher(options: SandboxPushOptions): SandboxPusher {
  const carrier = options.carrier;
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const random = createSeededRandom(options.seed ?? 1);
  const faults = options.faults ?? {};
  const subscriptionMs = options.subscriptionMs === undefined ? (carrier === 'ups' ? UPS_SUBSCRIPTION_MS : null) : options.subscriptionMs;
  const dhlHeader = options.dhlHeader ?? 'x-wismo-dhl-token';
  const subscriptions = new Map<string, Subscription>();
  const log: SandboxPushDelivery[] = [];
  const uspsSubscriptions = new Map<string, UspsSandboxSubscription>();
  let nextSubscriptionId = 1;

  const json = (status: number, body: unknown) =>
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const upsError = (status: number, code: string, message: string) => json(status, { response: { errors: [{ code, message }] } });

  /** UPS Track Alert's subscription endpoint (UPSTrackAlert.yaml): validation codes as documented. */
  function upsSubscriptionAnswer(path: string, body: Record<string, unknown>): Response {
    const version = /^\/api\/track\/(v1|v2)\/subscription\/(standard|enhanced)\/package$/.exec(path)?.[1];
    if (!version) return json(404, { errors: [{ code: '404', message: 'The requested resource was not found.' }] });
    const list = body.trackingNumberList;
    if (!Array.isArray(list) || list.length === 0) return upsError(400, 'VSS200', 'Tracking Number List is required.');
    if (list.length > 100) return upsError(400, 'VSS220', 'You have submitted over 100 1Z numbers which is not allowed.');
    const destination = body.destination as { url?: string; credential?: string } | undefined;
    if (version === 'v1' && !destination?.url) return upsError(400, 'VSS600', 'URL is empty or not present.');
    if (version === 'v1' && !destination?.credential) return upsError(400, 'VSS700', 'Credential is empty or not present.');
    const pattern = version === 'v1' ? /^1Z[0-9A-Z]{16}$/ : /^1[ZR][0-9A-Z]{16}$/;
    const valid = list.filter((number): number is string => typeof number === 'string' && pattern.test(number));
    const url = destination?.url ?? options.v2Url;
    if (!url) return upsError(400, 'VSS500', 'Destination is required.');
    pusher.subscribe(url, valid);
    for (const number of valid) subscriptions.get(number)!.secret = destination?.credential;
    return json(200, { validTrackingNumbers: valid, invalidTrackingNumbers: list.filter((number) => !valid.includes(number as string)) });
  }

  /** USPS Subscriptions-Tracking v3 (shape from third-party sources): create, read, delete. */
  function uspsSubscriptionAnswer(method: string, path: string, body: Record<string, unknown>): Response {
    const match = /^\/subscriptions-tracking\/v3\/subscriptions(?:\/([^/]+))?$/.exec(path);
    if (!match) return json(404, { error: { code: '404', message: 'Not found' } });
    const id = match[1] ? decodeURIComponent(match[1]) : null;
    if (id !== null) {
      const found = uspsSubscriptions.get(id);
      if (!found) return json(404, { error: { code: '404', message: 'Subscription not found' } });
      if (method === 'DELETE') {
        uspsSubscriptions.delete(id);
        pusher.unsubscribe(found.numbers);
        return json(204, null);
      }
      return json(200, { subscriptionId: id, status: found.status, listenerURL: found.listenerURL });
    }
    if (method !== 'POST') return json(405, { error: { code: '405', message: 'Method not allowed' } });
    const filter = body.filterProperties as { trackingNumbers?: unknown } | undefined;
    const secret = body.secret;
    if (
      typeof body.listenerURL !== 'string' ||
      typeof secret !== 'string' ||
      secret.length !== 32 ||
      !Array.isArray(filter?.trackingNumbers)
    )
      return json(400, {
        error: { code: '400', message: 'listenerURL, a 32-character secret and filterProperties.trackingNumbers are required' },
      });
    const subscriptionId = `sandbox-${nextSubscriptionId++}`;
    const numbers = filter.trackingNumbers.filter((number): number is string => typeof number === 'string');
    uspsSubscriptions.set(subscriptionId, { listenerURL: body.listenerURL, secret, numbers, status: 'ACTIVE' });
    pusher.subscribe(body.listenerURL, numbers);
    for (const number of numbers) Object.assign(subscriptions.get(number)!, { secret, subscriptionId });
    return json(201, { subscriptionId, status: 'ACTIVE', listenerURL: body.listenerURL });
  }

  const subscriptionApi = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    if (!headers.get('authorization')?.startsWith('Bearer '))
      return json(401, { errors: [{ code: 'UJ0001', message: 'Invalid token or token is not present.' }] });
    let body: Record<string, unknown> = {};
    try {
      body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    } catch {
      return json(400, { errors: [{ code: 'VSS000', message: 'Invalid request' }] });
    }
    if (carrier === 'ups' && method === 'POST') return upsSubscriptionAnswer(url.pathname, body);
    if (carrier === 'usps') return uspsSubscriptionAnswer(method, url.pathname, body);
    return json(404, { errors: [{ code: '404', message: 'This sandbox carrier has no subscription API here' }] });
  }) as typeof globalThis.fetch;

  const journeyOf = (trackingNumber: string): Journey | null => {
    const decoded = decodeSandboxNumber(carrier, trackingNumber);
    return decoded ? buildJourney(decoded, options.clock.now().getTime(), options.advancingStart.getTime()) : null;
  };

  /** The signed request for a body in the carrier's format. */
  function sign(body: unknown, secret: string): SignedPush {
    const json = { 'content-type': 'application/json' };
    if (carrier === 'ups') {
      const text = JSON.stringify(body);
      return { headers: { ...json, credential: secret, 'user-agent': 'UPSPubSubTrackingService' }, body: text };
    }
    if (carrier === 'fedex') {
      const text = JSON.stringify(body);
      return { headers: { ...json, 'fdx-signature': hmacBase64(secret, text) }, body: text };
    }
    if (carrier === 'usps') {
      const timestamp = options.clock.now().toISOString();
      const payload = JSON.stringify(body);
      const envelope = { subscriptionId: 'sandbox-subscription', subscriptionType: 'TRACKING', timestamp, payload, links: [] };
      return { headers: { ...json, 'x-hmac': hmacBase64(secret, timestamp, payload) }, body: JSON.stringify(envelope) };
    }
    return { headers: { ...json, [dhlHeader]: secret }, body: JSON.stringify(body) };
  }

  /** The bodies to push for a number's scans after `afterMs`: one per scan (UPS), or the whole story once (others). */
  function bodiesAfter(trackingNumber: string, journey: Journey, afterMs: number): Array<{ body: unknown; scannedAt: number }> {
    const fresh = journey.events.map((event, index) => ({ event, index })).filter(({ event }) => event.at > afterMs);
    if (fresh.length === 0) return [];
    if (carrier === 'ups')
      return fresh
        .reverse()
        .map(({ event, index }) => ({ body: upsTrackAlertMessage(trackingNumber, journey, index), scannedAt: event.at }));
    const scannedAt = fresh[0]!.event.at;
    if (carrier === 'fedex') return [{ body: answerBody(fedexSandbox, trackingNumber, journey), scannedAt }];
    if (carrier === 'usps') return [{ body: answerBody(uspsSandbox, trackingNumber, journey, '?expand=DETAIL'), scannedAt }];
    return [{ body: answerBody(dhlSandbox, trackingNumber, journey), scannedAt }];
  }

  const pusher: SandboxPusher = {
    carrier,
    subscriptionApi,
    subscribe(url, trackingNumbers) {
      if (carrier === 'ups' && trackingNumbers.length > 100)
        throw new RangeError('UPS Track Alert takes at most 100 numbers per subscription (VSS220)');
      const nowMs = options.clock.now().getTime();
      const expiresAtMs = subscriptionMs === null ? null : nowMs + subscriptionMs;
      for (const number of trackingNumbers) subscriptions.set(number, { url, expiresAtMs, pushedUntilMs: nowMs });
      return { subscribed: [...trackingNumbers], expiresAt: expiresAtMs === null ? null : new Date(expiresAtMs).toISOString() };
    },
    unsubscribe(trackingNumbers) {
      for (const number of trackingNumbers) subscriptions.delete(number);
    },
    async flush() {
      const started = performance.now();
      const nowMs = options.clock.now().getTime();
      const planned: Array<{
        url: string;
        trackingNumber: string;
        push: SignedPush;
        fault: SandboxPushDelivery['fault'];
        scannedAt: number;
        subscriptionId: string | undefined;
      }> = [];
      for (const [trackingNumber, subscription] of subscriptions) {
        if (subscription.subscriptionId && uspsSubscriptions.get(subscription.subscriptionId)?.status !== 'ACTIVE') continue;
        const journey = journeyOf(trackingNumber);
        // Scans after the expiry are never pushed: the subscription is gone (UPS keeps no history either).
        const until = subscription.expiresAtMs === null ? nowMs : Math.min(nowMs, subscription.expiresAtMs);
        if (journey) {
          const visible = { ...journey, events: journey.events.filter((event) => event.at <= until) };
          for (const { body, scannedAt } of bodiesAfter(trackingNumber, visible, subscription.pushedUntilMs)) {
            const bad = (faults.badSignatureRate ?? 0) > 0 && random() < faults.badSignatureRate!;
            const secret = subscription.secret ?? options.secret;
            const push = sign(body, bad ? `${secret}-wrong` : secret);
            const subscriptionId = subscription.subscriptionId;
            planned.push({ url: subscription.url, trackingNumber, push, fault: bad ? 'bad_signature' : null, scannedAt, subscriptionId });
            if (!bad && (faults.duplicateRate ?? 0) > 0 && random() < faults.duplicateRate!)
              planned.push({ url: subscription.url, trackingNumber, push, fault: 'duplicate', scannedAt, subscriptionId });
          }
        }
        subscription.pushedUntilMs = Math.max(subscription.pushedUntilMs, until);
        if (subscription.expiresAtMs !== null && subscription.expiresAtMs <= nowMs) subscriptions.delete(trackingNumber);
      }
      if (faults.outOfOrder) planned.reverse();
      const send = async (item: (typeof planned)[number]): Promise<SandboxPushDelivery> => {
        let status = 0;
        const sentAt = performance.now();
        try {
          const response = await fetchFunction(item.url, { method: 'POST', headers: item.push.headers, body: item.push.body });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0;
        }
        // USPS: an unreachable listener (or one that errs) suspends the subscription.
        const uspsSubscription = item.subscriptionId ? uspsSubscriptions.get(item.subscriptionId) : undefined;
        if (uspsSubscription && (status === 0 || status >= 500)) uspsSubscription.status = 'SUSPENDED';
        const delivery = {
          url: item.url,
          trackingNumber: item.trackingNumber,
          status,
          fault: item.fault,
          scannedAt: item.scannedAt,
          elapsedMs: performance.now() - started,
          requestMs: performance.now() - sentAt,
        };
        log.push(delivery);
        return delivery;
      };
      if (faults.burst) return Promise.all(planned.map(send));
      const delivered: SandboxPushDelivery[] = [];
      for (const item of planned) delivered.push(await send(item));
      return delivered;
    },
    signedPush(trackingNumber, signOptions = {}) {
      const journey = journeyOf(trackingNumber);
      if (!journey || journey.events.length === 0) return null;
      // UPS pushes the newest scan alone; the others their whole answer.
      const body =
        carrier === 'ups'
          ? upsTrackAlertMessage(trackingNumber, journey, 0)
          : bodiesAfter(trackingNumber, journey, Number.NEGATIVE_INFINITY)[0]!.body;
      const secret = subscriptions.get(trackingNumber)?.secret ?? options.secret;
      return sign(body, signOptions.wrongSecret ? `${secret}-wrong` : secret);
    },
    deliveries: () => log,
  };
  return pusher;
}
